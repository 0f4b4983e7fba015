"""Keyword matching and topic relevance for the ``keywords`` check.

``matching`` finds a brief keyword in the text whatever its inflection, case or hyphenation;
``relevance`` judges whether the keyword fits what the text is about. The check itself
(``reviewer.checks.keywords``) turns their numbers into findings.
"""

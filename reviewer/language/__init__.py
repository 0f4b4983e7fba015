"""Language resources shared by the checks: lemmas, stems and function words for German and
English.

Everything here ships in the package and loads in milliseconds: the lemma dictionary is a
memory-mapped MARISA trie built from simplemma's data by ``scripts/build_language_data.py``
(licences in ``data/LICENSES.md``), stems come from the Snowball algorithms (PyStemmer, a C
extension), and the function-word lists are plain text. Nothing is downloaded, and importing this
package loads nothing: each resource is loaded on first use, per language.
"""

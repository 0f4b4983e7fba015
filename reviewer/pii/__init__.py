"""Personal data: detection (presidio, offline, German and English) and pseudonymisation.

Import the submodules you need; this package keeps its own import light so ``reviewer --help``
and the LLM critique's redaction step never pay for building an analyzer they do not use.
"""

"""Renderers: a Report in, text for people or machines out. No checking happens here."""

"""Turning decoded text into the Document's parts, each with offsets into that text."""

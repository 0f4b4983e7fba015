"""reviewer: catch what AI-drafted B2B marketing copy gets wrong before it is published."""

__version__ = "0.1.0"

"""The entity types the pii check can report (kept import-free for the config validator).

The German identifiers are presidio's recognizers that are about a *person* (tax id and tax number,
passport, identity card, social-security, health-insurance and driving-licence numbers). Company
identifiers (VAT id, commercial register), doctors' practice numbers, postcodes and number plates
are left out: they are not a private person's data in marketing copy, and the plate pattern fires
on ordinary words ("bis zu 70").
"""

from __future__ import annotations

CORE_ENTITIES = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "IBAN_CODE",
    "CREDIT_CARD",
    "IP_ADDRESS",
    "LOCATION",
)
GERMAN_IDS = (
    "DE_TAX_ID",
    "DE_TAX_NUMBER",
    "DE_PASSPORT",
    "DE_ID_CARD",
    "DE_SOCIAL_SECURITY",
    "DE_HEALTH_INSURANCE",
    "DE_FUEHRERSCHEIN",
)
SUPPORTED_ENTITIES = CORE_ENTITIES + GERMAN_IDS

"""Person names with the trained model and the context rules (issue 15): names no list knows,
lone surnames, three-part names, and the non-persons that look like names. Our own sentences."""

from __future__ import annotations

import pytest

from reviewer.checks.pii.model import get_model
from tests.pii_helpers import found


def test_models_ship_with_the_package():
    assert get_model("de") is not None and get_model("en") is not None


@pytest.mark.parametrize(
    "language, text, name",
    [
        # unusual or foreign given names
        ("de", "Die Projektleitung hat Bożena Wiśniewska übernommen.", "Bożena Wiśniewska"),
        ("en", "Our thanks go to Dragomir Petrović for the review.", "Dragomir Petrović"),
        # lower case, introduced by the person
        ("en", "hi, my name is dragomir and I run the depot.", "dragomir"),
        ("de", "hallo, ich heiße bożena und leite das Lager.", "bożena"),
        # a surname standing alone after an attribution or a role noun
        ("en", '"It paid off," says Adebayo.', "Adebayo"),
        ("de", "Das bestätigt die Autorin Lindemann im Gespräch.", "Lindemann"),
        # three-part names
        ("de", "Vorstandschef Hans Jürgen Oberhuber eröffnete die Messe.", "Hans Jürgen Oberhuber"),
        ("en", "Chairman Peter James Whitfield opened the show.", "Peter James Whitfield"),
    ],
)
def test_person_reported(language, text, name):
    assert ("PERSON", name) in found(text, language)


@pytest.mark.parametrize(
    "language, text",
    [
        # a company named like a person, mentioned again and again
        ("en", "Rosa Meadow Ltd builds pumps. Rosa Meadow ships to Spain. Customers love Rosa Meadow."),
        ("de", "Die Greta Maschinenbau GmbH wächst. Greta Maschinenbau liefert nach Polen."),
        # words that start a sentence
        ("en", "Open Source is at the heart of it. Start now."),
        ("de", "Open Source ist uns wichtig. Start ist am Montag."),
        # street and place names that start with a given name
        ("en", "The shop is on Ruby Lane near Albert Square."),
        ("en", "From the station, walk to Victoria Park."),
        ("de", "Das Büro liegt in der Clara-Zetkin-Straße nahe der Luisenstraße."),
        # a common German noun after a word that is also a given name
        ("de", "Hans Kunden wollen Qualität."),
        ("de", "Mark Preise sind gestiegen."),
        # invented product names in marketing copy
        ("en", "With Quillstream you plan faster. Quillstream syncs. Try Quillstream today."),
        ("de", "Mit Lumetrix planen Sie schneller. Lumetrix synchronisiert. Testen Sie Lumetrix."),
    ],
)  # fmt: skip
def test_non_person_not_reported(language, text):
    assert {kind for kind, _ in found(text, language)} - {"LOCATION"} == set()

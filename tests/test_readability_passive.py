"""The passive detector on labelled sentences, including the false friends of both languages."""

from __future__ import annotations

import pytest

from reviewer.checks.readability.passive import find_passive

GERMAN = [
    # passive: werden + Partizip II, ist ... worden, modal + Partizip II + werden
    ("Der Bericht wird morgen veröffentlicht.", True),
    ("Das Team wurde von der Geschäftsführung überzeugt.", True),
    ("Die Daten sind von uns geprüft worden.", True),
    ("Der Vertrag ist bereits unterschrieben worden.", True),
    ("Die Software muss regelmäßig aktualisiert werden.", True),
    ("Die Ergebnisse können im Dashboard eingesehen werden.", True),
    ("Leads werden automatisch qualifiziert und an den Vertrieb übergeben.", True),
    ("Das Projekt wurde 2023 abgeschlossen.", True),
    ("Die Lösung wird, wie angekündigt, im Mai ausgeliefert.", True),
    ("Wir wissen, dass die Anfrage gestern beantwortet wurde.", True),
    ("Es wird empfohlen, die Passwörter regelmäßig zu ändern.", True),
    ("Die Rechnungen würden dann automatisch erstellt.", True),
    ("Ihre Bestellung wird innerhalb von drei Werktagen geliefert.", True),
    ("Die Maschinen werden rund um die Uhr überwacht, damit Ausfälle früh erkannt werden.", True),
    ("Bei der Einführung wurden alle Mitarbeitenden geschult.", True),
    ("Was wurde im letzten Quartal erreicht?", True),
    ("Das Angebot gilt, solange es nicht widerrufen wird.", True),
    # false friends
    ("Er wird morgen kommen.", False),  # future tense, no participle
    ("Wir werden im Herbst eine neue Version veröffentlichen.", False),  # future with infinitive
    ("Unsere Beraterin wird Sie persönlich anrufen.", False),
    ("Die Kunden werden zufriedener.", False),  # werden + adjective
    ("Das wird teuer.", False),
    ("Sie wird Projektleiterin.", False),  # werden + noun
    ("Das Ergebnis wurde ein voller Erfolg.", False),
    ("Die Tür ist geschlossen.", False),  # Zustandspassiv with sein: not counted
    ("Wir sind sehr interessiert an Ihrem Angebot.", False),  # adjectival participle
    ("Die Kunden werden begeistert reagieren.", False),  # adverbial participle + future infinitive
    ("Bis Juni wird das Team die Migration abgeschlossen haben.", False),  # future perfect active
    (
        "Der Markt wird immer wichtiger, weil wir alles geprüft haben.",
        False,
    ),  # participle in another clause
    ("Die Preise sind bekannt geworden.", False),  # geworden, not worden
    ("Der Kunde ist gestern angekommen.", False),  # sein-perfect
    ("Wir haben die Daten sorgfältig geprüft.", False),  # haben-perfect
    ("Wer wird das bezahlen?", False),
    ("Die Zahl der Anfragen wird sich verdoppeln.", False),
]

ENGLISH = [
    # passive: be (or get) + past participle
    ("The report was written by our team.", True),
    ("The data has been checked twice.", True),
    ("The software must be updated regularly.", True),
    ("The house is being built.", True),
    ("Your data is stored in Frankfurt.", True),
    ("The results will be sent tomorrow.", True),
    ("The project was begun in 2023.", True),  # irregular participle
    ("Leads are qualified automatically and handed over to sales.", True),
    ("He got fired last week.", True),
    ("All invoices are created automatically.", True),
    ("The contract had already been signed.", True),
    ("Mistakes were made.", True),
    ("The migration is done in three steps.", True),  # "done" has its own tag
    ("Each dashboard is not shared with external users.", True),
    ("The invoice isn't paid yet.", True),
    ("They're handled by our support team.", True),
    ("Was the report approved?", True),  # inverted question
    ("When was the tool launched?", True),
    ("The tool, which was launched in 2020, is popular.", True),
    ("Freelance trainers care about being paid on time.", True),
    # false friends
    ("I am interested in your offer.", False),  # adjectival participle
    ("We are excited to announce the launch.", False),
    ("We're thrilled to announce our new partner.", False),
    ("She was tired after the meeting.", False),
    ("The team is very experienced.", False),  # degree adverb: adjective
    ("They have written a great article.", False),  # perfect active
    ("He has been working on the migration.", False),  # progressive
    ("Our customers are happy with the results.", False),
    ("The platform is easy to use.", False),
    ("We will send the results tomorrow.", False),
    ("There is nothing left to do.", False),
    ("It is important to start early.", False),
    ("The new release is available now.", False),
    ("Customers who are interested can sign up.", False),
    ("Is the team happy?", False),
]


@pytest.mark.parametrize(("sentence", "passive"), GERMAN)
def test_german(sentence, passive):
    assert (find_passive(sentence, "de") is not None) is passive


@pytest.mark.parametrize(("sentence", "passive"), ENGLISH)
def test_english(sentence, passive):
    assert (find_passive(sentence, "en") is not None) is passive


def test_labelled_sets_are_large_enough():
    for labelled in (GERMAN, ENGLISH):
        assert len(labelled) >= 20
        assert sum(1 for _, p in labelled if p) >= 10
        assert sum(1 for _, p in labelled if not p) >= 10


def test_match_names_auxiliary_participle_and_verb():
    match = find_passive("Die Papierlagen werden aus Recyclingpapier hergestellt.", "de")
    assert match is not None
    assert (match.auxiliary, match.participle, match.lemma) == (
        "werden",
        "hergestellt",
        "herstellen",
    )
    assert match.phrase == "werden … hergestellt"
    english = find_passive("The contract had already been signed.", "en")
    assert english is not None and (english.auxiliary, english.participle, english.lemma) == (
        "been",
        "signed",
        "sign",
    )


def test_perfect_passive_names_worden():
    match = find_passive("Die Daten sind von uns geprüft worden.", "de")
    assert match is not None and match.auxiliary == "worden"

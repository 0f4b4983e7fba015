"""Word lists for finding person names without a statistical model.

First names come from ``gender-guesser``: its dictionary (Jörg Michael's ``nam_dict``, ~48,000
given names with a popularity score per country for Germany, Austria, Switzerland, the UK, the US
and 50 more) is maintained on PyPI, ships inside the wheel, covers German spellings with umlauts and
loads in a quarter of a second. We keep names with a popularity of at least ``MIN_POPULARITY`` in
any country and drop those that are also German or English function words (spaCy's stop-word lists,
which need no model), months or weekdays — "Will", "May", "Am", "Bei" are names there too.

Everything else here is short, closed-class vocabulary (titles, particles, company legal forms,
attribution verbs, job-title words) used as context, never as names.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from functools import cache, lru_cache
from pathlib import Path


def words(text: str) -> frozenset[str]:
    """A word set written as one readable string."""
    return frozenset(text.split())


MIN_POPULARITY = 2  # gender-guesser's 1..13 scale; 1 means "very rare in that country"

# Salutations and academic titles. PERSON spans leave these out ("Dr. Lena Marquardt" ->
# "Lena Marquardt"); they are strong evidence that a person follows.
TITLES = words(
    "herr herrn frau hr hr. fr fr. dr dr. prof prof. professor professorin mr mr. mrs mrs. ms ms. "
    "mx mx. miss sir dame dipl.-ing. dipl.-ing dipl.-kfm. dipl.-kffr. mag. mag ing. med. dr.-ing. "
    "rer. nat. pd"
)

# Lower-case name particles: "Pieter van Leeuwen", "Ursula von der Leyen", "Luis de la Cruz".
PARTICLES = words("van von de der den del della di da du la le ten ter zu vom zur dos das y bin al")

# A company, not a person, when one of these follows the name ("Frank Kunststoff GmbH").
COMPANY_DESIGNATORS = words(
    "gmbh ag kg ohg gbr ug se eg e.v. ev kgaa mbh co co. inc inc. ltd ltd. llc plc corp corp. "
    "corporation company group holding holdings gruppe bank partners partner associates consulting "
    "solutions systems software technologies technology labs studio studios verlag stiftung "
    "foundation university universität hochschule institut institute"
)

# Words that end product, organisation and place names, never a person's: "Max Pro", "Nova
# Suite", "Stella Connect", "Victoria Station", "Joy Division".
NON_SURNAMES = words(
    "suite cloud connect analytics insights assistant platform studio hub pro plus edge flow desk "
    "pay link works labs digital data tech app apps online mobile smart one go max mini lite core "
    "center centre portal network networks services service logistik logistics media marketing "
    "sensing sensors energy capital ventures robotics automation ai cyber security secure shop "
    "store market markets street road avenue square station airport division department tower "
    "plaza gateway engine cluster server sdk api os suite edition series"
)

# German place and venue nouns that end a venue's name after a given name ("Sophie Garten",
# "Luisen Halle"); kept apart from NON_SURNAMES, which is a feature of the trained model.
PLACE_NOUNS = words(
    "halle garten bahnhof platz markt stadion arena zentrum center kirche schule klinik hotel "
    "gasthaus brücke turm insel gymnasium realschule grundschule gesamtschule akademie ground "
    "grounds gardens bridge college academy church school hospital island lake stadium centre"
)  # not "Berg", "Hall", "Park", "See": common surnames

CALENDAR_WORDS = words(
    "januar februar märz april mai juni juli august september oktober november dezember "
    "january february march june july october december montag dienstag mittwoch donnerstag "
    "freitag samstag sonntag monday tuesday wednesday thursday friday saturday sunday"
)

# Verbs and phrases that attribute a quote to a person: "…", sagt Jonas Reimer / says Dan Lee.
ATTRIBUTION_WORDS = words(
    "sagt sagte erklärt erklärte betont betonte ergänzt ergänzte berichtet berichtete meint "
    "meinte so laut fasst resümiert says said explains explained adds added notes noted "
    "recalls recalled according comments commented"
)

# Job-title words that follow a name after a comma: "Oliver Hartwell, Lead Platform Engineer".
JOB_WORDS = words(
    "leiter leiterin geschäftsführer geschäftsführerin inhaber inhaberin gründer gründerin "
    "werksleiter werksleiterin vorstand vorständin vorsitzender vorsitzende direktor direktorin "
    "projektleiter projektleiterin abteilungsleiter abteilungsleiterin bereichsleiter "
    "bereichsleiterin teamleiter teamleiterin referent referentin sprecher sprecherin berater "
    "beraterin professor professorin ingenieur ingenieurin entwickler entwicklerin mitarbeiter "
    "mitarbeiterin prokurist prokuristin head director manager engineer founder co-founder "
    "owner ceo cto cfo coo cmo cio ciso vp president chief lead senior principal consultant "
    "architect officer partner analyst specialist coordinator trainer instructor teacher"
)

# Nouns for a person's role that stand right before a bare surname: "der Autor Brandt", "author Okafor".
ROLE_NOUNS = words(
    "autor autorin author writer redakteur redakteurin editor kollege kollegin colleague kunde "
    "kundin customer client sprecher spokesperson moderator moderatorin host gast guest "
    "vorstandschef vorstandschefin chef chefin boss trainerin coach interviewpartner speaker "
    "referentin referent"
)

# Heads of German nouns for a person's office, rank, trade or kin, which stand right before a
# bare name ("Bundeskanzlerin Merkel", "Motorenchef Mikulic", "sein Sohn Anton"); a compound
# ending in one names a person too (``combine._person_noun``). Not heads that are also surnames ("Fischer", "Müller"), nor
# those that name firms or products in business German ("Konzerntochter", "Schwesterfirma",
# "Übernahmekandidat", "der Nachfolger Nordlicht Pro").
PERSON_HEADS_DE = (
    "präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin", "chef", "chefin",
    "trainer", "trainerin", "sprecher", "sprecherin", "direktor", "direktorin", "vorsitzende",
    "vorsitzender", "bürgermeister", "bürgermeisterin", "könig", "königin", "kaiser", "kaiserin",
    "fürst", "fürstin", "herzog", "herzogin", "bischof", "papst", "prinz", "prinzessin", "sänger",
    "sängerin", "schauspieler", "schauspielerin", "regisseur", "regisseurin", "autor", "autorin",
    "kritiker", "kritikerin", "spieler", "spielerin", "stürmer", "torhüter", "verteidiger",
    "sohn", "bruder", "vater", "onkel", "tante", "neffe", "nichte", "ehefrau", "ehemann", "witwe",
    "gattin", "kollege", "kollegin", "meisterin", "weltmeister", "europameister", "abgeordnete",
    "abgeordneter", "politiker", "politikerin", "journalist", "journalistin", "künstler",
    "künstlerin", "komponist", "komponistin", "maler", "malerin", "dichter", "dichterin",
    "sekretär", "sekretärin", "arzt", "ärztin", "gynäkologe", "professor", "professorin", "lehrer",
    "lehrerin", "unternehmer", "unternehmerin", "gründer", "gründerin", "anwalt", "anwältin",
    "richter", "richterin", "botschafter", "botschafterin", "pfarrer", "pfarrerin", "schriftsteller",
    "schriftstellerin",
)  # fmt: skip
# Devices named like a person's trade ("Lautsprecher", "Crosstrainer", "Plattenspieler").
DEVICE_NOUNS_DE = ("lautsprecher", "plattenspieler", "kassettenspieler", "crosstrainer", "heimtrainer")  # fmt: skip
# Common function words that begin a sentence and are capitalised there; never a surname.
_EXTRA_NON_SURNAMES = words(
    "ich du er sie es wir ihr ihnen ihre ihren ihrem ihres sein seine the and or"
)


@cache
def stop_words() -> frozenset[str]:
    """German and English stop words from spaCy (plain Python lists; no model needed)."""
    return frozenset(_spacy_stop_words("de") | _spacy_stop_words("en") | _EXTRA_NON_SURNAMES)


def _spacy_stop_words(language: str) -> set[str]:
    """spaCy's stop-word list, run from its module file: importing ``spacy.lang.de.stop_words``
    imports spaCy itself first (~0.7 s of CPU) for what is a plain Python set."""
    module = sys.modules.get(f"spacy.lang.{language}.stop_words")
    if module is None:
        spec = importlib.util.find_spec("spacy")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("spaCy is not installed")
        path = Path(spec.submodule_search_locations[0], "lang", language, "stop_words.py")
        namespace: dict = {}
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102
        return set(namespace["STOP_WORDS"])
    return set(module.STOP_WORDS)


@cache
def first_names() -> frozenset[str]:
    """Given names popular enough somewhere, minus function words and calendar words.

    Parsing gender-guesser's dictionary costs about 0.4 s of CPU, most of the engine's own start;
    the result is kept in the user's cache folder (``$REVIEWER_CACHE_DIR`` or platformdirs), keyed
    by the dictionary file and the filter, so later processes read it in milliseconds. A cache
    that cannot be read or written is simply rebuilt."""
    path = _cache_path()
    if path is not None:
        try:
            return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}
        except OSError:
            pass
    names = _build_first_names()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text("\n".join(sorted(names)), encoding="utf-8")
            partial.replace(path)
        except OSError:
            pass
    return names


def _excluded() -> frozenset[str]:
    return stop_words() | CALENDAR_WORDS | TITLES | PARTICLES


def _cache_path() -> Path | None:
    try:
        import gender_guesser

        data = Path(gender_guesser.__file__).with_name("data") / "nam_dict.txt"
        stat = data.stat()
        import platformdirs

        folder = os.environ.get("REVIEWER_CACHE_DIR") or platformdirs.user_cache_dir("reviewer")
    except (OSError, ImportError):
        return None
    key = f"{stat.st_size}:{stat.st_mtime_ns}:{MIN_POPULARITY}:{' '.join(sorted(_excluded()))}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(folder) / f"pii-first-names-{digest}.txt"


def _build_first_names() -> frozenset[str]:
    import gender_guesser.detector as gender

    detector = gender.Detector(case_sensitive=True)
    excluded = _excluded()
    names = set()
    for name, by_gender in detector.names.items():
        if len(name) < 2 or not name[0].isupper() or name.lower() in excluded:
            continue
        if _popularity(by_gender.values()) >= MIN_POPULARITY:
            names.add(name)
    return frozenset(names)


_HEX_DIGITS = frozenset("0123456789ABCDEFabcdef")
_HEX_AND_BLANK = "0123456789ABCDEFabcdef "


def _popularity(country_columns) -> int:
    """Highest per-country popularity (hex digit 1..D) of a name across its gender entries.

    ``max`` over each column string runs in C; the character-by-character loop is only the
    fallback for a column with something other than blanks and hex digits (61,000 names are
    scanned once per process, so this is most of the engine's start-up)."""
    best = 0
    for columns in country_columns:
        top = max(columns, default=" ")
        if top == " ":
            continue
        if top in _HEX_DIGITS and not columns.strip(_HEX_AND_BLANK):
            best = max(best, int(top, 16))
            continue
        for char in columns:
            if char in _HEX_DIGITS:
                best = max(best, int(char, 16))
    return best


@cache
def _folded_first_names() -> frozenset[str]:
    # An ASCII name folds to itself: normalising all 29,000 cost ~30 ms of every cold start.
    return frozenset(name if name.isascii() else fold_accents(name) for name in first_names())


def fold_accents(word: str) -> str:
    """'Zoë' -> 'Zoe', 'Tomás' -> 'Tomas': the dictionary spells some names without diacritics."""
    import unicodedata

    return "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )


@lru_cache(maxsize=65_536)  # the list is fixed per process; bounded: open-ended vocabulary
def is_first_name(word: str) -> bool:
    """A given name, including hyphenated ones ("Anna-Lena", "Hans-Peter") and accent variants."""
    names = first_names()
    if word in names:
        return True
    parts = word.split("-")
    if len(parts) > 1 and all(part in names for part in parts):
        return True
    folded = _folded_first_names()
    return fold_accents(word) in folded if word.isalpha() and not word.isascii() else False


def is_title(word: str) -> bool:
    return word.lower() in TITLES

"""Person names from two sources, combined: the context rules (``person.find_names``: titles,
"sagt"/"says", job titles, the given-name list) and the trained model (``model``).

- a name the model tags PER is reported, scored by the model's confidence;
- a rule hit with a title or attribution stands whatever the model says;
- a rule hit that rests on the given-name list alone is dropped when the model calls the same words
  a company or a place ("Violet Harbor", "Julia Road", "Victoria Station") and there is no title
  or attribution around it; it stands otherwise (the list knows names the model has not seen).

A name only the model finds must also look like one in marketing copy, where product and company
names are invented words: a single word needs to be a known surname or given name (Faker's lists)
or a word the dictionary does not know, never CamelCase ("HireLoop"), a dictionary noun
("Leads", "Wunsch") or a word that names a company elsewhere in the text ("Brenner
Kunststofftechnik GmbH"); a lower-case name needs "my name is" / "ich heiße" before it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.checks.pii import names
from reviewer.checks.pii.model import Entity, gazetteer, get_model
from reviewer.checks.pii.person import SCORE_NAME, find_names, inflected_common_word
from reviewer.checks.pii.precision import names_company, standalone
from reviewer.language import lemmas

SCORE_FLOOR = (
    0.3  # model score = floor + span * confidence: 0.5 from 0.37 on, never above a title (0.85)
)
SCORE_SPAN = 0.55
VETO_CONFIDENCE = 0.9  # ORG/LOC confidence that overrules a list-only rule hit
DOUBT_VETO = 0.6  # ... in German, where the model sees no person there either
LIST_ONLY = "given name + surname"
SURE = 0.75  # confidence for a lone word no name list knows
VERY_SURE = 0.9  # confidence for a lone name that is also a dictionary word
KNOWN_AT_START = 0.9  # ... at a sentence start, where German capitalises any word
LONE_UNKNOWN = SURE  # confidence for a lone word neither listed nor a dictionary word ...
LONE_UNKNOWN_DE = 0.5  # ... in German, whose model also sees word classes and place names
LISTED_NAME = 0.5  # confidence for a listed name the dictionary knows only as a name
BRAND_REPEATS = 3  # a lone unknown word this often in one text is a product or company name


def find_persons(text: str, language: str) -> list[tuple[int, int, float, str]]:
    """``(start, end, score, reason)`` of every person name candidate in ``text``."""
    rules = find_names(text, language)
    model = get_model(language)
    if model is None:
        return rules
    entities = model.entities(text)
    rules += _cued_names(text, language)
    out = [
        rule
        for rule in rules
        if rule[3] != LIST_ONLY or _list_hit_stands(text, rule, entities, language)
    ]
    for entity in entities:
        if entity.label != "PER":
            continue
        start, end = _trim(text, entity.start, entity.end)
        if end > start and _name_like(text, start, end, language, entity.confidence):
            score = SCORE_FLOOR + SCORE_SPAN * entity.confidence
            out.append((start, end, round(score, 3), f"name model ({entity.confidence:.2f})"))
    out = [c for c in (_reshape(text, c, language) for c in out) if c is not None]
    # a name the text also uses for an organisation ("Rosa Meadow" next to "Rosa Meadow Ltd"),
    # decided once per distinct name: a long text repeats names often
    organisation: dict[str, bool] = {}
    kept = []
    for candidate in out:
        name = text[candidate[0] : candidate[1]]
        if name not in organisation:
            organisation[name] = _names_organisation(text, name)
        if candidate[3] == "title" or not organisation[name]:
            kept.append(candidate)
    return kept


def _list_hit_stands(
    text: str, rule: tuple[int, int, float, str], entities: list[Entity], language: str
) -> bool:
    """A rule hit resting on the given-name list alone is dropped when the model calls the same
    words a company or a place ("Violet Harbor", "Julia Road"); in German also when the model
    sees no person there and a later word is a common dictionary word (not one it knows only as a
    name) or the model is fairly sure of a company or place: every noun is capitalised, so a listed first word and a capitalised word
    after it ("Islam Obwohl", "Kader Rekordspieler", "Alfa Romeo") is little sign of a name."""
    start, end = rule[0], rule[1]
    if any(e.label != "PER" and e.confidence >= VETO_CONFIDENCE and _overlap(start, end, e)
           for e in entities):  # fmt: skip
        return False
    if language != "de" or any(e.label == "PER" and _overlap(start, end, e) for e in entities):
        return True
    if rule[2] > SCORE_NAME:
        return True  # "Robert Nährer, IT-Leiter": a job title or attribution confirms it
    later = text[start:end].split()[1:]
    common = [_known(w, language) and not _dictionary_name(w, language) for w in later]
    return not any(common) and not any(
        e.confidence >= DOUBT_VETO and _overlap(start, end, e) for e in entities
    )


_ORG_NOUNS = (
    r"(?:marketplace|platform|company|provider|start-?up|manufacturer|brand|shop|store|agency|"
    r"retailer|supplier|vendor|software|service|app|tool|firm|business|label|studio|"
    r"marktplatz|plattform|unternehmen|firma|anbieter|hersteller|marke|agentur|händler|"
    r"lieferant|dienstleister|lösung|onlineshop|betrieb|mittelständler|familienunternehmen)"
)


_PLACE_PREFIXES = frozenset(
    {"san", "santa", "santo", "são", "sankt", "saint", "st.", "bad", "port"}
)
_CLIENTELE = re.compile(r"-(?i:customers|clients|users|kunden|kundinnen|nutzer\w*|team|teams)$")
_NAME_ARTICLES = frozenset({"den", "das", "der", "dem", "des"})


def _reshape(
    text: str, candidate: tuple[int, int, float, str], language: str
) -> tuple[int, int, float, str] | None:
    """Drop or cut shapes of several words that name a place or a firm or run into the sentence:
    "San Benedetto" (a saint's name as a place), "Martin Greaves Associates" (a firm's word at
    the end); in German a list-only hit that runs on into a capitalised function word
    ("Konstantin Deshalb …" after a lost full stop) or into an article and a noun ("Annegret
    Wolkenstein das Rezept" -> "Annegret Wolkenstein"; with one word left it is dropped); a name
    joined to its customers or team ("Greta Sommerwind-Kunden"), which is a firm's; a span ending
    in a lower-case word ("Solange du")."""
    start, end, score, reason = candidate
    words = list(re.finditer(r"\S+", text[start:end]))
    if reason == "title":
        return candidate
    before = re.search(r"(\S+)\s+$", text[max(0, start - 12) : start])
    if before and before.group(1).lower() in _PLACE_PREFIXES:
        return None  # "St. Malo", "Sankt Michael": a place or church named after a saint
    if _CLIENTELE.search(words[-1].group()):
        return None  # "Greta Sommerwind-Kunden": the firm's customers, the firm's name
    if len(words) < 2:
        return candidate
    if not words[-1].group()[:1].isupper() and reason != "introduces themself":
        return None  # "Solange du …": a particle must lead to a surname
    first, last = words[0].group().lower(), words[-1].group().lower()
    if first in _PLACE_PREFIXES or last in names.COMPANY_DESIGNATORS:
        return None
    if reason != LIST_ONLY or language != "de":
        return candidate
    for n in range(1, len(words)):
        word = words[n].group()
        if word.lower() in names.stop_words() and word[:1].isupper():
            return None
        if (
            n + 1 < len(words)
            and word in _NAME_ARTICLES
            and lemmas.lookup(words[n + 1].group(), "de")
        ):
            return (start, start + words[n - 1].end(), score, reason) if n > 1 else None
    return candidate


_AT, _WITH, _BEI = r"(?i:\bat )", r"(?i:\bwith )", r"(?i:\bbei )"


def _names_organisation(text: str, name: str) -> bool:
    """The text itself says the name is an organisation: a legal form after it ("Rosa Meadow
    Ltd"), its web domain (rosameadow.com), "At Rosa Meadow, we …" / "Bei Rosa Meadow … wir",
    "Rosa Meadow is a marketplace …" / "… ist ein Hersteller …", "Rosa Meadow customers"."""
    quoted = re.escape(name)
    patterns = (  # "at/with/bei" + name written name first (``standalone``): the same matches
        rf"{standalone(name, _AT)},? (?i:we|our)\b",
        rf"{standalone(name, _WITH)},? (?i:we|our)\b",
        rf"{standalone(name, _BEI)},? (?:(?:\w+ ){{0,3}})(?:wir|unser\w*)\b",
        rf"{quoted} (?i:is|was|ist|war|bleibt|remains) (?i:a|an|the|ein|eine|einer|der|die|das)\s"
        rf"(?:[\w-]+\s){{0,3}}?(?i:\w*{_ORG_NOUNS})\b",
        rf"{quoted}(?:-| )(?i:customers|clients|users|kunden|kundinnen|nutzer\w*)\b",
    )
    return (
        names_company(text, name)
        or _names_domain(text, name)
        or any(re.search(pattern, text) for pattern in patterns)
    )


def _names_domain(text: str, name: str) -> bool:
    """The name spelled as a web or mail domain in the same text ("Violet Harbor" and
    violetharbor.com): the company's name, not a person's."""
    squashed = re.sub(r"[^a-zäöüß]", "", name.lower())
    if len(squashed) < 6 or len(name.split()) < 2:
        return False
    return re.search(rf"{standalone(squashed)}\.[a-z]{{2,}}\b", text.lower()) is not None


SCORE_CUED = 0.6
_SELF_NAMED = re.compile(
    r"(?i:\b(?:my name is|my name's|call me|ich heiße|ich heisse|mein name ist))\s+"
    r"([^\W\d_]{2,})(?:\s([^\W\d_]{2,}))?"
)
_ROLE_NAMED = re.compile(r"\b([^\W\d_]+)\s(?=([A-ZÄÖÜ][^\W\d_]+(?:-[A-ZÄÖÜ][^\W\d_]+)?)\b)")


def _cued_names(text: str, language: str) -> list[tuple[int, int, float, str]]:
    """Names the text itself introduces: "my name is tomislav" (any case, a known given name),
    "die Autorin Lindemann", "says Okafor" (a role noun or attribution + a surname no dictionary
    lists as a common word); in German any noun for a person's office, trade or kin is such a
    role ("Bundeskanzlerin Wrzosek", "betont Motorenchef Mikulic": the name after the noun)."""
    found = []
    for match in _SELF_NAMED.finditer(text):
        first = match.group(1)
        if names.is_first_name(first.capitalize()) or first.capitalize() in gazetteer("given"):
            end = match.end(1)
            second = match.group(2)
            if second and (
                _listed(second.capitalize())
                or (second[0].isupper() and not lemmas.is_known(second, language))
            ):
                end = match.end(2)
            found.append((match.start(1), end, SCORE_CUED, "introduces themself"))
    for match in _ROLE_NAMED.finditer(text):
        role = _cue_role(match.group(1), language)
        if role is None:
            continue  # most words before a capital are no cue: one cached test per match
        word = match.group(2)
        if word.isupper() or names.is_first_name(word):
            continue  # acronyms ("adds SSO"); given names are the rules' and the model's
        if language == "de" and _person_noun(word):
            continue  # "betont Motorenchef Mikulic": the name follows the person noun
        # after a role noun a listed surname will do ("Autor Brandt"); after an attribution verb
        # only a word that is no dictionary word ("says Okafor", not "sagt Kunde")
        tail = word.rsplit("-", 1)[-1]  # "IISS-Studie": a noun compound
        unknown = not _known(word, language) and not _long_compound(word, language)
        unknown = unknown and not (tail != word and _known(tail, language))
        if unknown or (role and word in gazetteer("surnames")):
            found.append(
                (match.start(2), match.end(2), SCORE_CUED, "role or attribution + surname")
            )
    if language == "de":
        found += _named_before_person_noun(text)
    return found + _rulers(text, language)


@lru_cache(maxsize=65_536)  # asked for every word before a capitalised one; bounded vocabulary
def _cue_role(word: str, language: str) -> bool | None:
    """Whether a word before a capitalised one cues a name: True for a role noun ("Autor",
    in German any noun for a person's office, trade or kin), False for an attribution verb
    ("says"), None for no cue."""
    if word.lower() in names.ROLE_NOUNS or (language == "de" and _person_noun(word)):
        return True
    return False if word.lower() in names.ATTRIBUTION_WORDS else None


# "Spranger als Staatssekretär", "Girault, ein französischer Gynäkologe": a word followed by "als"
# or an apposition (", der/die/ein/eine …") whose noun names a person's office, trade or kin
_BEFORE_PERSON_NOUN = re.compile(
    r"(?:,\s(?:der|die|ein|eine)|\sals)\s(?:[a-zäöü][^\W\d_]*\s){0,2}([A-ZÄÖÜ][\w-]+)\b"
)
# the capitalised word that ends a piece of text (searched in a few characters before a match,
# so that the whole-text patterns start at rare words, not at every capital)
_LAST_WORD = re.compile(r"(?<!\w)([A-ZÄÖÜ][^\W\d_]+)$")


def _word_before(text: str, end: int) -> re.Match | None:
    window = max(0, end - 40)
    match = _LAST_WORD.search(text, window, end)
    return match if match and (match.start() > window or not window) else None  # not cut off


def _named_before_person_noun(text: str) -> list[tuple[int, int, float, str]]:
    """A word no dictionary or list knows, then "als" or an apposition naming a person's office,
    trade or kin: a surname ("wurde Spranger als Staatssekretär vereidigt")."""
    found = []
    for match in _BEFORE_PERSON_NOUN.finditer(text):
        before = _word_before(text, match.start())
        if before is None or not _person_noun(match.group(1)):
            continue
        word = before.group(1)
        if _known(word, "de") or _place(word) or names.is_first_name(word):
            continue
        if _long_compound(word, "de") or _coined(word, "de"):
            continue
        found.append((before.start(1), before.end(1), SCORE_CUED, "surname + person noun"))
    return found


LONG_HEAD = 8  # letters of a compound's dictionary head that surnames do not end in


def _long_compound(word: str, language: str) -> bool:
    """A compound noun with a long dictionary head ("Verwaltungsgerichtsentscheidung"), which a
    preposition like "laut" takes as often as a name; surnames end in short heads at most
    ("Lindemann", "Schumacher")."""
    return any(_known(word[cut:], language) for cut in range(3, len(word) - LONG_HEAD + 1))


PERSON_NOUN_MIN = 4  # letters of a word, and of a compound's first part ("Tas|chef" is none)


@lru_cache(maxsize=65_536)  # asked for every word before a capitalised one; bounded vocabulary
def _person_noun(word: str) -> bool:
    """A capitalised German noun naming a person's office, trade or kin, or a compound ending in
    one ("Kreml-Kritikerin", "Motorenchef"); a lone head word must be one of the list."""
    if not word[:1].isupper() or len(word) < PERSON_NOUN_MIN:
        return False
    first, _, last = word.rpartition("-")
    lower = last.lower()
    if not lower.endswith(names.PERSON_HEADS_DE):
        return False  # most words: one C call instead of a loop over the heads
    if lower.endswith(names.DEVICE_NOUNS_DE) or (first and not first[-1:].islower()):
        return False  # "Lautsprecher", "Plattenspieler", "DVD-Spieler": devices
    for head in names.PERSON_HEADS_DE:
        if lower.endswith(head):
            prefix = lower[: -len(head)]
            if len(prefix) < PERSON_NOUN_MIN and prefix:
                continue  # "Tas|chef", "Re|chef": a short word in the dictionary by chance
            if not prefix or lemmas.is_known(prefix.capitalize(), "de"):
                return True  # "Chef", "Motoren|chef", "Kreml-|Kritikerin"
            if prefix.endswith("s") and lemmas.is_known(prefix[:-1].capitalize(), "de"):
                return True  # "Verbands|chef": the joining s
    return False


def _is_cue_word(word: str) -> bool:
    lower = word.lower()
    return lower in names.TITLES or lower in names.ROLE_NOUNS or lower in names.JOB_WORDS


def _overlap(start: int, end: int, entity: Entity) -> bool:
    return start < entity.end and entity.start < end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A name span starts and ends on a letter ("Johann Wülfing &" -> "Johann Wülfing") and stops
    at a comma, bar or line break ("Marlene Ehlerding, marlene@…" -> "Marlene Ehlerding")."""
    cut = re.search(r"[,;|()\n]", text[start:end])
    if cut:
        end = start + cut.start()
    while start < end and not text[start].isalpha():
        start += 1
    lead = re.match(r"([^\W\d_]+\.?)\s+", text[start:end])
    while lead and _is_cue_word(lead.group(1)) and start + lead.end() < end:
        start += lead.end()  # "Kunde Meier" -> "Meier", "CEO Dan Lee" -> "Dan Lee"
        lead = re.match(r"([^\W\d_]+\.?)\s+", text[start:end])
    while end > start and not text[end - 1].isalpha():
        end -= 1
    return start, end


_SELF_NAMING = re.compile(
    r"(?i)(?:my name is|my name's|i am|i'm|call me|ich heiße|ich heisse|mein name ist|ich bin)\s+$"
)
_CAMEL = re.compile(r"[a-zäöü][A-ZÄÖÜ]")
_ROMAN = re.compile(r"[IVX]{1,5}")
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.")


_ABBREVIATED = re.compile(r"(?<![^\W\d_])[a-zäöü]\.\s?$")


def _abbreviation(text: str, start: int) -> bool:
    """The span starts inside an abbreviation of two letters ("z. B. Kubernetes", "u. U. Weber",
    "e. g. Jira"): its capital and dot are the abbreviation's second letter, no initial."""
    return bool(_ABBREVIATED.search(text[max(0, start - 4) : start]))


def _acronym(word: str) -> bool:
    """An upper-case word of two letters or more ("SSO", "DSGVO"); not an initial ("J.")."""
    return word.isupper() and len(word) > 1 and not _INITIAL.fullmatch(word)


def _name_like(text: str, start: int, end: int, language: str, confidence: float) -> bool:
    return _rejection(text, start, end, language, confidence) is None


def _rejection(text: str, start: int, end: int, language: str, confidence: float) -> str | None:
    """Why a span the model tags PER is no name in this text (None: it is one). Named reasons,
    so that what each filter keeps and drops can be counted (``training/ner/combination.py``)."""
    span = text[start:end]
    words = span.split()
    particle = False
    while len(words) > 1 and words[0] in names.PARTICLES:
        words = words[1:]  # "de Groot", "von Düffel": judged by the name after the particle
        span = " ".join(words)
        particle = True
    if len(words) > 1 and _ROMAN.fullmatch(words[-1].rstrip(".")):
        words = words[:-1]  # "Justinian I.": judged by the name before the regnal number
        if _regnal_name(words[-1], confidence):
            return None
    if any(ch.isdigit() or ch in "@/:" for ch in span) or any(_CAMEL.search(w) for w in words):
        return "digits or CamelCase"
    if any(_acronym(w) for w in words[:1]) or any(
        _acronym(w) and not _ROMAN.fullmatch(w) for w in words[1:]
    ):
        return "acronym"  # "SSO", "CRM", "DSGVO"; a regnal number stays ("Ludwig XIV")
    if len(words) > 1 and (
        words[-1].lower() in names.PLACE_NOUNS or words[-1].lower() in names.NON_SURNAMES
    ):
        return "venue or place word"  # "Sophie Garten", "Victoria Station"
    if not span[0].isupper():
        return None if _SELF_NAMING.search(text[max(0, start - 20) : start]) else "lower case"
    if text[end : end + 3].lstrip().startswith(("&", "+")):
        return "firm with &"  # "Peter & Partner", "Lena + Co"
    if text[end : end + 1] == "-" and not text[end + 1 : end + 2].isalpha():
        return "joining hyphen"  # "Aufteilungs- und Abzugsverbot": the first half of two compounds
    if _named_kind(text, start):
        return "named kind"  # "der Softwareanbieter Lumetrix", "die Partei Kuomintang"
    if (
        language == "de"
        and len(words) == 2
        and confidence < VERY_SURE
        and inflected_common_word(words[-1])
        and not _genitive_of_name(words[-1], language)
        and lemmas.is_known(words[0], language)
    ):
        return "noun + plural"  # "Mark Zahlen": a noun and a plural, not a name and a surname
    if _person_context(text, start, end, language) or (particle and _surname_after_particle(words)):
        return None
    listed = [_listed(w) for w in words]
    known = [_known(w, language) for w in words]
    if len(words) > 1:
        # the German model's features favour unknown capitalised words: it must be surer there
        sure = VERY_SURE if language == "de" else SURE
        if any(listed) or (not any(known) and confidence >= sure):
            return None
        if (
            _INITIAL.fullmatch(words[-2])
            and words[-1][:1].isupper()
            and not _abbreviation(text, start)
        ):
            return None  # "P. Kreisselmeier", "Mary J. Okafor": an initial before a surname
        return "several words, none listed"
    word = words[0]
    if names_company(text, word):
        return "names a company"
    if _genitive_of_name(word, language):
        word = word[:-1]  # "Merkels Zusage", "Adenauers Tod": judged as the name itself
        listed, known = [_listed(word)], [_known(word, language)]
    if _place(word):  # "Busan", "Basel": a town's name, unless the model is sure of a person
        return None if confidence >= (SURE if listed[0] else VERY_SURE) else "place"
    if known[0] and listed[0] and confidence >= LISTED_NAME and _dictionary_name(word, language):
        return None  # "Jürgen", "Christine": the dictionary lists it as a name, not a noun
    if known[0]:
        # a dictionary word that is also a name ("Gerhardt", "Jackson", "Peter"): only when the
        # model is very sure, and a given name alone not where every word is capitalised
        if not listed[0]:
            return "dictionary word"
        at_start = _sentence_start(text, start)
        if confidence >= (KNOWN_AT_START if at_start else VERY_SURE):
            return None
        return "listed dictionary word at sentence start" if at_start else "listed dictionary word"
    # an invented word the model is sure of, unless the text keeps repeating it like a brand
    if listed[0]:
        return None
    if text.count(word) >= BRAND_REPEATS:
        return "repeated like a brand"
    if _coined(word, language):
        return None if confidence >= VERY_SURE else "coined compound"
    sure = LONE_UNKNOWN_DE if language == "de" else LONE_UNKNOWN
    return None if confidence >= sure else "unknown word, unsure"


# Nouns naming a kind of organisation, product or place, as the head of the word before a name:
# "der Softwareanbieter Lumetrix", "des Lebensmittelherstellers Ülker", "die Partei Kuomintang",
# "the manufacturer Quillstream". Not person nouns ("Bauer", "Partner"): "der Landwirt Bauer".
_KIND_HEADS = (
    "hersteller", "herstellers", "anbieter", "anbieters", "konzern", "konzerns", "partei",
    "verlag", "verlags", "marke", "firma", "unternehmen", "unternehmens", "händler", "händlers",
    "dienstleister", "dienstleisters", "zulieferer", "zulieferers", "plattform", "software",
    "vulkan", "gemeinde", "gemeinden", "band", "label", "manufacturer", "vendor", "brand",
    "provider", "platform", "retailer", "supplier", "startup", "start-up",
)  # fmt: skip


def _named_kind(text: str, start: int) -> bool:
    """The word before the name is a noun naming a kind of firm, product or place (or a compound
    ending in one): the name is that firm's, product's or place's."""
    before = re.search(r"([^\W\d_][\w-]*)\s+$", text[max(0, start - 40) : start])
    return bool(before) and before.group(1).lower().endswith(_KIND_HEADS)


def _surname_after_particle(words: list[str]) -> bool:
    """The model tags a lower-case particle and one word as a person ("de Longueville", "von
    Düffel"): the particle itself says surname, unless the word is a place ("von Berlin") or a
    noun ("von Kunden")."""
    if len(words) != 1 or _place(words[0]):
        return False
    return lemmas.lookup(words[0], "de") is None or _dictionary_name(words[0], "de")


def _regnal_name(word: str, confidence: float) -> bool:
    """A ruler's name with a regnal number ("Justinian I.", "Welfs IV.", "Heinrich II."): a name
    the model leans to (a number after a name makes it likelier) that is no dictionary noun
    ("Teil II", "Phase III", "Level IV" are)."""
    return confidence >= LISTED_NAME and _ruler_name(word)


def _ruler_name(word: str) -> bool:
    """A word that can carry a regnal number: capitalised, a listed given name ("Roger") or no
    common word ("Bogislaw"), and no place ("Basel III" is a rulebook)."""
    if not word[:1].isupper() or len(word) < 4 or _place(word) or _CAMEL.search(word):
        return False  # "MiFID II": a rulebook
    if names.is_first_name(word):
        return True
    return not _known(word, "de") or _dictionary_name(word, "de")  # not "Solvency II"


# a space after a letter, then the number; the space tested first ("\s" then a look back at the
# letter and the space, the same matches as "(?<=[^\W\d_])\s"): the scan jumps from space to
# space instead of looking back at every character
_REGNAL = re.compile(r"\s(?<=[^\W\d_]\s)(X{0,3}(?:IX|IV|V?I{1,3}|V|X))(\.?)(?![\w-])")


def _rulers(text: str, language: str) -> list[tuple[int, int, float, str]]:
    """A name with a regnal number the model missed ("Bogislaw IV.", "Edward III"); the number
    is part of the name. Stricter than for the model's spans, where the model already leans to
    a person: a listed given name, or in German a word no dictionary knows with the ordinal's
    dot ("Pentium III", "Liga II", "Gen II" are none)."""
    found = []
    for match in _REGNAL.finditer(text):
        before = _word_before(text, match.start())
        if before is None or not _ruler_name(word := before.group(1)):
            continue
        unknown = language == "de" and match.group(2) and not _known(word, language)
        if names.is_first_name(word) or unknown:
            found.append((before.start(1), match.end(1), SCORE_CUED, "name + regnal number"))
    return found


def _genitive_of_name(word: str, language: str) -> bool:
    """German's genitive -s on a name ("Merkels", "Adenauers", "Ottos"): the word without it is
    a listed name or one the dictionary knows only as a name, and not a common noun's form."""
    if language != "de" or len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    base = word[:-1]
    lemma = lemmas.lookup(word, "de")
    if lemma is None:
        return _listed(base)  # "Kowalczyks": a listed name the dictionary lacks
    if lemma != base:
        return False  # a noun's own form ("Kurs", "Preis")
    return _listed(base) or _dictionary_name(base, language)


def _place(word: str) -> bool:
    """A town's or country's name (GeoNames, shipped with the model), or its genitive."""
    places = gazetteer("places")
    return word in places or (word.endswith("s") and word[:-1] in places)


def _coined(word: str, language: str) -> bool:
    """A word made of two dictionary words ("Cloudfabrik") or ending in a long one
    ("Lagerservices"): how products and firms are named; a surname the lists lack rarely splits
    like that."""
    for cut in range(3, len(word) - 3):
        head, tail = word[:cut], word[cut:]
        if len(tail) >= 4 and _known(tail, language) and (len(tail) >= 6 or _known(head, language)):
            return True
    return False


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"„“'‚(")
    return not before or before[-1] in ".!?:\n#*-–|"


_NOUN_ENDINGS = ("es", "e", "en", "n", "er")


def _dictionary_name(word: str, language: str) -> bool:
    """A word the dictionary knows only as a name: capitalised only, and (in German) without the
    inflected forms of a common noun ("Jürgen", "Christine" but not "Stein" -> "Steine",
    "Rose" -> "Rosen", "Mark" -> "Marken"; English "Close" is also "close")."""
    if lemmas.lookup(word.lower(), "en") is not None:
        return False
    if language != "de":
        return True
    if lemmas.lookup(word.lower(), "de") is not None:
        return False
    base = lemmas.lookup(word, "de")
    return base is None or not any(
        lemmas.lookup(word + ending, "de") == base for ending in _NOUN_ENDINGS
    )


def _known(word: str, language: str) -> bool:
    """A dictionary word; German marketing copy borrows English ones ("Leads", "Features")."""
    return lemmas.is_known(word, language) or (language == "de" and lemmas.is_known(word, "en"))


def _listed(word: str) -> bool:
    return word in gazetteer("surnames") or word in gazetteer("given") or names.is_first_name(word)


_WORD = re.compile(r"[^\W\d_]+")


def _person_context(text: str, start: int, end: int, language: str) -> bool:
    """A title, attribution or role word right before the name, or an attribution or ", job"
    right after it ("says Okafor", "der Autor Brandt", "Okafor, CTO", "Kanzlerin Köhler")."""
    before_words = _WORD.findall(text[max(0, start - 40) : start]) or [""]
    before = [w.lower() for w in before_words[-2:]]
    after = text[end : end + 30]
    after_words = [w.lower() for w in _WORD.findall(after)[:2]]
    cue = names.ATTRIBUTION_WORDS | names.TITLES | names.JOB_WORDS | names.ROLE_NOUNS
    if any(w in cue or w.rstrip(".") in names.TITLES for w in before):
        return True
    if language == "de" and text[:start].endswith(" ") and _person_noun(before_words[-1]):
        return True
    if after_words and after_words[0] in names.ATTRIBUTION_WORDS:
        return True
    return after.lstrip().startswith(",") and any(w in names.JOB_WORDS for w in after_words)

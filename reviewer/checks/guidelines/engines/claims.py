"""Claims that need evidence: figures, superlatives, guarantees, "studies show" — without a source.

Why a lexicon and not a model: the signals are few and well known (a percentage, "verdreifacht",
"the leading", "garantiert"), reviewers must be able to see *why* a sentence was flagged, and the
run must stay offline and fast. Numbers alone are not claims: prices, dates, versions, years,
order numbers, standards and plain schedules ("within three working days") are facts of the offer.
A number becomes a claim when it states an effect: a percentage, a multiplier, "cut … by 2 hours",
"six months before a breakdown".

How it works, per sentence of running text:

1. find *triggers* (each of one ``kind``) — weak superlatives ("the most accurate") only count
   with a market scope in the same sentence ("on the market", "im deutschsprachigen Raum");
2. drop the sentence when a source is nearby: in the sentence (a link, a footnote, "laut …",
   "according to …", "(Quelle: …)", an attributed quote), in the next sentence when it starts with
   "Quelle:"/"Source:", or in the previous one when this one refers back to it ("Demnach …");
3. report the *clause* around each trigger, so a claim and a price in one sentence stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from reviewer.checks.guidelines.engines import Hit, has_any, make_hit, prefiltered
from reviewer.checks.guidelines.engines.claims_context import (
    EFFECT_KINDS,
    VAGUE,
    is_vague_statistic,
    judge_effect,
    judge_superlative,
    study_before_offset,
)
from reviewer.parsing.language import LANGUAGES
from reviewer.parsing.regex_analysis import CASE_TWINS, quick_start, required_words

if TYPE_CHECKING:
    from reviewer.checks.guidelines.pack import ClaimsRule
    from reviewer.document import Document
    from reviewer.parsing.sentences import Span

KINDS = (
    "percentage",
    "multiplier",
    "quantified",
    "timing",
    "superlative",
    "guarantee",
    "evidence",
    "statistic",
    "vague",
)
# Kinds whose trigger is a figure: a figure inside a price, date, version … is never the claim.
_NUMERIC = frozenset({"percentage", "quantified", "statistic"})

_I = re.IGNORECASE

# --- shared pieces -------------------------------------------------------------------------------
_DIGITS = r"\d+(?:[.,]\d+)*"
_NUM_WORDS = {
    "de": r"eine[nmrs]?|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|fünfzehn|zwanzig|dreißig|vierzig|fünfzig|hundert|tausend|wenigen|mehreren",
    "en": r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|a few|several|a couple of",
}
_TIME = {
    "de": r"Millisekunden|ms|Sekunden?|Minuten?|Stunden?|Std\.|Arbeitstage[n]?|Werktage[n]?|Tage[n]?|Wochen?|Monate[n]?|Jahre[n]?|Quartale[n]?|min|h",
    "en": r"milliseconds?|ms|seconds?|minutes?|hours?|working days?|business days?|days?|weeks?|months?|years?|quarters?|mins?|hrs?|h",
}
_MONEY = r"€|EUR|Euro|\$|USD|US-Dollar|dollars?|£|GBP|CHF|Franken"
_SCALE = r"Tsd\.|Mio\.|Millionen|Mrd\.|Milliarden|k|K|million|millions|billion|thousand"
# Quantities of resources an effect can save (energy, emissions, material): "spart 12 Tonnen CO₂".
_UNITS = r"Tonnen|tonnes?|tons?|kWh|MWh|GWh|Liter|litres?|liters?|Kilogramm|kg|gallons?"
_PERCENT = r"%|Prozent(?:punkte)?|percent(?:age points)?|per cent|v\.\s?H\.|pp\b|Prozentpunkte"


def _num(lang: str) -> str:
    return rf"(?:{_DIGITS}|{_NUM_WORDS[lang]})"


def _range(lang: str) -> str:
    n = _num(lang)
    joiner = r"bis|und|-|–" if lang == "de" else r"to|and|-|–"
    return rf"{n}(?:\s*(?:{joiner})\s*{n})?"


@dataclass(frozen=True)
class Lexicon:
    """Compiled patterns for one language."""

    triggers: dict[str, list[re.Pattern[str]]]
    weak_superlative: re.Pattern[str]
    weak_stop: frozenset[str]
    market_scope: re.Pattern[str]
    change_verb: re.Pattern[str]
    percent_context: re.Pattern[str]  # a percentage here is a discount, tax or spec, not a claim
    not_claim: re.Pattern[str]  # prices, dates, versions, years, standards …
    source: re.Pattern[str]
    source_next: re.Pattern[str]
    refers_back: re.Pattern[str]
    clause_break: re.Pattern[str]
    attribution: re.Pattern[str]  # a speaker named in a paragraph with a quotation
    product_after: re.Pattern[str]  # a product noun after a superlative: "the fastest CRM"
    mechanism: re.Pattern[str]  # a guarantee that describes how: "is ensured by three nodes"


def _c(*parts: str, flags: int = _I) -> re.Pattern[str]:
    """One pattern for the alternatives; ``quick_start`` lets it skip, at one character test,
    the positions no alternative can start at (most of a sentence; same matches)."""
    return quick_start("|".join(f"(?:{p})" for p in parts), flags)


# Shared by both languages: an explicit citation is a citation in any language.
_CITATION = [
    r"\[[^\]]+\]\((?:https?://|www\.|/|\.\.?/)[^)]*\)",  # Markdown link
    r"https?://\S+|\bwww\.\w[\w.-]*\.\w+",
    r"\[\^[^\]]+\]|\[\d+\](?!\()|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|<sup>",  # footnotes
    r"\((?=[^()]*[A-ZÄÖÜ])[^()]*?,?\s*(?:19|20)\d{2}[a-z]?\)",  # (Bitkom, 2024)
    r"[“”\"»«„‟]\s*,?\s*(?:sagt|so|erklärt|betont|berichtet|ergänzt|says|said|explains|adds|notes)\b",  # attributed quote
]

# Figures that are facts of the offer, not claims.
_NOT_CLAIM_COMMON = [
    rf"(?:{_MONEY})\s?{_DIGITS}",
    rf"{_DIGITS}\s?(?:{_MONEY})(?!\w)",
    r"\b\d{1,2}[:.]\d{2}\s?(?:Uhr|h|a\.m\.|p\.m\.|am|pm)\b|\b\d{1,2}\s?Uhr\b",
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b",
    r"\b(?:v|V|Version|version|Release|release|Firmware|firmware)\s?\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+(?:\.\d+)*\b",
    r"\b(?:19|20)\d{2}\b",
    r"\b(?:ISO|DIN|EN|IEC|VDI|VDE|ASTM|IEEE|RFC|SOC)\s?(?:EN\s?|ISO\s?|/IEC\s?)?\d[\d.:-]*",
    r"\bIP\d{2}\b",
    r"(?:Nr\.|No\.|Art\.-Nr\.|Bestellnummer|order number|SKU|#)\s?[\w-]*\d",
]


@cache
def lexicon(lang: str) -> Lexicon:
    num, rng, time = _num(lang), _range(lang), _TIME[lang]
    if lang == "de":
        return _german(num, rng, time)
    return _english(num, rng, time)


def _german(num: str, rng: str, time: str) -> Lexicon:
    product = r"[\w-]*(?:lösung|plattform|anbieter|software|system|produkt|tool|hersteller|unternehmen|dienstleister|sensor|partner|app|agentur|versicherung)\w*"
    triggers = {
        "percentage": [_c(rf"(?<![\w.,]){rng}\s?(?:{_PERCENT})")],
        "multiplier": [
            _c(
                r"\bver(?:doppel|dreifach|vierfach|fünffach|zehnfach|hundertfach|vielfach)\w*",
                r"\bhalbier\w*",
                rf"\b(?:{_DIGITS}|zwei|drei|vier|fünf|zehn|doppelt)[-\s]?(?:fach|mal)\w*\s+(?:so\s+)?(?:schnell|mehr|höher|günstig|effizient|besser|weniger|viel|hoch)\w*",
                r"\bdoppelt so\b",
                r"\bum das\s+(?:\w+fache|Doppelte|Dreifache|Vierfache|Zehnfache)\b",
                r"\bum (?:ein|zwei) (?:Drittel|Viertel|Fünftel|Zehntel)\b|\bum die Hälfte\b|\bhalb so (?:viel|lang|teuer|oft)\b",
            )
        ],
        "quantified": [
            _c(
                rf"\bum\s+(?:(?:bis zu|rund|etwa|ca\.|circa|über|mehr als|fast|knapp|durchschnittlich|gut|nahezu|mindestens)\s+)?(?:(?:{_MONEY})\s?)?{rng}\s*(?:{_PERCENT}|x\b|-?fach\w*|mal\b|{time}|{_MONEY}|{_SCALE}|{_UNITS})"
            ),
            _c(
                rf"\b(?:spar|erspar)\w*\b[^.]{{0,40}}?(?:(?:{_MONEY})\s?)?{rng}\s*(?:{time}|{_MONEY}|{_PERCENT}|{_SCALE}|{_UNITS})(?!\w)"
            ),
            _c(rf"\bvon\s+{num}\s*(?:{_PERCENT}|{time}|{_MONEY})?\s+auf\s+{num}\b"),
        ],
        "timing": [
            _c(
                rf"\b(?:bis zu\s+)?{num}\s+(?:{time})\s+(?:früher|eher|vorher|im Voraus|vor\s+(?:dem|einem|der|Eintritt|Ausfall|Schaden))"
            ),
            _c(
                rf"(?:amortisier\w*|Amortisation\w*|\bROI\b|Return on Investment|rechnet sich)(?=[^.]*?\b{num}\s*(?:{time}|{_PERCENT}))"
            ),
            _c(rf"\b{num}\s+(?:{time})\b[^.]{{0,60}}?(?:amortisier\w*|rechnet sich)"),
        ],
        "superlative": [
            _c(
                r"(?<![\w-])führende[nmrs]?\b",
                r"(?<![\w-])führend\s+(?:in|im|bei|beim|auf|für)\b",
                r"\b(?:marktführend\w*|Marktführer\w*|Branchenführer\w*|Weltmarktführer\w*|Technologieführer\w*|Innovationsführer\w*|Testsieger\w*)",
                r"\b(?:Nummer\s?(?:1|eins)|Nr\.\s?1)\b(?!\d)",
                r"\b(?:unschlagbar|unübertroffen|konkurrenzlos|unvergleichlich|beispiellos|unerreicht)\w*",
                r"\bweltweit\s+(?:erste|einzige)\w*",
                r"\b(?:zu|unter) den Top[- ]?(?:\d+|drei|fünf|zehn)\b",
                r"\b(?:Deutschlands|Europas|Österreichs|Bayerns|Amerikas)\s+(?:[\w-]+\s+)?(?:größte|führende|erste|einzige|beste|[a-zäöüß]{3,}ste)[nrsm]?\b",
                r"\bkeine?[rn]?\s+andere[rn]?\s+(?:Plattform|Lösung|Anbieter|Software|Tool|System|Produkt|Hersteller|Agentur)\b",
                r"\bals\s+(?:erste|einzige)[rs]?\s+(?:Anbieter|Hersteller|Unternehmen|Plattform|Lösung)\b",
                rf"\b(?:die|der|das|den|dem|des|unsere?[nmrs]?|ihre?[nmrs]?)\s+einzigen?\s+(?:[\w-]+\s+){{0,2}}?{product}",
            )
        ],
        "guarantee": [
            _c(
                r"\bgarantier\w*",
                r"\b(?:100|hundert)\s?(?:%|Prozent)\s+(?:sicher|ausfallsicher|verfügbar|DSGVO-konform|datenschutzkonform|rechtssicher|fehlerfrei|zuverlässig|zufrieden)\w*",
                r"\b(?:null|ohne\s+(?:jede|jegliche|eine einzige))\s+(?:Ausfallzeit\w*|Downtime|Ausfälle|Datenverlust\w*|Risiko|Risiken|Unterbrechung\w*)",
                r"\b(?:risikofrei|risikolos|ausfallsicher|fehlerfrei|hundertprozentig)(?!heit)\w*",
                r"\b(?:absolut|völlig|vollkommen|komplett)\s+(?:sicher|risikolos|fehlerfrei|ausfallsicher)\w*",
            )
        ],
        "evidence": [
            _c(
                r"\b(?:Studien|Untersuchungen|Umfragen|Analysen|Forschungsergebnisse|Statistiken|Zahlen|Erhebungen|Experten|Expertinnen und Experten|Fachleute|Wissenschaftler\w*|Forscher\w*)\s+(?:zeigen|belegen|beweisen|bestätigen|sind sich einig|haben gezeigt|haben ergeben|ergeben|legen nahe|sprechen eine klare Sprache)\b",
                r"\b(?:wissenschaftlich|klinisch|unabhängig)\s+(?:belegt|bewiesen|erwiesen|nachgewiesen|bestätigt|geprüft|getestet)\b",
                r"\b(?:nachweislich|erwiesenermaßen|nachgewiesenermaßen|bewiesenermaßen)\b",
                r"\bFakt ist\b|\bes ist (?:bewiesen|erwiesen|belegt)\b",
            )
        ],
        "statistic": [
            _c(
                rf"\b(?:{_DIGITS}|neun|acht|sieben|sechs|fünf|vier|drei|zwei)\s+von\s+(?:{_DIGITS}|zehn|hundert)\b(?!\s*(?:Punkten|möglichen))",
                r"\bjede[rsn]?\s+(?:zweite|dritte|vierte|fünfte|zehnte)\b",
                r"\bdie (?:Mehrheit|Mehrzahl|große Mehrheit) (?:der|aller)\b",
                r"\bdie meisten (?:Unternehmen|Firmen|Marketer|Entscheider\w*|Mittelständler|Käufer\w*|B2B-\w+)\b",
            )
        ],
    }
    weak = quick_start(
        r"\b(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em|[Dd]es|am|[Uu]nser[enmrs]?|[Ii]hr[enmrs]?)\s+(?:[a-zäöüß-]+\s+)?"
        r"(?P<word>best(?:e|en|er|es|em)|[a-zäöüß][a-zäöüß-]{2,}(?:ste|sten|ster|stes|stem|ßte|ßten|ßter|ßtes|ßtem))\b"
    )
    stop = frozenset(
        [
            "erste",
            "ersten",
            "erster",
            "erstes",
            "erstem",
            "letzte",
            "letzten",
            "letzter",
            "letztes",
            "letztem",
            "nächste",
            "nächsten",
            "nächster",
            "nächstes",
            "nächstem",
            "meiste",
            "meisten",
            "meister",
            "neueste",
            "neuesten",
            "jüngste",
            "jüngsten",
            "selbst",
            "kosten",
        ]
        + ["wichtigste", "wichtigsten", "häufigste", "häufigsten", "mindeste", "mindesten"]
    )
    return Lexicon(
        triggers=triggers,
        weak_superlative=weak,
        weak_stop=stop,
        market_scope=_c(
            r"\b(?:am|auf dem|im) (?:gesamten )?Markt\b",
            r"\b(?:in )?der Branche\b|\bbranchenweit\b",
            r"\b(?:welt|europa|bundes|deutschland)weit\b",
            r"\bin (?:ganz )?(?:Europa|Deutschland|Österreich|der Schweiz|der EU|der Welt|der DACH-Region|Nordamerika)\b",
            r"\bim (?:deutschsprachigen|europäischen|DACH-|internationalen|deutschen)[\w-]*\s?(?:Raum|Markt|Mittelstand)?\b",
            r"\b(?:seiner|ihrer) (?:Klasse|Kategorie)\b|\baller Zeiten\b|\bder Welt\b|\bdes Marktes\b|\bauf dem Planeten\b",
        ),
        change_verb=_c(
            r"\b(?:senk|sink|sank|gesenkt|gesunken|steiger|steig|stieg|gestiegen|erhöh|reduzier|verringer|verbesser|spar|gespart|"
            r"verkürz|beschleunig|minimier|maximier|wächst|wachs|wuchs|gewachsen|halbier|optimier|verdien|gewinn|verlänger|"
            r"vermeid|verhinder|eliminier|fiel|gefallen|drück|kürz|schrumpf|zurückgegangen|zurückging|ging\w* zurück)\w*"
        ),
        percent_context=_c(
            r"\b(?:Rabatt|Skonto|Nachlass|Ermäßigung|Preisnachlass|Mehrwertsteuer|MwSt|USt|Umsatzsteuer|Steuer|Zins\w*|Gebühr\w*|"
            r"Provision|Anzahlung|Gutschein\w*|Rabattcode|Frühbucher\w*|Jahresabo\w*|Aufschlag|Zuschlag|Luftfeuchte|Luftfeuchtigkeit|"
            r"Akku\w*|Ladezustand|Alkohol\w*|Steigung)\b",
            r"\bbei jährlicher (?:Zahlung|Abrechnung|Vorauszahlung)\b",
        ),
        not_claim=_c(*_NOT_CLAIM_COMMON),
        source=_c(
            *_CITATION,
            r"\blaut\b|\bgemäß\b|\bzufolge\b|\bnach Angaben\b|\bQuellen?\s*:|\(Quelle\b",
            r"\bnach (?:einer|der|dem|den) (?:Studie|Umfrage|Erhebung|Analyse|Auswertung|Untersuchung|Messung)\w*",
            r"\bwie (?:eine|die) (?:Studie|Umfrage|Erhebung|Analyse|Auswertung|Untersuchung)\b",
            r"\b(?:Studie|Umfrage|Erhebung|Analyse|Auswertung|Untersuchung|Report|Bericht|Benchmark)\s+(?:von|des|vom)\s+[A-ZÄÖÜ\d]",
            r"\bbelegt (?:durch|von)\b|\bgemessen (?:von|durch)\b|\bzertifiziert (?:durch|von)\b",
            r"\b(?:ausgezeichnet|gekürt|gewählt|bewertet|prämiert)\b[^.]{0,60}?\b(?:von|vom|durch)\s+(?:der\s+|dem\s+|den\s+)?(?-i:[A-ZÄÖÜ])",
            r"\b(?:von|vom)\s+(?-i:[A-ZÄÖÜ])[\w&.-]+[^.]{0,80}?\b(?:ausgezeichnet|gekürt|gewählt|prämiert)\b",
        ),
        source_next=_c(r"^\s*(?:\(?(?:Quellen?|Siehe|Vgl\.|Source|Sources)\b|\[\^|[¹²³⁴⁵⁶⁷⁸⁹])"),
        refers_back=_c(
            r"^\s*(?:Demnach|Demzufolge|Dabei|Zudem|Außerdem|Darüber hinaus|Ferner|Weiter|Dort|Darin|"
            r"Die (?:Studie|Umfrage|Erhebung|Analyse|Auswertung|Untersuchung|Daten)|Sie (?:zeigt|ergab|belegt))\b"
        ),
        clause_break=re.compile(
            r";\s*|\s+[–—-]\s+|:\s+|,\s+|\s+(?:und|aber|sondern|während|doch|sowie)\s+(?=[a-zäöüß])"
        ),
        attribution=_c(
            r"[\u201c\u201d\"\u00bb\u00ab]\s*,?\s*so\b",
            r"\b(?:sagt|sagte|erklärt|erklärte|betont|betonte|berichtet|berichtete|ergänzt|ergänzte|"
            r"resümiert|fasst \w+ zusammen|erinnert sich)\s+(?:[\w.-]+\s+){0,4}?(?-i:[A-ZÄÖÜ])[\w-]+",
            r"^[\s>]*[–—-]\s*(?-i:[A-ZÄÖÜ])[\w.-]+\s+(?-i:[A-ZÄÖÜ])",
            flags=_I | re.MULTILINE,
        ),
        product_after=re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{product}", _I),
        mechanism=_c(
            r"\b(?:wird|werden|ist|sind)\b[^.]{0,200}?\b(?:durch|mittels|dank|über)\b[^.]{0,200}?\b(?:garantiert|sichergestellt|gewährleistet)"
        ),
    )


def _english(num: str, rng: str, time: str) -> Lexicon:
    product = r"(?:[\w-]+\s+){0,3}?(?:solution|platform|provider|vendor|tool|software|system|product|sensor|company|supplier|service|app|partner|agency|insurer)s?\b"
    triggers = {
        "percentage": [_c(rf"(?<![\w.,]){rng}\s?(?:{_PERCENT})")],
        "multiplier": [
            _c(
                r"\b(?:doubl|tripl|quadrupl)(?:ed|es|ing)\b",
                r"\b(?:double|triple|quadruple)\s+(?:your|their|its|the|our|his|her)\b",
                r"\bhalv(?:ed|es|ing)\b|\bcut (?:\w+ )?in half\b",
                r"\bby (?:a|one|two) (?:third|quarter|fifth|tenth)s?\b|\bby half\b",
                rf"\b(?:twice|three times|four times|five times|ten times|{_DIGITS}\s?(?:x|times))\s+(?:as\s+\w+|faster|more|higher|better|cheaper|fewer|less|quicker|greater|larger)\b",
                rf"\b{_DIGITS}x\b(?!\d)|\b(?:{_DIGITS}|two|three|four|five|ten)-fold\b|\b(?:two|three|four|five|six|seven|eight|nine|ten)fold\b",
            )
        ],
        "quantified": [
            _c(
                rf"\bby\s+(?:(?:up to|around|about|roughly|nearly|almost|more than|over|an average of|as much as|approximately|at least|some)\s+)?(?:(?:{_MONEY})\s?)?{rng}\s*(?:{_PERCENT}|x\b|times\b|-?fold\b|{time}|{_MONEY}|{_SCALE}|{_UNITS})"
            ),
            _c(
                rf"\bsav(?:e|es|ed|ing)\b[^.]{{0,40}}?(?:(?:{_MONEY})\s?)?{rng}\s*(?:{time}|{_MONEY}|{_PERCENT}|{_SCALE}|{_UNITS})(?!\w)"
            ),
            _c(rf"\bfrom\s+{num}\s*(?:{_PERCENT}|{time}|{_MONEY})?\s+(?:down |up )?to\s+{num}\b"),
        ],
        "timing": [
            _c(
                rf"\b(?:up to\s+)?{num}\s+(?:{time})\s+(?:before|earlier|ahead of|in advance|prior to|sooner)\b"
            ),
            _c(
                rf"(?:pays? (?:for )?itself|payback|return on investment|\bROI\b)(?=[^.]*?\b{num}\s*(?:{time}|{_PERCENT}))"
            ),
            _c(rf"\b{num}\s+(?:{time})\b[^.]{{0,60}}?(?:pays? (?:for )?itself|breaks? even)"),
        ],
        "superlative": [
            _c(
                r"\b(?:the|a|an|our|its|their)\s+(?:[\w-]+\s+)?leading\b(?!\s+(?:to|up|into|the|a|an|our|your)\b)",
                r"\b(?:market|industry|world|category)[- ]lead(?:ing|er)s?\b",
                r"(?<!team )(?<!project )(?<!thought )(?<!group )(?<!squad )(?<!tech )(?<!shift )\bleader\s+(?:in|for|of|among)\b",
                r"\b(?:best[- ]in[- ]class|number one|No\.\s?1\b|#1\b|unmatched|unrivall?ed|unbeatable|unparalleled|second to none|award[- ]winning|first[- ]ever)",
                r"\b(?:world|Europe|Germany|America|Britain|the industry|the market|the world)['’]s\s+(?:most\s+[\w-]+|best|leading|largest|biggest|fastest|first|only|[a-z]{3,}est)\b",
                rf"\bthe only\s+{product}",
                r"\bthe first and only\b",
                r"\b(?:among|one of) the top[- ]?(?:\d+|three|five|ten)\b",
                r"\bno other (?:platform|solution|vendor|provider|tool|software|system|product|company|agency|supplier)\b",
            )
        ],
        "guarantee": [
            _c(
                r"(?<!money-back )(?<!money back )(?<!satisfaction )(?<!price )(?<!refund )\bguarantee[sd]?\b",
                r"\bzero\s+(?:downtime|defects|errors|data loss|risk|failures|outages|interruptions)\b",
                r"\b(?:100|one hundred)\s?(?:%|percent)\s+(?:secure|safe|reliable|available|compliant|accurate|uptime|guaranteed|satisfaction|GDPR[- ]compliant)\b",
                r"\b(?:risk-free|error-free|fail-safe|failsafe|bulletproof|foolproof)\b",
                r"\b(?:never|will never|won't ever)\s+(?:fails?|break(?:s|down)?|goes? down|loses?|crash(?:es)?|miss(?:es)?)\b",
                r"\b(?:completely|totally|absolutely|fully) (?:secure|safe|risk-free|error-free)\b",
            )
        ],
        "evidence": [
            _c(
                r"\b(?:studies|research|surveys|statistics|experts|scientists|analysts|the numbers|industry reports)\s+(?:all\s+)?(?:show|prove|have shown|confirm|suggest|agree|indicate|reveal|demonstrate)s?\b",
                r"\b(?:scientifically|clinically|independently)\s+(?:proven|tested|verified|validated)\b",
                r"\bproven to\b|\b(?:it is|it's) (?:a )?(?:proven|well[- ]known) fact\b|\bdemonstrably\b|\bprovably\b",
            )
        ],
        "statistic": [
            _c(
                rf"\b(?:{_DIGITS}|nine|eight|seven|six|five|four|three|two|one)\s+(?:out of|in)\s+(?:{_DIGITS}|ten|five|four|three|hundred)\b(?!\s*(?:stars|points))",
                r"\bthe (?:vast |overwhelming )?majority of\b",
                r"\bmost (?:companies|businesses|marketers|organi[sz]ations|B2B \w+|buyers|decision[- ]makers|enterprises)\b",
            )
        ],
    }
    weak = quick_start(
        r"\b(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+)?(?P<word>most\s+(?!of\b)[\w-]+|best|[a-z]{3,}est)\b"
    )
    stop = frozenset(
        [
            "latest",
            "rest",
            "test",
            "west",
            "east",
            "interest",
            "request",
            "contest",
            "forest",
            "guest",
            "nest",
            "harvest",
            "digest",
            "chest",
            "quest",
            "protest",
            "suggest",
            "manifest",
            "arrest",
            "invest",
            "conquest",
            "priest",
            "modest",
            "honest",
            "earnest",
            "biggest-ever",
        ]
    )
    return Lexicon(
        triggers=triggers,
        weak_superlative=weak,
        weak_stop=stop,
        market_scope=_c(
            r"\b(?:on|in) the (?:market|industry|world|planet|sector|field)\b",
            r"\b(?:worldwide|globally|anywhere|ever|of all time|in (?:its|their) (?:class|category|kind)|available today)\b",
            r"\bin (?:Europe|Germany|Austria|Switzerland|North America|Asia|the (?:UK|US|EU|DACH region|world))\b",
        ),
        change_verb=_c(
            r"\b(?:reduc|cut|lower|increas|boost|improv|sav|shorten|accelerat|speed|grow|grew|grown|rais|drop|fell|fall|rose|"
            r"decreas|slash|minimi|maximi|halv|gain|earn|lift|shrink|shrank|avoid|prevent|eliminat|trim)\w*"
        ),
        percent_context=_c(
            r"\b(?:discount\w*|VAT|tax\w*|interest|APR|fees?|commission|deposit|coupon|voucher|promo code|surcharge|early[- ]bird|"
            r"humidity|battery|alcohol|gradient)\b",
            r"%\s?off\b|percent off\b",
            r"\b(?:annual|yearly)\s+(?:billing|plan|subscription|payment|prepayment)\b|\bpay(?:ing)? annually\b",
        ),
        not_claim=_c(*_NOT_CLAIM_COMMON),
        source=_c(
            *_CITATION,
            r"\baccording to\b|\bsources?\s*:|\(source\b|\b(?:as )?reported by\b|\bcited by\b|\bas measured by\b",
            r"\bbased on (?:data|a survey|a study|research|an analysis|our analysis|measurements|figures|the results)\b",
            r"\b(?:study|survey|report|analysis|benchmark|audit|evaluation)\s+(?:by|from|conducted by)\s+[A-Z\d]",
            r"\b(?!(?:Our|The|This|That|A|An|These|Recent|New|Many|Several|Independent|Most)\b)[A-Z][\w&.-]+(?:['’]s)?\s+(?:(?:19|20)\d{2}\s+)?(?:study|survey|report|analysis|benchmark)\b",
            r"\b(?:data|figures) from\b|\bper (?:the|a) (?:study|survey|report)\b",
            r"\b(?:rated|ranked|named|voted|recogni[sz]ed|listed|awarded|certified)\b[^.]{0,80}?\bby\s+(?:the\s+)?(?-i:[A-Z])",
            r"\b(?!(?:Our|The|This|That|These|Many|Most)\b)(?-i:[A-Z])[\w&.-]+\s+(?:forecasts?|predicts|estimates|research|data)\b",
        ),
        source_next=_c(r"^\s*(?:\(?(?:Sources?|See|Cf\.|Quelle)\b|\[\^|[¹²³⁴⁵⁶⁷⁸⁹])"),
        refers_back=_c(
            r"^\s*(?:Accordingly|In addition|Moreover|Furthermore|Also|There|The (?:same )?(?:study|survey|report|analysis|data)|"
            r"It (?:also )?(?:found|shows|showed)|They (?:also )?found)\b"
        ),
        clause_break=re.compile(
            r";\s*|\s+[–—-]\s+|:\s+|,\s+|\s+(?:and|but|while|whereas)\s+(?=(?:is|are|was|were|has|have|had|will|can|could|does|did|\w+s|\w+ed)\b)"
        ),
        attribution=_c(
            r"\b(?:says|said|explains|explained|adds|added|notes|noted|recalls|recalled|remembers|"
            r"according to)\s+(?:[\w.-]+\s+){0,4}?(?-i:[A-Z])[\w-]+",
            r"(?-i:[A-Z])[\w-]+\s+(?-i:[A-Z])[\w-]+(?:,\s+[^,]{2,60},)?\s+(?:says|said|explains|adds|notes|recalls)\b",
            r"^[\s>]*[–—-]\s*(?-i:[A-Z])[\w.-]+\s+(?-i:[A-Z])",
            flags=_I | re.MULTILINE,
        ),
        product_after=re.compile(rf"\s+{product}", _I),
        mechanism=_c(r"\b(?:is|are|be)\s+(?:\w+\s+)?(?:guaranteed|ensured)\s+(?:by|through|via)\b"),
    )


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    kind: str
    reach: int  # end of what the claim needs (a superlative's market scope may follow it)


def find(doc: Document, rule: ClaimsRule, language: str) -> list[Hit]:
    if language not in LANGUAGES:
        return []
    lex = lexicon(language)
    kinds = set(rule.kinds or KINDS)
    extra = {name: rule.extra(name, language) for name in ("superlatives", "guarantees", "sources")}
    scan = scanner(doc, lex, language)
    hits: list[Hit] = []
    blocks: dict[int, list[Span]] = {}
    for sentence in doc.sentences:
        blocks.setdefault(_block_of(doc, sentence.start), []).append(sentence)
    for sentences in blocks.values():
        # A linked or footnoted source in a paragraph covers what follows it there.
        cited = next((i for i, s in enumerate(sentences) if _CITED.search(s.text)), len(sentences))
        for index, sentence in enumerate(sentences):
            triggers = triggers_in(
                doc.content, sentence.start, sentence.end, lex, kinds, extra, language, scan
            )
            triggers = [t for t in triggers if t.kind in kinds]
            if not triggers or cited < index or _sourced(sentences, index, lex, extra["sources"]):
                continue
            if _in_attributed_quote(doc, sentence, lex):
                continue
            hits.extend(_hits(doc, sentence, triggers, lex, rule))
    return hits


def _in_attributed_quote(doc: Document, sentence: Span, lex: Lexicon) -> bool:
    """A sentence inside quotation marks (or a blockquote) whose paragraph names the speaker:
    the person's own experience, attributed, not the text's claim."""
    index = next((i for i, b in enumerate(doc.blocks) if b.start <= sentence.start < b.end), None)
    if index is None:
        return False
    block = doc.blocks[index]
    end = block.end
    if block.kind == "quote":  # a blockquote of several paragraphs, the speaker often last
        for following in doc.blocks[index + 1 :]:
            if following.kind != "quote":
                break
            end = following.end
    inside = block.kind == "quote" or _open_quote(doc.content[block.start : sentence.start + 1])
    if not inside:
        return False
    if lex.attribution.search(doc.content, block.start, end) is not None:
        return True
    # "Anna Berg fasst zusammen:" / "As Anna Berg puts it:" — the paragraph before introduces it
    previous = doc.blocks[index - 1] if index > 0 else None
    return previous is not None and doc.content[previous.start : previous.end].rstrip().endswith(
        ":"
    )


def _open_quote(before: str) -> bool:
    """Whether a quotation opened before this point is still open (German „…“, English “…”, "…")."""
    if "\u201e" in before:  # German marks: „ opens, “ closes
        return before.count("\u201e") > before.count("\u201c")
    if before.count("\u201c") > before.count("\u201d"):
        return True
    return before.count('"') % 2 == 1 or before.count("\u00bb") > before.count("\u00ab")


def _block_of(doc: Document, offset: int) -> int:
    for block in doc.prose_blocks:
        if block.start <= offset < block.end:
            return block.start
    return offset


def triggers_in(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    kinds: set[str],
    extra: dict[str, re.Pattern[str] | None] | None = None,
    language: str = "en",
    scan: Scanner | None = None,
) -> list[Trigger]:
    """Claim signals in ``text[start:end]`` (one sentence), each with the kind it reports as
    (``claims_context`` judges the words around it); figures of the offer left out. ``scan``:
    the document's ``Scanner`` (None: one for ``text`` alone)."""
    extra = extra or {}
    wanted = set(kinds) | ({"superlative", "statistic"} if VAGUE in kinds else set())
    found = [
        t
        for source, t in (scan or Scanner(text, lex, language)).triggers(start, end)
        if source in wanted
    ]
    own: list[Trigger] = []
    for kind, name in (("superlative", "superlatives"), ("guarantee", "guarantees")):
        pattern = extra.get(name)
        if kind in kinds and pattern is not None:
            own += [
                Trigger(m.start(), m.end(), kind, m.end())
                for m in pattern.finditer(text, start, end)
            ]
    if not own:
        return found
    offer = _offer(text, start, end, lex)
    return found + [t for t in own if _kept(text, start, end, lex, t, offer)]


class Scanner:
    """One draft's lexicon scans with one lexicon, kept on the Document (``Document.memos``, see
    ``scanner``): a pack's claims rules (``unsupported`` and ``vague``) ask for the same
    sentences, and scanning them is most of the engine's time. Every step below judges one
    trigger on its own, so computing all kinds once and picking the wanted ones after gives the
    same triggers in the same order.

    With the prefilter on for the draft (``engines.PREFILTER``), a pattern runs on a sentence
    only when the sentence holds one of its required words (``required_words``, lowered); the
    words the draft does not hold at all are dropped once (most sentences hold no trigger of
    most kinds)."""

    def __init__(self, text: str, lex: Lexicon, language: str, prefilter: bool = False) -> None:
        self.text, self.lex, self.language = text, lex, language
        lowered = text.lower() if prefilter else ""
        exact = prefilter and CASE_TWINS.isdisjoint(text) and len(lowered) == len(text)
        self.lowered = lowered if exact else ""
        self.plan: list[tuple[str, re.Pattern[str], frozenset[str] | None]] = []
        for kind, pattern in _plan(lex):
            words = _words(pattern) if exact else None
            self.plan.append((kind, pattern, None if words is None else _present(words, lowered)))
        self.found: dict[tuple[int, int], list[tuple[str, Trigger]]] = {}

    def triggers(self, start: int, end: int) -> list[tuple[str, Trigger]]:
        """Every lexicon trigger of the sentence, judged and kept, with the kind that found it."""
        found = self.found.get((start, end))
        if found is None:
            found = self.found[start, end] = _scan(self, start, end)
        return found

    def may_match(self, words: frozenset[str] | None, start: int, end: int) -> bool:
        return words is None or (bool(words) and has_any(self.lowered, words, start, end))


def _present(words: frozenset[str], lowered: str) -> frozenset[str]:
    return frozenset(word for word in words if word in lowered)


def scanner(doc: Document, lex: Lexicon, language: str) -> Scanner:
    """The document's scanner for this lexicon and language (made on first use)."""
    held = doc.memos.get(__name__)
    if held is None or held[0] is not doc.content:  # a copy of the Document with other content
        held = doc.memos[__name__] = (doc.content, {})
    key = (id(lex), language)
    found = held[1].get(key)
    if found is None or found.lex is not lex:  # it holds ``lex``: the id cannot be reused
        found = held[1][key] = Scanner(doc.content, lex, language, prefiltered(doc))
    return found


def _scan(scan: Scanner, start: int, end: int) -> list[tuple[str, Trigger]]:
    text, lex, language = scan.text, scan.lex, scan.language
    raw: list[tuple[str, Trigger]] = []
    for kind, pattern, words in scan.plan[:-1]:
        if scan.may_match(words, start, end):
            raw += [
                (kind, Trigger(m.start(), m.end(), kind, m.end()))
                for m in pattern.finditer(text, start, end)
            ]
    if scan.may_match(scan.plan[-1][2], start, end):
        raw += [("superlative", t) for t in _weak_superlatives(text, start, end, lex)]
    if not raw:
        return []
    judged = _judged(text, start, end, lex, [t for _, t in raw], language)
    offer = _offer(text, start, end, lex)
    return [
        (raw[index][0], trigger)
        for index, trigger in judged
        if _kept(text, start, end, lex, trigger, offer)
    ]


_plans: dict[int, tuple[Lexicon, list[tuple[str, re.Pattern[str]]]]] = {}


def _plan(lex: Lexicon) -> list[tuple[str, re.Pattern[str]]]:
    """The lexicon's trigger patterns in order, each with its kind; last, the weak superlative."""
    held = _plans.get(id(lex))
    if held is None or held[0] is not lex:
        plan = [(kind, pattern) for kind, patterns in lex.triggers.items() for pattern in patterns]
        plan.append(("superlative", lex.weak_superlative))
        held = _plans[id(lex)] = (lex, plan)  # the entry holds ``lex``: its id cannot be reused
    return held[1]


@lru_cache(maxsize=256)
def _words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The pattern's required words (the same for every draft: one parse per process)."""
    return required_words(pattern.pattern, pattern.flags)


def _offer(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Figures of the offer in the sentence (prices, dates, versions …), as document offsets."""
    sentence = text[start:end]
    return [(m.start() + start, m.end() + start) for m in lex.not_claim.finditer(sentence)]


def _kept(
    text: str, start: int, end: int, lex: Lexicon, trigger: Trigger, offer: list[tuple[int, int]]
) -> bool:
    """Whether a judged trigger stays a claim: not a figure of the offer, not terms of payment."""
    if trigger.kind in _NUMERIC and any(
        a < trigger.end and trigger.start < b and _inside_number(text, trigger, a, b)
        for a, b in offer
    ):
        return False
    if trigger.kind == "percentage" and _percent_is_terms(text, trigger, lex, start, end):
        return False
    return not (
        trigger.kind == "quantified"
        and not _has_percent_or_multiplier(text, trigger)
        and not lex.change_verb.search(text, start, end)
    )


def _weak_superlatives(text: str, start: int, end: int, lex: Lexicon) -> list[Trigger]:
    """ "The most accurate sensor", "die schnellste Plattform": a superlative about a product
    needs no market scope; about anything else ("the fastest way") only with one."""
    scopes: list[re.Match[str]] | None = None
    found = []
    for match in lex.weak_superlative.finditer(text, start, end):
        word = match.group("word").lower()
        if word.split()[-1] in lex.weak_stop or word in lex.weak_stop:
            continue
        if scopes is None:
            scopes = list(lex.market_scope.finditer(text, start, end))
        if scopes:
            reach = max(match.end(), max(s.end() for s in scopes))
        elif lex.product_after.match(text, match.end(), end):
            reach = lex.product_after.match(text, match.end(), end).end()  # type: ignore[union-attr]
        else:
            continue
        found.append(Trigger(match.start("word"), match.end("word"), "superlative", reach))
    return found


def _judged(
    text: str, start: int, end: int, lex: Lexicon, found: list[Trigger], language: str
) -> list[tuple[int, Trigger]]:
    """Each trigger with the kind it reports as (``vague`` for hedged ones) and its index in
    ``found``, non-claims dropped."""
    parts = clauses(text, start, end, lex)
    study_before = study_before_offset(text, language) < start
    kept = []
    for index, trigger in enumerate(found):
        kind: str | None = trigger.kind
        clause = next(((a, b) for a, b in parts if a <= trigger.start < b), (start, end))
        if trigger.kind in EFFECT_KINDS:
            kind = judge_effect(
                text, trigger.kind, trigger.start, trigger.end, (start, end), clause,
                language, lex.change_verb, study_before,
            )  # fmt: skip
        elif trigger.kind == "superlative":
            kind = judge_superlative(text, trigger.start, trigger.end, start, language)
        elif trigger.kind == "statistic":
            if is_vague_statistic(text[trigger.start : trigger.end], language):
                kind = VAGUE
            else:
                kind = None if study_before else "statistic"
        elif trigger.kind == "guarantee" and lex.mechanism.search(text, start, end):
            kind = None  # "wird durch drei redundante Knoten garantiert": how, not a promise
        if kind is not None:
            kept.append((index, Trigger(trigger.start, trigger.end, kind, trigger.reach)))
    return kept


def _inside_number(text: str, trigger: Trigger, a: int, b: int) -> bool:
    """True when the offer figure (price, date, version …) is the trigger's own number."""
    digits = [m.span() for m in re.finditer(r"\d+(?:[.,]\d+)*", text[trigger.start : trigger.end])]
    return any(a <= trigger.start + s and trigger.start + e <= b for s, e in digits)


def _percent_is_terms(text: str, trigger: Trigger, lex: Lexicon, start: int, end: int) -> bool:
    """A discount, a tax rate or a spec ("2 % Skonto", "15% discount", "95 % humidity")."""
    before = text[max(start, trigger.start - 30) : trigger.start]
    if _CHANGE_BY.search(before):
        return False  # "senkt die Gebühren um 30 %", "cut fees by 30%": an effect, not a rate
    window = text[max(start, trigger.start - 40) : min(end, trigger.end + 40)]
    return lex.percent_context.search(window) is not None


_CHANGE_BY = re.compile(
    r"\b(?:by|um)\s+(?:(?:up to|bis zu|rund|etwa|about|around|nearly|almost|fast|knapp|über|more than|mehr als)\s+)?$",
    re.IGNORECASE,
)


def _has_percent_or_multiplier(text: str, trigger: Trigger) -> bool:
    return (
        re.search(
            r"%|Prozent|percent|per cent|fach|fold|\bx\b|times|mal\b",
            text[trigger.start : trigger.end],
            _I,
        )
        is not None
    )


def _sourced(
    sentences: list[Span], index: int, lex: Lexicon, extra_sources: re.Pattern[str] | None
) -> bool:
    def has_source(text: str) -> bool:
        return lex.source.search(text) is not None or (
            extra_sources is not None and extra_sources.search(text) is not None
        )

    current = sentences[index].text
    if has_source(current):
        return True
    if index + 1 < len(sentences) and lex.source_next.search(sentences[index + 1].text):
        return True
    return (
        index > 0
        and lex.refers_back.search(current) is not None
        and has_source(sentences[index - 1].text)
    )


_CITED = _c(*_CITATION[:3])


def clauses(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The sentence cut at commas, semicolons, dashes, colons and clause-joining "und"/"and"."""
    spans = []
    cursor = start
    for match in lex.clause_break.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    return [(a, b) for a, b in spans if b > a]


def _hits(
    doc: Document, sentence: Span, triggers: list[Trigger], lex: Lexicon, rule: ClaimsRule
) -> list[Hit]:
    text = doc.content
    parts = clauses(text, sentence.start, sentence.end, lex)
    groups: list[tuple[int, int, list[Trigger]]] = []
    for trigger in sorted(triggers, key=lambda t: (t.start, -t.end)):
        first = next(
            i for i, (a, b) in enumerate(parts) if trigger.start < b or i == len(parts) - 1
        )
        last = max(
            i
            for i, (a, b) in enumerate(parts)
            if a < max(trigger.reach, trigger.start + 1) or i == 0
        )
        last = max(first, last)
        if groups and first <= groups[-1][1]:
            a, b, members = groups[-1]
            groups[-1] = (a, max(b, last), [*members, trigger])
        else:
            groups.append((first, last, [trigger]))
    hits = []
    for first, last, members in groups:
        start, end = _trim(text, parts[first][0], parts[last][1])
        members = _dedupe(members)
        what = ", ".join(f"{t.kind} \u201c{text[t.start : t.end]}\u201d" for t in members)
        kinds = sorted({t.kind for t in members})
        triggers = [
            {"kind": t.kind, "text": text[t.start : t.end], "start": t.start, "end": t.end}
            for t in members
        ]
        quoted = ", ".join(f"\u201c{text[t.start : t.end]}\u201d" for t in members)
        values = {"what": what, "kinds": ", ".join(kinds), "quoted": quoted}
        hits.append(
            make_hit(doc, rule, start, end, values, {"claim_kinds": kinds, "triggers": triggers})
        )
    return hits


def _dedupe(triggers: list[Trigger]) -> list[Trigger]:
    """One trigger per place: "100 % sicher" is a guarantee, not also a percentage."""
    kept: list[Trigger] = []
    for trigger in sorted(triggers, key=lambda t: (-(t.end - t.start), t.start)):
        if not any(k.start <= trigger.start and trigger.end <= k.end for k in kept):
            kept.append(trigger)
    return sorted(kept, key=lambda t: t.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding spaces, Markdown emphasis and the final full stop."""
    while start < end and (text[start].isspace() or text[start] in "*_"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*_.!,;:"):
        end -= 1
    return start, end

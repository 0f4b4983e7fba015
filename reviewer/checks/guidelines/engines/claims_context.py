"""Which claim signals state something that needs evidence: the context around a trigger.

``claims`` finds the signals (a percentage, "verdoppelt", "the leading", "garantiert"); this
module decides, from the words around one, whether it is a claim, a weaker claim or no claim.
Calibrated on published B2B copy (issue 14), where most figures near a verb are not claims:

- a figure is a claim when it states an *effect* (a change verb, "30 % weniger", "a 25 %
  reduction"), a lead time when something *detects* early, a share of people when it is a
  statistic ("neun von zehn Kunden", "61 % of buyers");
- not when it is the company's own fact (headcount, ownership, founding, funding, locations, our
  revenue or sign-ups), a price or term ("kostet ab März 30 % weniger"), a plan or status ("we
  plan to double the team", "zu 80 % abgeschlossen"), or an instruction or setting ("mischen Sie
  3 bis 5 % Verdünner bei", "book the venue two months ahead");
- a superlative or leadership claim about one thing ("die führende Plattform", "the world's
  largest network", "the most advanced platform") is a claim; the hedged or plural form ("einer
  der führenden Anbieter", "a leading provider", "some of the largest brands", "award-winning")
  is a *vague* claim, which the default pack reports as a warning; idioms ("the best possible
  service", "bestmöglich") are none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

_I = re.IGNORECASE

# Kinds of the figure triggers this module judges; superlatives and statistics are judged too.
EFFECT_KINDS = frozenset({"percentage", "multiplier", "quantified", "timing"})
VAGUE = "vague"


def _c(*parts: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), flags)


@dataclass(frozen=True)
class Context:
    """Compiled context patterns for one language."""

    effect_after: re.Pattern[str]  # right after a percentage: "30 % weniger", "25% reduction"
    performance: re.Pattern[str]  # a rate the product achieves: "98 % Genauigkeit", "99.9% uptime"
    people_share: re.Pattern[str]  # right after a percentage: "der Befragten", "of buyers"
    plan: re.Pattern[str]
    own_fact: re.Pattern[str]
    price: re.Pattern[str]
    instruction: re.Pattern[str]
    detects: re.Pattern[str]
    hedge_before: re.Pattern[str]  # right before a superlative: "einer der", "a", "some of the"
    plural_leader: re.Pattern[str]
    idiom: re.Pattern[str]
    vague_words: re.Pattern[str]
    study: re.Pattern[str]  # the text reports a survey or study: its figures are attributed


@cache
def context(lang: str) -> Context:
    return _german() if lang == "de" else _english()


def _german() -> Context:
    return Context(
        effect_after=_c(
            r"^\s*(?:weniger|mehr|schneller|günstiger|billiger|höher\w*|niedriger\w*|besser\w*|kürzer\w*|"
            r"geringer\w*|effizienter\w*|produktiver\w*|Senkung|Steigerung|Reduktion|Reduzierung|Verbesserung|"
            r"Einsparung\w*|Ersparnis|Zuwachs|Wachstum|Rückgang|Plus\b|Minus\b|Umsatzplus|Kostenersparnis|"
            r"Zeitersparnis|Leistungssteigerung)"
        ),
        performance=_c(
            r"^\s*(?:Genauigkeit|Verfügbarkeit|Erkennungsrate|Trefferquote|Erfolgsquote|Kundenzufriedenheit|"
            r"Zufriedenheit|Liefertreue|Termintreue|Uptime|Präzision|Wirkungsgrad)\b",
            r"(?:Genauigkeit|Verfügbarkeit|Erkennungsrate|Trefferquote|Erfolgsquote|Zufriedenheit|Liefertreue|"
            r"Uptime|Wirkungsgrad)\s+(?:von\s+)?(?:über\s+|mehr als\s+|bis zu\s+)?$",
        ),
        people_share=_c(
            r"^\s*(?:der|aller)\s+(?:befragten\s+|deutschen\s+)?[\w-]*(?:Befragten|Teilnehmer\w*|Unternehmen|Firmen|Kunden|"
            r"Nutzer\w*|Anwender\w*|Manager\w*|Entscheider\w*|Mittelständler|Verbraucher\w*|Deutschen|"
            r"Mitarbeitenden|Beschäftigten|Käufer\w*|Händler\w*|Anbieter\w*|Versicherer|Banken|Marketer\w*|"
            r"IT-\w+|CIOs?|CEOs?|Führungskräfte)\b"
        ),
        plan=_c(
            r"\bplan(?:en|t|te|ten|ung)?\b|\bgeplant\w*|\bvorgesehen\b|\bvor,|\bhaben vor\b|\bwoll\w*\b|"
            r"\bmöchten\b|\bZiel\w*\b|\bstreben\b|\banstreb\w*|\bkünftig\w*|\bzukünftig\w*|\bRoadmap\b|"
            r"\bbis (?:Ende |Mitte )?(?:20\d\d|nächste\w* Jahr\w*)\b",
            r"\b(?:zu|bereits zu)\s+\d+\s?(?:%|Prozent)\s+(?:abgeschlossen|fertig\w*|umgesetzt|erledigt|ausgelastet|belegt|ausgebucht)",
            r"\b(?:abgeschlossen|fertiggestellt|umgesetzt)\b",
        ),
        own_fact=_c(
            r"\bMitarbeiter\w*|\bMitarbeitende\w*|\bBeschäftigte\w*|\bBelegschaft\b|\bKöpfe\b",
            r"\bunser(?:e|em|en|er|es)?\s+(?:Team|Umsatz\w*|Kunden(?:zahl|stamm|basis)|Nutzer(?:zahl|basis)\w*|Jahresumsatz)\b",
            r"\b(?:Zahl|Anzahl) (?:der|unserer) (?:Kunden|Nutzer\w*|Anwender\w*)\b",
            r"\bStandort\w*|\bNiederlassung\w*|\bBüros?\b|\bgegründet\b|\bGründung\w*|\bFinanzierung\w*|"
            r"\bInvestor\w*|\bKapital\w*|\bGesellschafter\w*|\bgehör(?:t|en)\b|\bAnteile?\b|\bBeteiligung\w*|"
            r"\bEigentum\b|\bTochter\w*|\bKonzern\w*|\bGeschäftsjahr\w*|\bJahresabschluss\b|\bBilanz\w*",
        ),
        price=_c(
            r"(?-i:\bkoste[tn]\b)|\bPreis\w*|\bTarif\w*|\bLizenz\w*|\bAbo\b|\bAbonnement\w*|\bAufpreis\b|"
            r"\bErmäßigung\b|\bRabatt\w*|\bSkonto\b|\bgünstiger\s+(?:ab|im)\b|\bbei (?:jährlicher|monatlicher) "
            r"(?:Zahlung|Abrechnung|Vorauszahlung)\b"
        ),
        instruction=_c(
            r"^\W*(?:\w+en|\w+ern|\w+eln)\s+Sie\b",  # "Mischen Sie", "Buchen Sie", "Planen Sie"
            r"\bSie sollten\b|\bempfehlen (?:wir|sich)\b|\bwir empfehlen\b|\bbitte\b|\bachten Sie\b",
            r"\b(?:Dosierung|Mischungsverhältnis|Verdünn\w*|Einstellung\w*|einstellen|einstellbar|Toleranz\w*|"
            r"Luftfeuchte|Luftfeuchtigkeit|Temperatur\w*|Drehzahl\w*|Auslastung|Steigung)\b",
        ),
        detects=_c(
            r"\b(?:erkenn\w*|erkannt\w*|meld\w*|warn\w*|prognostizier\w*|vorhersag\w*|sag\w* \w* ?voraus|"
            r"entdeck\w*|identifizier\w*|alarmier\w*|Frühwarn\w*|Vorwarn\w*)"
        ),
        hedge_before=_c(
            r"\b(?:ein|eine|einen|einem|einer|eines)\s+(?:[\w-]+\s+){0,2}$",
            r"\b(?:einer|eine|eines|einem|zu|unter)\s+(?:der|den|die)\s+(?:[\w-]+\s+){0,2}$",
            r"\b(?:zählt|gehört|gehören|zählen)\s+zu\s+den\s+(?:[\w-]+\s+){0,2}$",
            r"\b(?:die|den|der)\s+(?:\d+|zwei|drei|vier|fünf|zehn)\s+(?:[\w-]+\s+){0,1}$",
        ),
        plural_leader=_c(
            r"^(?:markt|branchen|technologie|innovations|welt)?führenden\b(?=\s+[A-ZÄÖÜ]\w*(?:er|en|e|n|s)\b)",
            r"^(?:Markt|Branchen|Technologie|Innovations|Weltmarkt)führern\b",
        ),
        idiom=_c(
            r"^best(?:e|en|er|es|em)\s+(?:Voraussetzung\w*|Grüße\w*|Wissen|Gewissen|Dank|Weg\w*|Zeitpunkt|Praxis|Beispiel\w*)",
            r"^(?:bestmöglich\w*|bestens)\b",
            r"^(?:meiste|meisten|wichtigste\w*|häufigste\w*|größtmöglich\w*|höchstmöglich\w*)\b",
        ),
        vague_words=_c(
            r"\bpreisgekrönt\w*|\bausgezeichnet\w* mit\b|\bdie (?:Mehrheit|Mehrzahl|große Mehrheit) (?:der|aller)\b|"
            r"\bdie meisten\b"
        ),
        study=_c(
            r"\b(?:Umfrage|Studie|Befragung|Erhebung|Marktforschung|Befragten|Umfrageergebnis\w*|Studienergebnis\w*|"
            r"Untersuchung)\w*"
        ),
    )


def _english() -> Context:
    return Context(
        effect_after=_c(
            r"^\s*(?:less|more|faster|cheaper|higher|lower|better|shorter|fewer|smaller|larger|greater|quicker|"
            r"reduction|increase|improvement|savings?|growth|decrease|drop|gain|boost|uplift|lift|rise|cut|"
            r"jump|productivity|efficiency gain)\b"
        ),
        performance=_c(
            r"^\s*(?:accuracy|availability|uptime|detection rate|success rate|pass rate|hit rate|satisfaction|"
            r"customer satisfaction|on-time delivery|precision|recall|efficiency)\b",
            r"(?:accuracy|availability|uptime|detection rate|success rate|pass rate|satisfaction|precision|"
            r"efficiency)\s+(?:rate\s+)?(?:of\s+)?(?:over\s+|more than\s+|up to\s+|above\s+)?$",
        ),
        people_share=_c(
            r"^\s*of\s+(?:all\s+|the\s+|surveyed\s+|U\.?S\.?\s+|German\s+|European\s+)?(?:respondents|participants|"
            r"companies|businesses|firms|customers|users|buyers|marketers|managers|executives|leaders|consumers|"
            r"employees|workers|developers|engineers|organi[sz]ations|enterprises|decision[- ]makers|CIOs|CEOs|"
            r"CFOs|IT \w+|B2B \w+|shoppers|insurers|banks|retailers|people|Americans|Germans)\b"
        ),
        plan=_c(
            r"\bplan(?:s|ned|ning)?\s+to\b|\bour plan\b|\baim(?:s|ed|ing)?\s+(?:to|at|for)\b|\bgoal\b|\btarget\w*\b|"
            r"\bintend\w*|\bwant(?:s|ed)? to\b|\bgoing to\b|\bexpect(?:s|ed)? to\b|\broadmap\b|\bnext year\b|"
            r"\bby (?:the end of |mid-)?(?:20\d\d|next year)\b|\bwe hope\b|\bambition\b",
            r"\b\d+\s?(?:%|percent)\s+(?:complete|completed|done|finished|booked|sold out|full|migrated|deployed)\b",
            r"\b(?:is|are|was)\s+(?:not\s+)?(?:yet\s+)?(?:complete|completed|finished|done)\b",
        ),
        own_fact=_c(
            r"\b(?:employees|staff|headcount|team members|hires|people on (?:our|the) team)\b",
            r"\b(?:our|the company's|its)\s+(?:team|revenue|user base|sign-?ups|subscribers|customer base|"
            r"client base|downloads|visitors|traffic|MRR|ARR|sales)\b",
            r"\b(?:number|count) of (?:our|its) (?:users|customers|clients)\b",
            r"\b(?:our|its) (?:users|customers|clients)\s+(?:has |have )?(?:grew|grown|increased|doubled|tripled|rose|risen)\b",
            r"\b(?:sign-?ups|subscribers|page ?views|visitors|stars on GitHub|GitHub stars)\b",
            r"\b(?:offices?|locations|headquarter\w*|HQ|founded|founding|funding|raised|investors?|Series [A-F]|"
            r"owned by|owns|stake|shareholders?|equity|subsidiary|open[- ]source|open source|fiscal year|"
            r"financial year|FY\s?\d+|year[- ]over[- ]year|annual report)\b",
        ),
        price=_c(
            r"\bcosts?\s+(?:only\s+|just\s+|now\s+)?(?:\d|\$|€|£|less|more)|\bwill cost\b|\bprice[sd]?\b|\bpricing\b|"
            r"\bbilled\b|\blicen[cs]es?\b|\badd-ons?\b|\bsubscriptions?\b|"
            r"\b(?:pro|basic|starter|business|enterprise|team|free|premium|annual|monthly|yearly|paid|pricing)\s+"
            r"(?:plans?|tiers?|editions?)\b|"
            r"\bdiscount\w*|\b(?:annual|yearly) (?:billing|plan|prepayment)\b|\bpay(?:ing)? annually\b"
        ),
        instruction=_c(
            r"^\W*(?:please\s+|always\s+|then\s+|first,?\s+|simply\s+|just\s+)?(?:add|mix|use|set|book|plan|allow|keep|store|"
            r"apply|install|run|configure|schedule|make sure|ensure|start|check|wait|leave|dilute|heat|turn|select|"
            r"enter|choose|order|reserve|register|send|reduce|increase|lower|raise|limit|cap|adjust|budget|"
            r"aim|expect|try|consider|reschedule|allocate)\b",
            r"\byou should\b|\bwe recommend\b|\bwe suggest\b|\bit is recommended\b|\bmake sure\b",
            r"\b(?:dosage|dose|mixing ratio|dilut\w*|setting\w*|tolerance\w*|humidity|temperature|rpm|utili[sz]ation|"
            r"gradient|incline)\b",
        ),
        detects=_c(
            r"\b(?:detect\w*|predict\w*|warn\w*|alert\w*|identif\w*|spot\w*|flag\w*|forecast\w*|notic\w*|"
            r"catch\w*|anticipat\w*|early[- ]warning)"
        ),
        hedge_before=_c(
            r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$",
            r"\b(?:one|some|many|several|few|any|each|two|three|four|five|ten|\d[\d,]*)\s+of\s+(?:the|its|our|their)?\s*(?:[\w-]+\s+){0,2}$",
            r"\bamong\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
        ),
        plural_leader=_c(r"^(?:market|industry|world|category)[- ]leaders\b"),
        idiom=_c(
            r"^best\s+(?:possible|practices?|regards|wishes|way|time|of all|part|bet|interest|fit|guess|effort|case|"
            r"approach|option|choice|place to start|results?)\b",
            r"^most\s+(?:important|common|commonly|frequent\w*|recent\w*|likely|relevant|basic|obvious|of|often|"
            r"significant|critical|interesting|exciting|popular questions|valuable)\b",
            r"^(?:latest|biggest challenge\w*|greatest challenge\w*|simplest way|easiest way|fastest way|best way)",
        ),
        vague_words=_c(
            r"\baward[- ]winning\b|\bthe (?:vast |overwhelming )?majority of\b|\bmost (?:companies|businesses|"
            r"marketers|organi[sz]ations|B2B \w+|buyers|decision[- ]makers|enterprises)\b"
        ),
        study=_c(
            r"\b(?:survey\w*|study|studies|poll\w*|respondents|questionnaire|research report)\b"
        ),
    )


def judge_effect(
    text: str,
    kind: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    lang: str,
    change_verb: re.Pattern[str],
    study_before: bool,
) -> str | None:
    """The kind a figure trigger reports as, or None when it is not a claim here."""
    ctx = context(lang)
    s_text = text[sentence[0] : sentence[1]]
    c_text = text[clause[0] : clause[1]]
    if ctx.instruction.search(s_text) and not _YOUR.search(s_text):
        return None  # "Reduzieren Sie die Drehzahl um 10 %"; but "Senken Sie Ihre Kosten um 30 %" claims
    if kind == "timing":
        if ctx.plan.search(c_text):
            return None
        if re.search(r"amortis|ROI|pays?|payback|break|rechnet", text[start:end], _I):
            return kind
        # a lead time is a claim when something is detected early, before a failure or sooner
        # than others ("erkennt Schäden sechs Monate vor dem Ausfall"), not in a schedule
        # ("we alert you two days before the appointment")
        early = _EARLY.search(text, start, min(sentence[1], end + 40))
        return kind if ctx.detects.search(s_text) and early else None
    if ctx.plan.search(c_text) or ctx.own_fact.search(c_text):
        return None
    if ctx.price.search(s_text) and not _changed_by(text, start, sentence[0]):
        return None  # "kostet ab März 30 % weniger", "save 15% with annual billing": terms
    if kind != "percentage":
        return kind
    after = text[end : min(sentence[1], end + 60)]
    if ctx.people_share.search(after):
        return None if study_before else "statistic"
    if ctx.price.search(c_text) and not _changed_by(text, start, sentence[0]):
        return None
    if (
        ctx.effect_after.search(after)
        or change_verb.search(c_text)
        or _changed_by(text, start, sentence[0])
    ):
        return kind
    if _SPEC.search(text, sentence[0], sentence[1]):
        return None  # "±0,5 %", "SLA": a tolerance or a contract term
    before = text[max(sentence[0], start - 40) : start]
    if ctx.performance.search(after) or ctx.performance.search(before):
        return kind
    return None


_EARLY = re.compile(
    r"früher|eher|earlier|sooner|ahead of (?:time|competitors|others)|"
    r"\b(?:Ausfall|Ausfällen|Schaden|Schäden|Stillstand|Stillständen|Defekt\w*|Bruch|Störung\w*|Havarie|"
    r"Verschleiß|Leck\w*|failures?|breakdowns?|outages?|downtime|crash\w*|defects?|faults?|damage|"
    r"incidents?|leaks?|the conventional|conventional|break\w*|fail\w*|ausfall\w*|ausfällt|versag\w*)\b",
    _I,
)
_SPEC = re.compile(r"±|\+/-|\bSLA\b|\bService Level", _I)


def _changed_by(text: str, start: int, floor: int) -> bool:
    before = text[max(floor, start - 30) : start]
    return (
        re.search(
            r"\b(?:by|um)\s+(?:(?:up to|bis zu|rund|etwa|about|around|nearly|almost|fast|knapp|über|over|more than|"
            r"mehr als|an average of|durchschnittlich|average)\s+)?$",
            before,
            _I,
        )
        is not None
    )


def judge_superlative(text: str, start: int, end: int, floor: int, lang: str) -> str | None:
    """``superlative``, ``vague`` (hedged or plural), or None (an idiom)."""
    ctx = context(lang)
    word = text[start:end]
    if ctx.idiom.search(text[start : start + 60]):
        return None
    if lang == "de" and _NOT_GERMAN_SUPERLATIVE.search(word):
        return None  # "angepassten", "erfassten": participles; superlatives there take "-est-"
    before = text[max(floor, start - 60) : start]
    after = text[end : end + 80]
    if _CHOOSE_THE.search(before) or _TO_CHOOSE.match(after):
        return None  # "chose the best engine", "die beste Lösung zu finden": a choice, not a claim
    if _FOR_YOU.match(after) or _plural_head(word, before, after, lang):
        return VAGUE  # "the best solution for your business", "the largest banks in Europe"
    if ctx.hedge_before.search(before) or ctx.plural_leader.search(text[start : start + 60]):
        return VAGUE
    if re.match(r"(?i)award|preisgekrönt|zu den|unter den|among|one of", word):
        return VAGUE
    return "superlative"


_YOUR = re.compile(r"(?-i:\bIhr(?:e|en|em|er|es)?\b)|\byour\b", _I)
_TO_CHOOSE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:zu finden|zu wählen|auszuwählen|zu ermitteln)\b", _I
)
_FOR_YOU = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:for you|for your|für Sie|für Ihr\w*)\b", _I)
_FUNCTION_EN = frozenset(
    [
        "for",
        "in",
        "on",
        "of",
        "that",
        "which",
        "who",
        "with",
        "to",
        "and",
        "or",
        "at",
        "by",
        "from",
        "across",
        "than",
        "are",
        "is",
        "was",
        "were",
    ]
)


def _plural_noun_phrase_en(after: str) -> bool:
    """Whether the noun the superlative describes is plural: the last word before a function
    word or punctuation ("the largest banks in …" yes, "the most popular web analytics tool," no)."""
    head = ""
    for token in after.split()[:5]:
        word = token.strip(".,;:!?)\"'")
        if word.lower() in _FUNCTION_EN:
            break
        head = word
        if word != token:
            break
    return re.fullmatch(r"[a-z-]{2,}(?<![sui])s", head.lower()) is not None


def _plural_head(word: str, before: str, after: str, lang: str) -> bool:
    """A superlative about many ("the largest banks", "die größten Versicherer"): it ranks the
    others, it does not claim first place."""
    last = word.lower().split()[-1]
    if lang == "de":
        return last.endswith(("sten", "ßten")) and re.search(r"\bdie\s+$", before) is not None
    adjective = last.endswith("est") or last == "leading" or word.lower().startswith("most ")
    return adjective and _plural_noun_phrase_en(after)


_NOT_GERMAN_SUPERLATIVE = re.compile(r"(?:[sßzxtd]|sch)st(?:e|en|er|es|em)$", _I)
_CHOOSE_THE = re.compile(
    r"\b(?:choos\w*|chose|chosen|select\w*|find|found|pick\w*|identify|wählen|wählte\w*|finden|fanden|"
    r"auswählen|suchen|suchten)\s+(?:the|die|den|das|der)\s+(?:[\w-]+\s+)?$",
    _I,
)


def is_vague_statistic(trigger_text: str, lang: str) -> bool:
    return context(lang).vague_words.search(trigger_text) is not None


@lru_cache(maxsize=8)
def study_before_offset(text: str, lang: str) -> int:
    """Where the text first mentions a survey or study (``len(text)`` when it never does): the
    shares of people after it are that study's figures. Cached per text (one search per draft)."""
    match = context(lang).study.search(text)
    return match.start() if match else len(text)

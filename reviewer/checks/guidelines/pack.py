"""Guideline files: YAML front matter (id, title, severity, languages, rules) + a Markdown body.

The deterministic ``guidelines`` check runs the rules; the LLM critique reads the bodies. Both
import the model from here, so there is one definition of what a guideline is.

A broken file is a ``ConfigError`` that names the file, the line and the problem: a guideline
that silently does nothing is worse than one that stops the run.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from reviewer.checks.guidelines.engines.claims import KINDS as CLAIM_KINDS
from reviewer.checks.guidelines.engines.claims import LANGUAGES as CLAIM_LANGUAGES
from reviewer.checks.guidelines.engines.phrases import compile_phrases, phrase_regex
from reviewer.checks.guidelines.redos import nested_repetition
from reviewer.errors import ConfigError
from reviewer.models import Severity
from reviewer.parsing.safe_yaml import YamlBombError, expanded_size

if TYPE_CHECKING:
    from reviewer.config import Config

Scope = Literal["text", "all"]
RULE_TYPES = ("phrases", "substitute", "pattern", "claims")
ANY_LANGUAGE = "*"

_ID = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"


def _per_language(value: Any) -> Any:
    """A plain list (or mapping of terms) means "every language"."""
    if isinstance(value, list | str) or (
        isinstance(value, dict) and value and not _language_keyed(value)
    ):
        return {ANY_LANGUAGE: [value] if isinstance(value, str) else value}
    return value


def _language_keyed(value: dict) -> bool:
    return all(
        isinstance(k, str) and (k == ANY_LANGUAGE or re.fullmatch(r"[a-z]{2}", k)) for k in value
    ) and all(isinstance(v, list | dict) for v in value.values())


class PhraseSet:
    """Phrases per language, compiled on first use: a process that reviews only German drafts
    never pays for compiling the English lists."""

    def __init__(self, by_language: dict[str, list[str]]) -> None:
        self.by_language = by_language
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    def validate(self, loc: tuple[Any, ...]) -> None:
        for lang, phrases in self.by_language.items():
            for index, phrase in enumerate(phrases):
                try:
                    phrase_regex(phrase)
                except ValueError as exc:
                    raise RuleCompileError(
                        (*loc, lang, index), f"cannot use phrase {phrase!r}: {exc}"
                    ) from None

    def pattern(self, language: str) -> re.Pattern[str] | None:
        if language not in self._compiled:
            phrases = self.by_language.get(language, []) + self.by_language.get(ANY_LANGUAGE, [])
            self._compiled[language] = compile_phrases(phrases)
        return self._compiled[language]


class RuleBase(BaseModel):
    """What every rule has. ``message``/``suggestion`` may use ``{match}`` (and rule-specific
    placeholders such as ``{term}``/``{preferred}``)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    message: str
    suggestion: str | None = None
    severity: Severity | None = None  # None: the guideline's severity
    scope: Scope = "text"
    exceptions: dict[str, list[str]] = Field(default_factory=dict)
    # Documentation for `reviewer rules` and SARIF: a one-line title (default: the guideline's),
    # and per language a short text that triggers the rule and one that does not.
    title: str | None = None
    example: dict[str, str] = Field(default_factory=dict)
    counter_example: dict[str, str] = Field(default_factory=dict)

    _exceptions: PhraseSet = PrivateAttr()

    _normalise_exceptions = field_validator("exceptions", mode="before")(_per_language)

    def languages(self) -> set[str] | None:
        """Languages the rule has content for; None means any language."""
        return None

    def applies_to(self, language: str) -> bool:
        langs = self.languages()
        return langs is None or language in langs or ANY_LANGUAGE in langs

    def compile(self) -> None:
        """Check every entry (raising ``RuleCompileError`` with its place) and prepare matchers."""
        self._exceptions = PhraseSet(self.exceptions)
        self._exceptions.validate(("exceptions",))

    def compiled_exceptions(self, language: str) -> re.Pattern[str] | None:
        return self._exceptions.pattern(language)


class PhrasesRule(RuleBase):
    """Forbidden phrases, per language (see ``reviewer.checks.guidelines.engines.phrases`` for the syntax)."""

    type: Literal["phrases"]
    phrases: dict[str, list[str]]

    _phrases: PhraseSet = PrivateAttr()
    _normalise = field_validator("phrases", mode="before")(_per_language)

    def languages(self) -> set[str] | None:
        return set(self.phrases)

    def compile(self) -> None:
        super().compile()
        self._phrases = PhraseSet(self.phrases)
        self._phrases.validate(("phrases",))

    def compiled(self, language: str) -> re.Pattern[str] | None:
        return self._phrases.pattern(language)


# (all terms as one pattern, [(term, preferred, the term's own pattern)])
TermMatchers = tuple[re.Pattern[str] | None, list[tuple[str, str, re.Pattern[str] | None]]]


class SubstituteRule(RuleBase):
    """Terminology: ``terms: {de: {"deprecated": "preferred"}}``."""

    type: Literal["substitute"]
    terms: dict[str, dict[str, str]]

    _terms: dict[str, TermMatchers] = PrivateAttr(default_factory=dict)

    @field_validator("terms", mode="before")
    @classmethod
    def _normalise(cls, value: Any) -> Any:
        # A bare mapping of terms means "every language".
        if isinstance(value, dict) and value and not _language_keyed(value):
            return {ANY_LANGUAGE: value}
        return value

    def languages(self) -> set[str] | None:
        return set(self.terms)

    def compile(self) -> None:
        super().compile()
        PhraseSet({lang: list(terms) for lang, terms in self.terms.items()}).validate(("terms",))

    def compiled_terms(self, language: str) -> TermMatchers:
        """One pattern for all terms (to search), and each term's own (to tell which one matched)."""
        if language not in self._terms:
            terms = {**self.terms.get(ANY_LANGUAGE, {}), **self.terms.get(language, {})}
            each = [(t, p, compile_phrases([t])) for t, p in terms.items()]
            self._terms[language] = (compile_phrases(list(terms)), each)
        return self._terms[language]


class PatternRule(RuleBase):
    """Regular expressions (Python syntax), per language."""

    type: Literal["pattern"]
    patterns: dict[str, list[str]]
    ignore_case: bool = True

    _compiled: dict[str, list[regex.Pattern[str]]] = PrivateAttr(default_factory=dict)
    _normalise = field_validator("patterns", mode="before")(_per_language)

    def languages(self) -> set[str] | None:
        return set(self.patterns)

    def compile(self) -> None:
        # Compiled at load time: a bad expression must fail the run, not a later review. The
        # ``regex`` module (in its ``re``-compatible V0 mode) because its matching takes a
        # timeout: the rule's time budget (see ``budget``).
        super().compile()
        flags = regex.V0 | (regex.IGNORECASE if self.ignore_case else 0)
        for lang, patterns in self.patterns.items():
            compiled = []
            for index, source in enumerate(patterns):
                try:
                    compiled.append(regex.compile(source, flags))
                except regex.error as exc:
                    raise RuleCompileError(
                        ("patterns", lang, index), f"bad regular expression {source!r}: {exc}"
                    ) from None
                if nested_repetition(source):
                    raise RuleCompileError(
                        ("patterns", lang, index),
                        f"regular expression {source!r} repeats a repetition (like (a+)+) and can "
                        "take minutes on one line; drop the outer or the inner repetition",
                    )
            self._compiled[lang] = compiled

    def compiled_patterns(self, language: str) -> list[regex.Pattern[str]]:
        return self._compiled.get(language, []) + self._compiled.get(ANY_LANGUAGE, [])


class ClaimsRule(RuleBase):
    """Claims without a source nearby (see ``reviewer.checks.guidelines.engines.claims``). The lexicon is built in for
    German and English; ``superlatives``, ``guarantees`` and ``sources`` add phrases to it."""

    type: Literal["claims"]
    kinds: list[str] | None = None  # None: every kind the engine knows
    superlatives: dict[str, list[str]] = Field(default_factory=dict)
    guarantees: dict[str, list[str]] = Field(default_factory=dict)
    sources: dict[str, list[str]] = Field(default_factory=dict)

    _extra: dict[str, PhraseSet] = PrivateAttr(default_factory=dict)
    _normalise = field_validator("superlatives", "guarantees", "sources", mode="before")(
        _per_language
    )

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, value: list[str] | None) -> list[str] | None:
        for kind in value or []:
            if kind not in CLAIM_KINDS:
                raise ValueError(f"unknown claim kind {kind!r} (known: {', '.join(CLAIM_KINDS)})")
        return value

    def languages(self) -> set[str] | None:
        return set(CLAIM_LANGUAGES)

    def compile(self) -> None:
        super().compile()
        for field_name in ("superlatives", "guarantees", "sources"):
            self._extra[field_name] = PhraseSet(getattr(self, field_name))
            self._extra[field_name].validate((field_name,))

    def extra(self, field_name: str, language: str) -> re.Pattern[str] | None:
        return self._extra[field_name].pattern(language)


Rule = Annotated[
    PhrasesRule | SubstituteRule | PatternRule | ClaimsRule, Field(discriminator="type")
]


class Guideline(BaseModel):
    """One guideline file. ``body`` is Markdown written for people and read by the LLM critique."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    title: str
    severity: Severity = "warning"
    languages: list[str] = Field(default_factory=lambda: ["de", "en"])
    rules: list[Rule] = Field(default_factory=list)
    body: str = ""
    path: Path

    def rule_id(self, rule: RuleBase) -> str:
        """The stable id findings carry and suppression comments name."""
        return f"{self.id}.{rule.id}"

    def severity_of(self, rule: RuleBase) -> Severity:
        return rule.severity or self.severity

    def applies_to(self, language: str) -> bool:
        return language in self.languages or ANY_LANGUAGE in self.languages


class RuleCompileError(Exception):
    """A rule entry that cannot be used; ``loc`` is its path inside the rule."""

    def __init__(self, loc: tuple[Any, ...], problem: str) -> None:
        super().__init__(problem)
        self.loc = loc
        self.problem = problem


# --- reading files -----------------------------------------------------------------------------

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE
)


def parse_guideline(path: Path, text: str | None = None) -> Guideline:
    """Read one guideline file; every problem is a ConfigError with file and line."""
    import yaml

    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read guideline file: {exc}") from None
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ConfigError(
            f"{path}: line 1: a guideline file starts with YAML front matter between '---' lines"
        )
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(match.group(1))
    try:
        node = loader.get_single_node()
        if node is not None:
            expanded_size(node)
        data = loader.construct_document(node) if node is not None else None
    except YamlBombError as exc:
        raise ConfigError(f"{path}: front matter refused: its YAML aliases {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 2}:" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}:{line} front matter is not valid YAML: {problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: line 2: front matter must be a mapping of keys to values")
    fields = {**data, "body": text[match.end() :].strip("\n"), "path": path}
    try:
        guideline = Guideline.model_validate(fields)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = error["loc"]
        if len(loc) >= 3 and loc[0] == "rules" and loc[2] in RULE_TYPES:
            loc = (*loc[:2], *loc[3:])  # pydantic puts the rule type (union tag) into the path
        error = {**error, "loc": loc}
        raise ConfigError(f"{path}: line {_line_of(node, loc)}: {_describe(error)}") from None
    seen: set[str] = set()
    for index, rule in enumerate(guideline.rules):
        if rule.id in seen:
            raise ConfigError(
                f"{path}: line {_line_of(node, ('rules', index, 'id'))}: duplicate rule id {rule.id!r}"
            )
        seen.add(rule.id)
        try:
            rule.compile()
        except RuleCompileError as exc:
            raise ConfigError(
                f"{path}: line {_line_of(node, ('rules', index, *exc.loc))}: {exc.problem}"
            ) from None
    return guideline


def _describe(error: dict[str, Any]) -> str:
    loc = [str(p) for p in error["loc"]]
    where = _dotted(error["loc"])
    kind = error["type"]
    if kind == "missing":
        return f"missing required key '{loc[-1]}'" + (
            f" in {_dotted(error['loc'][:-1])}" if len(loc) > 1 else ""
        )
    if kind == "extra_forbidden":
        return f"unknown key '{where}'"
    if kind == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag", "?")
        return f"{where}: unknown rule type {tag!r} (known: {', '.join(RULE_TYPES)})"
    if kind == "union_tag_not_found":
        return f"{where}: a rule needs a 'type' ({', '.join(RULE_TYPES)})"
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}"


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(node: Any, loc: tuple[Any, ...]) -> int:
    """The file line (1-based) of the deepest YAML node on ``loc``; the YAML starts on line 2."""
    import yaml

    current = node
    for part in loc:
        if isinstance(current, yaml.MappingNode):
            values = {k.value: v for k, v in current.value if isinstance(k, yaml.ScalarNode)}
            if part in values:
                current = values[part]
            # otherwise: a discriminator tag or a missing key; stay on this mapping
        elif (
            isinstance(current, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(current.value)
        ):
            current = current.value[part]
        else:
            break
    return (current.start_mark.line if current is not None else 0) + 2


# --- the pack and project folders ---------------------------------------------------------------


def default_pack_dir() -> Path:
    from reviewer.resources import data_dir

    return data_dir("guidelines")


def guideline_dirs(config: Config) -> list[Path]:
    """Folders (or single files) to read, in order: the default pack, then the project's."""
    dirs = [] if config.guidelines.replace_defaults else [default_pack_dir()]
    for entry in config.guidelines.paths:
        path = Path(entry).expanduser()
        if not path.is_absolute():
            path = config.base_dir / path
        if not path.exists():
            raise ConfigError(f"{entry}: guideline folder not found (resolved to {path})")
        dirs.append(path.resolve())
    return dirs


def load_guidelines(config: Config) -> list[Guideline]:
    """The default pack plus ``config.guidelines.paths``; a later file with the same id replaces an
    earlier one, so a project can override a default guideline by reusing its id."""
    files = tuple((str(f), f.stat().st_mtime_ns) for d in guideline_dirs(config) for f in _files(d))
    return list(_load_files(files))


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(
        p for p in path.glob("*.md") if p.is_file() and not p.name.lower().startswith("readme")
    )


@lru_cache(maxsize=16)
def _load_files(files: tuple[tuple[str, int], ...]) -> tuple[Guideline, ...]:
    """Cached on paths and modification times: parsed once per process, reread when edited."""
    by_id: dict[str, Guideline] = {}
    folder_of: dict[str, Path] = {}
    for name, _mtime in files:
        guideline = parse_guideline(Path(name))
        previous = folder_of.get(guideline.id)
        if previous is not None and previous == guideline.path.parent:
            raise ConfigError(
                f"{guideline.path}: line 2: guideline id {guideline.id!r} is also used by {by_id[guideline.id].path}"
            )
        by_id[guideline.id] = guideline
        folder_of[guideline.id] = guideline.path.parent
    return tuple(by_id.values())


def guidelines_for(guidelines: list[Guideline], language: str) -> list[Guideline]:
    """Guidelines that apply to a draft in ``language``."""
    return [g for g in guidelines if g.applies_to(language)]


def find_guideline(guidelines: list[Guideline], guideline_id: str) -> Guideline:
    for guideline in guidelines:
        if guideline.id == guideline_id:
            return guideline
    known = ", ".join(g.id for g in guidelines) or "none"
    raise ConfigError(f"unknown guideline {guideline_id!r} (known: {known})")

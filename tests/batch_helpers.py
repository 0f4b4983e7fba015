"""Shared pieces of the batch and renderer tests: drafts of our own, bad files, a light config,
and a parser that reads back where the HTML report put its marks."""

from __future__ import annotations

import json
import shutil
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import EVAL_DIR

# Our own drafts (not from the eval set), German and English, with personal data, a filler
# phrase, an unsupported claim, an empty section and markup characters that must stay text.
OWN_DRAFTS = {
    "blog/de_kundenservice.md": (
        "---\ntitle: Kundenservice mit KI\nlanguage: de\nwords: {min: 80, max: 300}\n"
        "keywords: [Kundenservice, Chatbot]\nrequired_sections: [Fazit]\n---\n\n"
        "# Kundenservice mit KI\n\n"
        "In der heutigen schnelllebigen Welt erwarten Kunden schnelle Antworten. Unser Chatbot "
        "beantwortet garantiert 95 % aller Fragen sofort. Fragen Sie Frau Henrike Süßmilch unter "
        "henrike.suessmilch@gmx.de oder +49 172 5550199.\n\n"
        "## Einführung im Team\n\n## Kosten\n\nDer Kundenservice wird planbar: Tarife ab 49 Euro "
        "im Monat, monatlich kündbar. Ein Chatbot ersetzt keine Menschen, er entlastet sie.\n\n"
        "## Fazit\n\nMit <b>klaren</b> Regeln | und Tabellenzeichen wird der Kundenservice besser.\n"
    ),
    "en_pricing-page.md": (
        "---\ntitle: Pricing that scales\nlanguage: en\nwords: {min: 60, max: 250}\n"
        "keywords: [pricing, invoices]\nrequired_sections: [FAQ]\n---\n\n"
        "# Pricing that scales with you\n\n"
        "Unlock the power of simple invoices. Our tool is the fastest invoicing platform on the "
        "market and cuts your costs by 80 percent. Questions? Write to Oliver Brandstetter at "
        "oliver.brandstetter@outlook.com or call +44 7700 900456.\n\n"
        "## Plans\n\nStarter costs 19 EUR a month; Team costs 49 EUR. Every plan includes unlimited "
        "invoices and `code`-style exports for your accountant.\n"
    ),
    "notes/plain.txt": (
        "Quarterly newsletter\n\nOur new warehouse in Leipzig opens in May. Orders placed before "
        "noon ship the same day. Contact sales@example.com for volume pricing.\n"
    ),
}

# Files a batch must report and skip, never stop at.
BAD_FILES: dict[str, bytes] = {
    "bad/empty.md": b"",
    "bad/binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)),
    "bad/bad_yaml.md": b"---\ntitle: [unclosed\nwords: {min: 5\n---\n\n# Title\n\nSome body text here.\n",
    "bad/invalid_utf8.md": b"# Title\n\nabc \xe2\x82 def \xf0\x9f\x98 ghi and more text\n",
}

LIGHT_CONFIG = """\
# Only the fast checks: these tests are about the batch machinery, not the engines.
[checks]
pii = false
readability = false
keywords = false
guidelines = false
critique = false
"""


@cache
def reviewed_drafts() -> tuple:
    """Real reviews (all deterministic checks, real presidio; no critique) of our own drafts and
    two labelled ones, as ``(Document, Report)`` pairs; built once per test session."""
    from reviewer.config import Config
    from reviewer.document import parse_document
    from reviewer.pipeline import review

    config = Config()
    config.checks.critique = False
    texts = dict(OWN_DRAFTS)
    for name in ("de_01_marketing-automation.md", "en_02_cloud-hosting-case-study.md"):
        texts[f"eval/{name}"] = (EVAL_DIR / name).read_text(encoding="utf-8")
    pairs = []
    for source, text in texts.items():
        doc = parse_document(text, source)
        pairs.append((doc, review(doc, config)))
    return tuple(pairs)


def write_drafts(folder: Path, *, eval_cases: int = 3, bad: bool = False) -> list[Path]:
    """Our own drafts, the first ``eval_cases`` labelled drafts, and optionally the bad files."""
    written: list[Path] = []
    for relative, text in OWN_DRAFTS.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    for draft in sorted(EVAL_DIR.glob("*_*.md"))[:eval_cases]:
        target = folder / "eval" / draft.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(draft, target)
        written.append(target)
    if bad:
        for relative, data in BAD_FILES.items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(target)
    return written


def batch_command(*args: str, program: str | None = None) -> list[str]:
    """``reviewer batch drafts --config reviewer.toml --no-critique ARGS`` (``program``: a script
    to run instead of ``python -m reviewer``)."""
    start = [sys.executable, program] if program else [sys.executable, "-m", "reviewer"]
    return [*start, "batch", "drafts", "--config", "reviewer.toml", "--no-critique", *args]


def light_config(folder: Path) -> Path:
    path = folder / "reviewer.toml"
    path.write_text(LIGHT_CONFIG, encoding="utf-8")
    return path


# The official SARIF 2.1.0 JSON schema (OASIS; its $id names oasis-tcs/sarif-spec), vendored
# unchanged as json.schemastore.org serves it (sarif-2.1.0.json), so the tests run offline.
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def validate_sarif(log: dict) -> None:
    """Fail with the first schema violations when ``log`` is not valid SARIF 2.1.0."""
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


class MarkReader(HTMLParser):
    """Reads the draft of an HTML report back: its text, and for every finding index the
    character ranges of the marks that carry it (offsets into that text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.ranges: dict[int, list[tuple[int, int]]] = {}
        self.anchors: dict[str, int] = {}
        self._in_draft = False
        self._leading_newline = False
        self._marks: list[list[int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "pre" and "draft" in (attributes.get("class") or ""):
            self._in_draft = True
            self._leading_newline = True
        elif self._in_draft and tag == "mark":
            indices = [int(i) for i in (attributes.get("data-f") or "").split()]
            self._marks.append(indices)
            for index in indices:  # an empty mark (a point finding) still records where it is
                self.ranges.setdefault(index, [])
        elif self._in_draft and tag == "span" and attributes.get("id"):
            self.anchors[attributes["id"] or ""] = len(self.text)

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._in_draft = False
        elif self._in_draft and tag == "mark":
            self._marks.pop()

    def handle_data(self, data: str) -> None:
        if not self._in_draft:
            return
        if self._leading_newline and not self.text:
            data = data.removeprefix("\n")  # as browsers do right after <pre>
        self._leading_newline = False
        start = len(self.text)
        self.text += data
        for index in self._marks[-1] if self._marks else []:
            self.ranges.setdefault(index, []).append((start, len(self.text)))

    def span_of(self, index: int) -> tuple[int, int] | None:
        """The one contiguous range covered by finding ``index``'s marks (None if unmarked)."""
        pieces = sorted(self.ranges.get(index, []))
        if not pieces:
            return None
        for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False):
            assert end == start, f"finding {index}: marks are not contiguous: {pieces}"
        return pieces[0][0], pieces[-1][1]

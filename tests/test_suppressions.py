"""Linter-style suppressions: comments, prefixes, next-line, whole file, per-path config ignores."""

from __future__ import annotations

import json

import pytest

from reviewer.config import Config
from reviewer.document import parse_document
from reviewer.pipeline import run_checks
from reviewer.suppressions import apply_suppressions
from tests.guidelines_helpers import FAST_CONFIG, cli

FILLER = "In der heutigen schnelllebigen Welt zählt Tempo."
CLAIM = "Wir senken Ihre Kosten um 40 %."


def _config() -> Config:
    config = Config()
    for check in ("pii", "readability", "keywords", "critique"):
        setattr(config.checks, check, False)
    return config


def review(body: str, source: str = "draft.md", config: Config | None = None):
    doc = parse_document(f"---\nlanguage: de\n---\n\n# Titel\n\n{body}\n", source)
    partial = run_checks(doc, config or _config())
    return partial.findings, partial.suppressed


def rules(findings) -> list[str]:
    return sorted(f.rule for f in findings)


def test_without_comments_everything_is_kept():
    kept, suppressed = review(f"{FILLER}\n\n{CLAIM}")
    assert (
        rules(kept) == ["claims-evidence.unsupported", "filler-phrases.opener"] and suppressed == []
    )


@pytest.mark.parametrize(
    "selector",
    [
        "filler-phrases",
        "filler-phrases.opener",
        "guidelines.filler-phrases",
        "guidelines.filler",
        "FILLER-PHRASES.OPENER",
    ],
)
def test_disable_enable_region_by_rule_guideline_or_prefix(selector):
    body = f"<!-- reviewer-disable {selector} -->\n{FILLER}\n\n{CLAIM}\n<!-- reviewer-enable {selector} -->\n\n{FILLER}"
    kept, suppressed = review(body)
    assert rules(kept) == ["claims-evidence.unsupported", "filler-phrases.opener"]
    assert rules(suppressed) == ["filler-phrases.opener"]
    assert suppressed[0].suppressed_by.startswith("comment on line 7: reviewer-disable")
    # the kept filler is the one after the enable comment
    (after,) = [f for f in kept if f.rule == "filler-phrases.opener"]
    assert after.line > suppressed[0].line


def test_prefix_must_end_at_a_separator():
    kept, suppressed = review(f"<!-- reviewer-disable fill -->\n{FILLER}")
    assert suppressed == [] and rules(kept) == ["filler-phrases.opener"]


def test_disable_without_ids_is_everything_until_enable_or_end():
    kept, suppressed = review(f"<!-- reviewer-disable -->\n{FILLER} {CLAIM}")
    assert kept == [] and rules(suppressed) == [
        "claims-evidence.unsupported",
        "filler-phrases.opener",
    ]


def test_comma_separated_list_and_a_note_after_two_dashes():
    body = f"<!-- reviewer-disable filler-phrases, claims-evidence -- legal approved the figure -->\n{FILLER} {CLAIM}"
    kept, suppressed = review(body)
    assert kept == [] and len(suppressed) == 2


def test_disable_next_line_skips_blank_lines_and_covers_one_line():
    body = f"<!-- reviewer-disable-next-line claims-evidence.unsupported -->\n\n{CLAIM}\n\n{CLAIM}"
    kept, suppressed = review(body)
    assert rules(kept) == ["claims-evidence.unsupported"] and rules(suppressed) == [
        "claims-evidence.unsupported"
    ]
    assert suppressed[0].line < kept[0].line


def test_disable_line_covers_its_own_line():
    kept, suppressed = review(f"{CLAIM} <!-- reviewer-disable-line claims-evidence -->\n\n{CLAIM}")
    assert len(kept) == 1 and len(suppressed) == 1


def test_suppressions_work_for_every_check_and_document_level_findings():
    # structure: the brief asks for a section that is missing (document-level, no offsets)
    text = "---\nlanguage: de\nrequired_sections: [Fazit]\n---\n\n# Titel\n\n## Leer\n\n## Voll\n\nText.\n"
    doc = parse_document(text, "d.md")
    partial = run_checks(doc, _config())
    assert {"structure.missing_required_section", "structure.empty_section"} <= {
        f.rule for f in partial.findings
    }
    muted = text.replace(
        "# Titel",
        "<!-- reviewer-disable-file structure.missing_required_section -->\n# Titel\n<!-- reviewer-disable-next-line structure -->",
    )
    partial = run_checks(parse_document(muted, "d.md"), _config())
    assert {f.rule for f in partial.suppressed} == {
        "structure.missing_required_section",
        "structure.empty_section",
    }
    assert "structure.missing_required_section" not in {f.rule for f in partial.findings}


def test_plain_disable_does_not_silence_document_level_findings():
    text = "---\nlanguage: de\nrequired_sections: [Fazit]\n---\n\n<!-- reviewer-disable -->\n# Titel\n\nText.\n"
    partial = run_checks(parse_document(text, "d.md"), _config())
    assert "structure.missing_required_section" in {f.rule for f in partial.findings}


def test_directives_inside_code_blocks_are_examples():
    body = f"```\n<!-- reviewer-disable -->\n```\n\n{CLAIM}"
    kept, suppressed = review(body)
    assert rules(kept) == ["claims-evidence.unsupported"] and suppressed == []


def test_per_path_ignores_from_the_config(tmp_path):
    config = _config()
    config.base_dir = tmp_path
    config.ignore = {"drafts/legacy/*": ["filler-phrases"], "*.txt": ["*"]}
    legacy = str(tmp_path / "drafts" / "legacy" / "old.md")
    kept, suppressed = review(f"{FILLER} {CLAIM}", source=legacy, config=config)
    assert rules(kept) == ["claims-evidence.unsupported"] and rules(suppressed) == [
        "filler-phrases.opener"
    ]
    assert suppressed[0].suppressed_by == "config ignore 'drafts/legacy/*'"
    kept, suppressed = review(
        f"{FILLER} {CLAIM}", source=str(tmp_path / "drafts" / "new.md"), config=config
    )
    assert len(kept) == 2 and suppressed == []


def test_apply_suppressions_keeps_the_signature_and_does_not_mutate():
    doc = parse_document(
        f"---\nlanguage: de\n---\n# T\n\n<!-- reviewer-disable -->\n{CLAIM}\n", "d.md"
    )
    from reviewer.checks import run_check

    findings = run_check("guidelines", doc, Config()).findings
    kept, suppressed = apply_suppressions(doc, Config(), findings)
    assert kept == [] and len(suppressed) == 1
    assert "suppressed_by" not in findings[0].model_extra


def test_report_counts_suppressed_findings_and_verdict_ignores_them(tmp_path):
    (tmp_path / "reviewer.toml").write_text(FAST_CONFIG, encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text(
        f"---\nlanguage: de\n---\n# Titel\n\n<!-- reviewer-disable claims-evidence -->\n{CLAIM}\n",
        encoding="utf-8",
    )
    result = cli("review", str(draft), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["findings"] == []
    assert [f["rule"] for f in report["suppressed"]] == ["claims-evidence.unsupported"]
    assert report["verdict"] == "ready"

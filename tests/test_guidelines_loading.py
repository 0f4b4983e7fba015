"""Guideline files: the default pack, custom folders (extend, replace, override), broken files."""

from __future__ import annotations

import pytest

from reviewer.checks.guidelines.pack import (
    find_guideline,
    guidelines_for,
    load_guidelines,
    parse_guideline,
)
from reviewer.config import Config
from reviewer.errors import ConfigError
from tests.guidelines_helpers import findings, only, write_guideline

CUSTOM = """\
---
id: house-style
title: House style
severity: info
languages: [de, en]
rules:
  - id: brand-name
    type: substitute
    message: "Write the brand as {preferred}"
    terms:
      de: {"Acme Cloud": "ACME Cloud"}
      en: {"Acme Cloud": "ACME Cloud"}
---
Our brand is written in capitals.
"""


def test_default_pack_covers_the_themes_in_both_languages():
    pack = {g.id: g for g in load_guidelines(Config())}
    assert {
        "claims-evidence",
        "filler-phrases",
        "prompt-injection",
        "data-protection",
        "ai-transparency",
        "inclusive-language",
    } <= set(pack)
    for guideline in pack.values():
        assert guideline.body.strip(), guideline.id
        assert {"de", "en"} <= set(guideline.languages)
        for language in ("de", "en"):  # rules in both languages (one rule may be German only)
            assert any(rule.applies_to(language) for rule in guideline.rules), (
                guideline.id,
                language,
            )
    assert pack["prompt-injection"].severity == "error"
    assert pack["claims-evidence"].severity == "error"


def test_rule_ids_are_guideline_dot_rule():
    pack = load_guidelines(Config())
    ids = [g.rule_id(r) for g in pack for r in g.rules]
    assert len(ids) == len(set(ids))
    assert "claims-evidence.unsupported" in ids and "filler-phrases.hype" in ids


def test_custom_folder_extends_the_pack(tmp_path):
    write_guideline(tmp_path / "gl", "house.md", CUSTOM)
    config = Config()
    config.guidelines.paths = [str(tmp_path / "gl")]
    ids = [g.id for g in load_guidelines(config)]
    assert "house-style" in ids and "claims-evidence" in ids
    found = findings(
        "# Titel\n\nWir betreiben Acme Cloud in Frankfurt.", "de", config, "house-style"
    )
    assert [(f.rule, f.text, f.severity) for f in found] == [
        ("house-style.brand-name", "Acme Cloud", "info")
    ]
    assert found[0].message == "Write the brand as ACME Cloud"


def test_replace_defaults_drops_the_pack(tmp_path):
    write_guideline(tmp_path / "gl", "house.md", CUSTOM)
    assert [g.id for g in load_guidelines(only(tmp_path / "gl"))] == ["house-style"]
    # a filler phrase is no longer reported without the default pack
    assert (
        findings(
            "# T\n\nIn der heutigen schnelllebigen Welt zählt Acme Cloud.",
            "de",
            only(tmp_path / "gl"),
            "filler-phrases",
        )
        == []
    )


def test_project_guideline_with_same_id_overrides_the_default(tmp_path):
    write_guideline(
        tmp_path / "gl",
        "filler.md",
        """\
        ---
        id: filler-phrases
        title: Our own filler list
        severity: info
        rules:
          - id: ours
            type: phrases
            message: "filler"
            phrases: ["im Großen und Ganzen"]
        ---
        Ours.
        """,
    )
    config = Config()
    config.guidelines.paths = [str(tmp_path / "gl")]
    filler = find_guideline(load_guidelines(config), "filler-phrases")
    assert filler.title == "Our own filler list"
    found = findings(
        "# T\n\nIm Großen und Ganzen, in der heutigen schnelllebigen Welt.",
        "de",
        config,
        "filler-phrases",
    )
    assert [f.text for f in found] == ["Im Großen und Ganzen"]


def test_relative_paths_are_relative_to_the_config_folder(tmp_path):
    write_guideline(tmp_path / "project" / "rules", "house.md", CUSTOM)
    (tmp_path / "project" / "reviewer.toml").write_text(
        '[guidelines]\npaths = ["rules"]\n', encoding="utf-8"
    )
    from reviewer.config import load_config

    config = load_config(str(tmp_path / "project" / "reviewer.toml"))
    assert "house-style" in [g.id for g in load_guidelines(config)]


def test_missing_folder_is_a_config_error(tmp_path):
    config = Config()
    config.guidelines.paths = [str(tmp_path / "nope")]
    with pytest.raises(ConfigError, match="guideline folder not found"):
        load_guidelines(config)


def test_edited_file_is_read_again(tmp_path):
    path = write_guideline(tmp_path / "gl", "house.md", CUSTOM)
    assert find_guideline(load_guidelines(only(tmp_path / "gl")), "house-style").severity == "info"
    import os

    path.write_text(CUSTOM.replace("severity: info", "severity: error"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert find_guideline(load_guidelines(only(tmp_path / "gl")), "house-style").severity == "error"


def test_guidelines_for_filters_by_language(tmp_path):
    write_guideline(
        tmp_path / "gl",
        "de.md",
        "---\nid: nur-de\ntitle: Nur Deutsch\nlanguages: [de]\n---\nText.\n",
    )
    loaded = load_guidelines(only(tmp_path / "gl"))
    assert [g.id for g in guidelines_for(loaded, "de")] == ["nur-de"]
    assert guidelines_for(loaded, "en") == []


def test_a_guideline_without_rules_is_for_the_critique_only(tmp_path):
    path = write_guideline(
        tmp_path, "tone.md", "---\nid: tone\ntitle: Tone\n---\nWrite like a person.\n"
    )
    guideline = parse_guideline(path)
    assert guideline.rules == [] and guideline.body == "Write like a person."


# --- broken files: every error names the file and the line --------------------------------------

BROKEN = {
    "bad_yaml": ("---\nid: x\ntitle: [unclosed\nseverity: error\n---\nBody\n", 4, "not valid YAML"),
    "missing_id": (
        "---\ntitle: No id\nseverity: error\n---\nBody\n",
        2,
        "missing required key 'id'",
    ),
    "bad_regex": (
        "---\nid: x\ntitle: X\nrules:\n  - id: r\n    type: pattern\n    message: m\n    patterns:\n      en:\n        - 'fine'\n        - '[unclosed'\n---\nBody\n",
        11,
        "bad regular expression",
    ),
    "unknown_type": (
        "---\nid: x\ntitle: X\nrules:\n  - id: r\n    type: magic\n    message: m\n---\nBody\n",
        5,
        "unknown rule type 'magic'",
    ),
    "unknown_key": ("---\nid: x\ntitle: X\ncolour: red\n---\nBody\n", 4, "unknown key 'colour'"),
    "bad_severity": ("---\nid: x\ntitle: X\nseverity: fatal\n---\nBody\n", 4, "severity"),
    "no_front_matter": ("# Just Markdown\n", 1, "starts with YAML front matter"),
    "duplicate_rule": (
        "---\nid: x\ntitle: X\nrules:\n  - id: r\n    type: phrases\n    message: m\n    phrases: [a]\n  - id: r\n    type: phrases\n    message: m\n    phrases: [b]\n---\n",
        9,
        "duplicate rule id 'r'",
    ),
    "empty_phrase": (
        "---\nid: x\ntitle: X\nrules:\n  - id: r\n    type: phrases\n    message: m\n    phrases:\n      de: ['ok', '  ']\n---\n",
        9,
        "empty phrase",
    ),
    "missing_message": (
        "---\nid: x\ntitle: X\nrules:\n  - id: r\n    type: phrases\n    phrases: [a]\n---\n",
        5,
        "missing required key 'message'",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_names_file_line_and_problem(tmp_path, case):
    text, line, problem = BROKEN[case]
    path = tmp_path / f"{case}.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        parse_guideline(path)
    message = str(error.value)
    assert message.startswith(f"{path}: line {line}:"), message
    assert problem in message


def test_two_files_with_one_id_in_a_folder_are_an_error(tmp_path):
    write_guideline(tmp_path / "gl", "a.md", "---\nid: same\ntitle: A\n---\nA\n")
    write_guideline(tmp_path / "gl", "b.md", "---\nid: same\ntitle: B\n---\nB\n")
    with pytest.raises(ConfigError, match="guideline id 'same' is also used by"):
        load_guidelines(only(tmp_path / "gl"))


def test_unknown_claim_kind_is_rejected(tmp_path):
    path = write_guideline(
        tmp_path,
        "c.md",
        "---\nid: c\ntitle: C\nrules:\n  - id: r\n    type: claims\n    message: m\n    kinds: [percentage, vibes]\n---\n",
    )
    with pytest.raises(ConfigError, match=r"line 8: .*unknown claim kind 'vibes'"):
        parse_guideline(path)


def test_the_readme_example_guideline_loads_and_works(tmp_path):
    """The example in README "Writing a guideline" must stay true."""
    from tests.guidelines_helpers import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Writing a guideline", 1)[1]
    example = section.split("```markdown\n", 1)[1].split("\n```", 1)[0]
    write_guideline(tmp_path, "house.md", example + "\n")
    config = only(tmp_path)
    assert [g.rule_id(r) for g in load_guidelines(config) for r in g.rules] == [
        "house-style.no-synergy",
        "house-style.brand",
        "house-style.tickets",
        "house-style.figures",
    ]
    found = findings(
        "# T\n\nUnsere Synergieeffekte, siehe MKT-7, in Premium-Qualität.", "de", config
    )
    assert sorted(f.rule for f in found) == [
        "house-style.figures",
        "house-style.no-synergy",
        "house-style.tickets",
    ]

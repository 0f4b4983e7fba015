"""Which review store a command uses when nothing names it: the nearest .reviewer/ folder upward
(as git finds its folder), the project's, else the user's data folder — and `reviewer where`
says which, and why."""

from __future__ import annotations

from tests.store_helpers import STRUCTURE_ONLY, cli_draft, run_cli


def test_project_store_is_found_from_any_folder_below_it(tmp_path):
    base = tmp_path / "base"
    deep = base / "team" / "drafts"
    deep.mkdir(parents=True)
    (base / "reviewer.toml").write_text(STRUCTURE_ONLY, encoding="utf-8")
    (deep / "a.md").write_text(cli_draft("Text.\n\n## Fazit\n\nGut."), encoding="utf-8")
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}

    where = run_cli("where", cwd=deep, env=env)
    assert where.returncode == 0, where.stderr
    assert f"store:  sqlite:///{base / '.reviewer' / 'reviews.db'}" in where.stdout
    assert "the project folder of" in where.stdout and "not created yet" in where.stdout

    submitted = run_cli("submit", "a.md", cwd=deep, env=env)
    assert submitted.returncode == 0, submitted.stderr
    assert "path:team/drafts/a.md" in submitted.stdout  # keyed relative to the project
    approved = run_cli("approve", "1", "--by", "alice", cwd=base / "team", env=env)
    assert approved.returncode == 0, approved.stderr
    gate = run_cli("check-approved", "team/drafts/a.md", cwd=base, env=env)
    assert gate.returncode == 0, gate.stderr + gate.stdout
    where = run_cli("where", cwd=base / "team", env=env)
    assert "the nearest .reviewer/ folder upward" in where.stdout and "exists" in where.stdout
    assert not (tmp_path / "data" / "reviewer").exists()


def test_without_a_project_the_nearest_store_upward_or_the_user_data_folder(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    shared = tmp_path / "shared"
    (shared / ".reviewer").mkdir(parents=True)
    (shared / "sub").mkdir()
    where = run_cli("where", cwd=shared / "sub", env=env)
    assert f"sqlite:///{shared / '.reviewer' / 'reviews.db'}" in where.stdout
    assert "config: none found" in where.stdout

    outside = tmp_path / "somewhere"
    outside.mkdir()
    where = run_cli("where", cwd=outside, env=env)
    assert where.returncode == 0, where.stderr
    assert f"sqlite:///{tmp_path / 'data' / 'reviewer' / 'reviews.db'}" in where.stdout
    assert "your user data folder" in where.stdout
    gate = run_cli("check-approved", "x.md", cwd=outside, env=env)
    assert gate.returncode == 1 and "reviewer where" in gate.stderr


def test_db_option_and_environment_say_so(tmp_path):
    where = run_cli("where", "--db", str(tmp_path / "x.db"), cwd=tmp_path)
    assert "why:    --db" in where.stdout
    where = run_cli("where", cwd=tmp_path, env={"REVIEWER_DATABASE_URL": "sqlite:///y.db"})
    assert "why:    $REVIEWER_DATABASE_URL" in where.stdout

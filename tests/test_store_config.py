"""Where the store lives, how its schema is migrated, and clear errors when it cannot be opened."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import text

from reviewer.config import config_from_dict
from reviewer.errors import ConfigError
from reviewer.store import StoreError, open_store
from reviewer.store.database import resolve_url


def test_url_precedence(tmp_path, monkeypatch):
    config = config_from_dict({"store": {"url": "sqlite:///from-config.db"}}, base_dir=tmp_path)
    monkeypatch.delenv("REVIEWER_DATABASE_URL", raising=False)
    assert resolve_url(config) == f"sqlite:///{tmp_path / 'from-config.db'}"
    monkeypatch.setenv("REVIEWER_DATABASE_URL", "postgresql://postgres@db.example/reviews")
    assert resolve_url(config) == "postgresql+psycopg://postgres@db.example/reviews"
    assert resolve_url(config, "sqlite:////abs/explicit.db") == "sqlite:////abs/explicit.db"
    monkeypatch.delenv("REVIEWER_DATABASE_URL")
    assert (
        resolve_url(config_from_dict({}, base_dir=tmp_path))
        == f"sqlite:///{tmp_path / '.reviewer' / 'reviews.db'}"
    )
    assert (
        resolve_url(config_from_dict({"store": {"url": "data/r.db"}}, base_dir=tmp_path))
        == f"sqlite:///{tmp_path / 'data' / 'r.db'}"
    )
    assert resolve_url(None, "postgres://u@h/d") == "postgresql+psycopg://u@h/d"


def test_store_settings_are_strict():
    with pytest.raises(ConfigError, match="unknown key 'store.path'"):
        config_from_dict({"store": {"path": "x.db"}})
    with pytest.raises(ConfigError, match="busy_timeout"):
        config_from_dict({"store": {"busy_timeout": 0}})


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "only sqlite and postgresql"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/nothing", "cannot open the review store"),
        ("sqlite:////proc/forbidden/place/reviews.db", "cannot create the review store folder"),
        ("postgresql+nodriver://u@h/db", "no driver installed"),
        ("not a scheme://x", "not valid"),
        ("postgresql://u@h:port/db", "not valid"),
    ],
)
def test_unusable_stores_are_one_line_errors(url, message):
    with pytest.raises(StoreError, match=message) as info:
        open_store(url=url)
    assert "\n" not in str(info.value)


def test_password_is_not_shown():
    with pytest.raises(StoreError) as info:
        open_store(url="postgresql://postgres:s3cret@127.0.0.1:1/x")
    assert "s3cret" not in str(info.value)


def test_create_false_does_not_create_a_file(tmp_path):
    with pytest.raises(StoreError, match="no review store"):
        open_store(url=f"sqlite:///{tmp_path / 'missing.db'}", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_migrated_to_head_with_append_only_triggers(store_url):
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from reviewer.store.database import MIGRATIONS, SCHEMA_HEAD

    head = ScriptDirectory.from_config(_alembic(MIGRATIONS, Config)).get_current_head()
    assert head == SCHEMA_HEAD  # the fast path of open_store compares against this constant
    with open_store(url=store_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
        if conn.dialect.name == "sqlite":
            triggers = (
                conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
                .scalars()
                .all()
            )
        else:
            triggers = (
                conn.execute(
                    text(
                        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal"
                    )
                )
                .scalars()
                .all()
            )
        assert len(triggers) >= 2


def _alembic(folder: Path, config_class):
    config = config_class()
    config.set_main_option("script_location", str(folder))
    return config


def test_schema_from_a_newer_reviewer_is_refused(store_url):
    from reviewer.store import service

    with open_store(url=store_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    service._migrated.discard(store_url)
    with pytest.raises(StoreError, match="upgrade reviewer"):
        open_store(url=store_url)


def _open_fresh(url: str, barrier, results) -> None:
    try:
        barrier.wait(timeout=60)
        with open_store(url=url) as store:
            results.put(("ok", len(store.queue())))
    except Exception as exc:  # noqa: BLE001
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def test_several_processes_may_create_the_schema_at_once(store_url):
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(4)
    results = ctx.Queue()
    workers = [
        ctx.Process(target=_open_fresh, args=(store_url, barrier, results)) for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert outcomes == [("ok", 0)] * 4
    with open_store(url=store_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1

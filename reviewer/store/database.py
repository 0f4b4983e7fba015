"""Which database, how to connect to it, and bringing its schema up to date.

SQLite needs care to behave like a server under several writers: the driver's own transaction
handling is switched off so that every write transaction starts with ``BEGIN IMMEDIATE`` (the
write lock is taken before the first read, so a decision never acts on a stale read and never
fails with "database is locked" after a read), WAL lets readers work while one writer writes, and
a busy timeout makes writers queue instead of failing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from reviewer.store.errors import MissingStoreError, StoreError
from reviewer.store.location import default_location

if TYPE_CHECKING:
    from reviewer.config import Config

ENV_URL = "REVIEWER_DATABASE_URL"
WRITE = "reviewer_write"  # execution option: this transaction will write
MIGRATION_LOCK_ID = 0x7265766965776572  # "reviewer", for pg_advisory_xact_lock

MIGRATIONS = Path(__file__).parent / "migrations"
SCHEMA_HEAD = "0002"  # the newest file in migrations/versions; a test keeps the two in step


def resolve_url(config: Config | None = None, url: str | None = None) -> str:
    """The argument wins, then ``$REVIEWER_DATABASE_URL``, then the config, then the default."""
    return resolve(config, url)[0]


def resolve(config: Config | None = None, url: str | None = None) -> tuple[str, str, Path | None]:
    """The database URL, where it came from (for ``reviewer where``) and, for the default store,
    the folder document paths are keyed relative to (None: the config's folder)."""
    if url:
        return _normalise(config, url), "--db", None
    if os.environ.get(ENV_URL):
        return _normalise(config, os.environ[ENV_URL]), f"${ENV_URL}", None
    if config is not None and config.store.url:
        return _normalise(config, config.store.url), f"[store] url in {config.origin}", None
    location = default_location(config)
    return sqlite_url(location.path), location.reason, location.root


def _normalise(config: Config | None, chosen: str) -> str:
    base = config.base_dir if config is not None else Path.cwd()
    chosen = chosen.strip()
    if "://" not in chosen:
        return sqlite_url(_under(base, chosen))
    for prefix in ("postgresql://", "postgres://"):
        if chosen.startswith(prefix):
            chosen = "postgresql+psycopg://" + chosen[len(prefix) :]
    try:
        parsed = make_url(chosen)
    except (ArgumentError, ValueError):
        raise StoreError(
            f"database URL {chosen!r} is not valid (e.g. sqlite:///path.db or postgresql://user@host/db)"
        ) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return sqlite_url(_under(base, parsed.database))
    return chosen


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _under(base: Path, path: str) -> Path:
    file = Path(path).expanduser()
    return file if file.is_absolute() else base / file


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<invalid URL>"


def make_engine(url: str, *, create: bool = True, busy_timeout: float = 30.0) -> Engine:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise StoreError(f"database URL {safe_url(url)} is not valid") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"database {safe_url(url)}: only sqlite and postgresql are supported")
    try:
        if backend == "sqlite":
            return _sqlite_engine(url, parsed.database, create=create, busy_timeout=busy_timeout)
        return create_engine(url, connect_args={"connect_timeout": 10}, pool_pre_ping=True)
    except NoSuchModuleError:
        raise StoreError(
            f"database {safe_url(url)}: no driver installed for {parsed.drivername}"
        ) from None


def _sqlite_engine(url: str, database: str | None, *, create: bool, busy_timeout: float) -> Engine:
    if database and database != ":memory:":
        file = Path(database)
        if not file.exists():
            if not create:
                raise MissingStoreError(
                    f"no review store at {file} (submit a draft first, or set {ENV_URL}; 'reviewer where' says which store is used)"
                )
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the review store folder {file.parent}: {exc.strerror or exc}"
                ) from None
    engine = create_engine(url, connect_args={"timeout": busy_timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI objects
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see module docstring)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        if database and database != ":memory:":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # noqa: ANN001
        immediate = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def migrate(engine: Engine, url: str) -> None:
    """Bring the schema to the newest migration; one query and no Alembic import when it
    already is (``reviewer check-approved`` in CI should start fast).

    The whole upgrade runs in one write transaction holding a lock (SQLite's write lock,
    PostgreSQL's advisory lock), so concurrent first opens do not race to create tables.
    """
    if current_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.config import Config as AlembicConfig
    from alembic.util import CommandError

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.execution_options(**{WRITE: True}).begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except CommandError as exc:  # e.g. a revision from a newer reviewer
        raise StoreError(
            f"review store {safe_url(url)} has a schema this reviewer does not know ({exc}); upgrade reviewer"
        ) from None


def current_revision(engine: Engine) -> str | None:
    """The schema's Alembic revision, None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_connection(engine: Engine, url: str) -> None:
    """Fail with one line naming the database when it cannot be reached."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        raise StoreError(
            f"cannot open the review store {safe_url(url)}: {first_line(exc.orig)}"
        ) from None


def first_line(error: BaseException | None) -> str:
    message = str(error or "").strip()
    return message.splitlines()[0] if message else type(error).__name__

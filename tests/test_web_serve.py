"""`reviewer serve`: safe defaults, the users file, and a real server process answering HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from reviewer.errors import ConfigError, InputError
from reviewer.web.auth import (
    Auth,
    add_user,
    check_bind,
    hash_password,
    is_loopback,
    load_users,
    verify_password,
)
from reviewer.web.live import free_port
from tests.web_helpers import STRUCTURE_DRAFT


def reviewer(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        cwd=cwd,
        env=_env(env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _env(extra: dict[str, str] | None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("REVIEWER_WEB_TOKEN", "REVIEWER_DATABASE_URL")
    }
    return {**env, **(extra or {})}


# --- refusing to start -----------------------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "reviews.example.com"])
def test_refuses_other_hosts_without_access_control(tmp_path, host):
    result = reviewer("serve", "--host", host, cwd=tmp_path)
    assert result.returncode == 2
    assert "refusing to serve" in result.stderr and "--token" in result.stderr
    assert "Traceback" not in result.stderr


def test_refuses_config_host_without_access_control(tmp_path):
    (tmp_path / "reviewer.toml").write_text('[web]\nhost = "0.0.0.0"\n')
    result = reviewer("serve", cwd=tmp_path)
    assert result.returncode == 2 and "refusing to serve on 0.0.0.0" in result.stderr


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--token", "t", "--users", "users.txt"], None, "either an access token or a users file"),
        (["--token", "  "], None, "the access token is empty"),
        (["--users", "missing.txt"], None, "users file not found"),
        (["--add-user", "eva"], None, "--add-user needs --users"),
        (["--port", "0"], None, "port"),
    ],
)
def test_bad_options_exit_2_with_one_line(tmp_path, args, env, message):
    result = reviewer("serve", *args, cwd=tmp_path, env=env)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_port_in_use_is_one_clear_line(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = reviewer("serve", "--port", str(port), cwd=tmp_path)
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_bind_rules():
    assert all(
        is_loopback(h) for h in ("127.0.0.1", "127.8.0.1", "::1", "[::1]", "localhost", "LOCALHOST")
    )
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.0.0.1", "example.com", ""))
    check_bind("127.0.0.1", Auth())
    check_bind("0.0.0.0", Auth(token="t"))
    check_bind("0.0.0.0", Auth(users={"eva": hash_password("x" * 8)}))
    with pytest.raises(ConfigError, match="refusing"):
        check_bind("0.0.0.0", Auth())


# --- users file ------------------------------------------------------------------------------


def test_add_user_from_the_command_line(tmp_path):
    users = tmp_path / "users.txt"
    result = reviewer(
        "serve",
        "--users",
        str(users),
        "--add-user",
        "Eva Maria",
        cwd=tmp_path,
        stdin="long password\nlong password\n",
    )
    assert result.returncode == 0, result.stderr
    stored = load_users(users)
    assert set(stored) == {"Eva Maria"}
    assert verify_password("long password", stored["Eva Maria"])
    assert not verify_password("long passwore", stored["Eva Maria"])
    assert "long password" not in users.read_text()
    assert users.stat().st_mode & 0o077 == 0  # not readable by others
    # Changing the password replaces the line; other people stay.
    add_user(users, "Max", "battery staple")
    add_user(users, "Eva Maria", "another password")
    stored = load_users(users)
    assert set(stored) == {"Eva Maria", "Max"}
    assert verify_password("another password", stored["Eva Maria"])


def test_users_file_errors(tmp_path):
    bad = tmp_path / "users.txt"
    bad.write_text("# people\neva:plaintext-password\n")
    with pytest.raises(ConfigError, match=r"users.txt:2: expected"):
        load_users(bad)
    bad.write_text("# nobody yet\n")
    with pytest.raises(ConfigError, match="lists nobody"):
        load_users(bad)
    with pytest.raises(InputError, match="at least 8"):
        add_user(bad, "eva", "short")
    with pytest.raises(InputError, match="':'"):
        add_user(bad, "a:b", "long enough")


def test_auth_checks_secrets():
    users = Auth(users={"eva": hash_password("correct horse")})
    assert users.mode == "users"
    assert users.check_secret("eva", "correct horse")
    assert not users.check_secret("eva", "correct hors")
    assert not users.check_secret("nobody", "correct horse")
    token = Auth(token="t0ken")
    assert (
        token.mode == "token"
        and token.check_secret("anyone", "t0ken")
        and not token.check_secret("anyone", "t0ke")
    )
    assert Auth().mode == "open" and Auth().check_secret("anyone", "")
    assert not verify_password("x", "md5$abc")


# --- a real server ---------------------------------------------------------------------------


def start_server(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen, str]:
    port = free_port()
    store = tmp_path / "reviews.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "reviewer", "serve", "--port", str(port), *args],
        cwd=tmp_path,
        env=_env({"REVIEWER_DATABASE_URL": f"sqlite:///{store}", **(env or {})}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stderr.read()}")
        try:
            httpx.get(f"{base}/openapi.json", timeout=1)
            return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("server did not answer within 60 s")


def stop(process: subprocess.Popen) -> str:
    process.terminate()
    try:
        _out, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
    return err


def test_serve_answers_on_loopback(tmp_path):
    (tmp_path / "reviewer.toml").write_text(
        "[checks]\npii = false\nreadability = false\nkeywords = false\nguidelines = false\ncritique = false\n"
    )
    process, base = start_server(tmp_path)
    try:
        login = httpx.get(f"{base}/queue", follow_redirects=False)
        assert login.status_code == 303 and login.headers["location"].startswith("/login")
        created = httpx.post(
            f"{base}/api/submissions",
            json={"content": STRUCTURE_DRAFT},
            headers={"X-Reviewer-User": "Eva"},
            timeout=60,
        )
        assert created.status_code == 201, created.text
        listed = httpx.get(f"{base}/api/revisions").json()
        assert [r["id"] for r in listed] == [created.json()["id"]]
    finally:
        err = stop(process)
    assert "serving on http://127.0.0.1" in err and "open access" in err
    # The same store the CLI uses: the submission is there for `reviewer queue`.
    assert (tmp_path / "reviews.db").exists()


def test_serve_with_token_from_environment(tmp_path):
    process, base = start_server(tmp_path, env={"REVIEWER_WEB_TOKEN": "from-env"})
    try:
        assert httpx.get(f"{base}/api/revisions").status_code == 401
        assert (
            httpx.get(
                f"{base}/api/revisions", headers={"Authorization": "Bearer wrong"}
            ).status_code
            == 401
        )
        assert (
            httpx.get(
                f"{base}/api/revisions", headers={"Authorization": "Bearer from-env"}
            ).status_code
            == 200
        )
    finally:
        err = stop(process)
    assert "token access" in err

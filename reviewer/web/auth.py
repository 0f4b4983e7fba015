"""Who may use the web UI, and how a person proves it.

Three modes, chosen by what ``reviewer serve`` is given:

- **open** (no token, no users): only on a loopback address. Nobody proves anything; a person
  types the name that goes into the audit log. The app then also refuses requests whose ``Host``
  is not a loopback name, so a web page elsewhere cannot reach it through DNS rebinding.
- **token**: one shared secret. People type their name and the token; API clients send
  ``Authorization: Bearer TOKEN`` and say who they are in ``X-Reviewer-User``.
- **users**: a users file with one ``name:scrypt-hash`` line per person. People sign in with
  their password and the audit log gets the signed-in name; API clients use HTTP Basic auth.

Passwords are hashed with scrypt from the standard library (memory-hard, no extra dependency);
secrets are compared in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reviewer.errors import ConfigError, InputError

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
MAX_NAME = 80


@dataclass(frozen=True)
class Auth:
    """The access rule of one running app."""

    token: str | None = None
    users: dict[str, str] = field(default_factory=dict)  # name -> scrypt hash

    @property
    def mode(self) -> str:
        if self.users:
            return "users"
        return "token" if self.token else "open"

    def check_secret(self, name: str, secret: str) -> bool:
        """True when ``secret`` lets ``name`` in (always True in open mode)."""
        if self.users:
            stored = self.users.get(name)
            # Hash anyway for unknown names, so timing does not tell which names exist.
            return verify_password(secret, stored or _dummy_hash()) and stored is not None
        if self.token:
            return hmac.compare_digest(secret.encode(), self.token.encode())
        return True


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``: addresses other machines cannot reach."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, auth: Auth) -> None:
    """Refuse to listen beyond this machine without a way to tell people apart."""
    if not is_loopback(host) and auth.mode == "open":
        raise ConfigError(
            f"refusing to serve on {host} without access control: pass --token (or set "
            "REVIEWER_WEB_TOKEN) or --users FILE, or bind to 127.0.0.1"
        )


def clean_name(raw: str | None) -> str:
    """The name that goes into the audit log: trimmed, one line, not empty, not too long."""
    name = " ".join((raw or "").split())
    if not name:
        raise InputError("a name is required: every action is recorded with who did it")
    if len(name) > MAX_NAME:
        raise InputError(f"a name may have at most {MAX_NAME} characters")
    return name


# --- users file ------------------------------------------------------------------------------


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def load_users(path: str | Path) -> dict[str, str]:
    """Read ``name:hash`` lines (``#`` comments and blank lines ignored)."""
    file = Path(path)
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(
            f"{file}: users file not found (create it with 'reviewer serve --users {file} --add-user NAME')"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read the users file: {exc}") from None
    users: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, stored = line.rpartition(":")
        if (
            not sep
            or not name.strip()
            or not stored.startswith("scrypt$")
            or stored.count("$") != 5
        ):
            raise ConfigError(
                f"{file}:{number}: expected 'name:scrypt$…' (make lines with --add-user)"
            )
        users[name.strip()] = stored
    if not users:
        raise ConfigError(f"{file}: the users file lists nobody")
    return users


def add_user(path: str | Path, name: str, password: str) -> None:
    """Add or replace one person's line, keeping the others (and comments) as they are."""
    name = clean_name(name)
    if ":" in name:
        raise InputError("a user name cannot contain ':'")
    if len(password) < 8:
        raise InputError("a password needs at least 8 characters")
    file = Path(path)
    lines = file.read_text(encoding="utf-8").splitlines() if file.exists() else []
    kept = [line for line in lines if line.strip().rpartition(":")[0].strip() != name]
    kept.append(f"{name}:{hash_password(password)}")
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("\n".join(kept) + "\n", encoding="utf-8")
    file.chmod(0o600)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@cache
def _dummy_hash() -> str:
    return hash_password("not a password", salt=b"\0" * 16)

"""The write token for ``POST /api/documents``.

Writes are off unless a token is configured: the ``SITREP_TOKEN`` environment variable, or
(with ``sitrep serve --enable-writes``) a token file in the user's config directory,
generated on first use with mode 0600 and refused if other users can read it.
"""
from __future__ import annotations

import hmac
import os
import secrets
import stat
from pathlib import Path
from typing import Optional

from ..errors import Errors, SitrepError

ENV = "SITREP_TOKEN"


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "sitrep"


def token_path() -> Path:
    return config_dir() / "token"


def ensure_token_file(path: Optional[Path] = None) -> Path:
    """Create the token file (0600, in a 0700 directory) unless it exists; return its path."""
    path = path or token_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path
    with os.fdopen(fd, "w") as f:
        f.write(secrets.token_urlsafe(32) + "\n")
    return path


def read_token_file(path: Path) -> str:
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SitrepError(Errors.E402, path=path, mode=oct(mode & 0o777))
    token = path.read_text(encoding="utf-8").strip()
    if len(token) < 16:
        raise SitrepError(Errors.E403, path=path)
    return token


def configured_token(*, enable_writes: bool = False, path: Optional[Path] = None) -> Optional[str]:
    """The token writes need, or None when writes are off."""
    if env := os.environ.get(ENV, "").strip():
        return env
    if not enable_writes:
        return None
    return read_token_file(ensure_token_file(path))


def authorized(header: Optional[str], token: str) -> bool:
    """Constant-time check of an ``Authorization: Bearer ...`` header."""
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())

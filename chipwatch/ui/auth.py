"""Optional sign-in: a password compared with the configured ``app_password_hash``.

The hash is ``sha256:<hex>`` (or a bare 64-character hex digest) of the password; comparison is
constant-time (``hmac.compare_digest``). With no hash configured, sign-in is off.
"""

from __future__ import annotations

import hashlib
import hmac

from chipwatch.settings import Settings


def hash_password(password: str) -> str:
    """The value to put in ``CHIPWATCH_APP_PASSWORD_HASH`` for ``password``."""
    return "sha256:" + hashlib.sha256(password.encode("utf-8")).hexdigest()


def sign_in_required(settings: Settings) -> bool:
    return bool(settings.app_password_hash)


def check_password(settings: Settings, password: str) -> bool:
    """True when ``password`` matches the configured hash (False when none is configured)."""
    configured = settings.app_password_hash.reveal().strip().lower()
    if not configured or not password:
        return False
    expected = configured.removeprefix("sha256:")
    given = hashlib.sha256(password.encode("utf-8")).hexdigest()
    return hmac.compare_digest(expected.encode("ascii", "replace"), given.encode("ascii"))

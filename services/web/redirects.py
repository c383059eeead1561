"""Where a page may send a person after sign-in: only to a path on this site."""

from __future__ import annotations

import string
from urllib.parse import urlsplit

# Printable ASCII without backslash and space: browsers drop tabs and newlines anywhere in a URL, strip
# spaces and controls at its ends and read "\" as "/", so "/\t/evil" or "/\evil" become "//evil", another
# host. Paths of this site need nothing else (the rest arrives percent-encoded); anything else gets the default.
_ALLOWED = frozenset(string.ascii_letters + string.digits + string.punctuation.replace("\\", ""))
MAX_LENGTH = 2000


def safe_next(target: str | None, default: str) -> str:
    """``target`` if it is a path on this site (``/...`` with no scheme, host or ``//``), else ``default``."""
    if not is_local_path(target):
        return default
    return target


def is_local_path(target: str | None) -> bool:
    """True for ``/path?query`` on this site; False for hosts, schemes, ``//``, backslashes and control characters."""
    if not isinstance(target, str) or not target or len(target) > MAX_LENGTH:
        return False
    if not set(target) <= _ALLOWED:
        return False
    if not target.startswith("/") or target.startswith("//"):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc

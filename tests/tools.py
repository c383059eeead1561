"""Programs some tests run (docker-compose, node, bash), which `make test` installs.

Outside CI a missing program skips its tests (a developer may not have it). Under CI (``CI`` set to
true, as .ci/run's environment has it) it fails them: `make test` installs it there, so its absence is a
broken install step, and a check that skipped would hide it.
"""

from __future__ import annotations

import os
import shutil

import pytest


def in_ci(environ=os.environ) -> bool:
    return environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def needed(program: str, environ=os.environ) -> str:
    """The path of ``program``; skips the test without it, or fails it under CI."""
    path = shutil.which(program)
    if path is None:
        if in_ci(environ):
            pytest.fail(f"{program} is not installed, and CI must run this check (make test installs it)")
        pytest.skip(f"{program} is not installed")
    return path

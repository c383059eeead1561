"""Fair vacancy and offer documents (the contract's examples) to vary in the ethics tests."""

from __future__ import annotations

from tests.documents import offer, vacancy  # noqa: F401 (re-exported for the ethics tests)


def rules(verdict) -> set[str]:
    """The rule ids of a verdict's flags."""
    return {flag.rule for flag in verdict.flags}

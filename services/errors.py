"""Domain errors: what a use case says went wrong, in its own words, without knowing about HTTP.

Use cases raise these; the web entry points turn them into responses in one place
(``services.web.errors``: the contract's JSON error body for the API, the service's error page for
people). ``code`` names the kind of failure the way the contract's error body does; ``message`` is
for the person (None: the entry point's default text for that kind).
"""

from __future__ import annotations


class DomainError(Exception):
    """A use case refused or could not do what was asked."""

    code = "error"

    def __init__(self, message: str | None = None):
        super().__init__(message)
        self.message = message


class Invalid(DomainError):
    """The request names something the service cannot read (a paging cursor it did not give out)."""

    code = "bad_request"


class Incomplete(DomainError):
    """Fields the request must carry here are missing or wrong; ``fields`` maps each to its messages."""

    code = "validation_failed"

    def __init__(self, message: str | None = None, fields: dict | None = None):
        super().__init__(message)
        self.fields = fields or {}


class Unauthorized(DomainError):
    """Who is asking is not established: a wrong password or code, or an account that no longer exists."""

    code = "unauthorized"


class Forbidden(DomainError):
    """Who is asking is known but may not do this."""

    code = "forbidden"


class UnverifiedEmployer(Forbidden):
    """An employer no auditor has verified yet, where that is required (``LP_REQUIRE_EMPLOYER_VERIFICATION``)."""

    code = "unverified_employer"


class NotFound(DomainError):
    """No such object, or not one of the caller's (which the caller must not learn)."""

    code = "not_found"


class Conflict(DomainError):
    """The object's state does not allow this (already taken, answered, closed, or changed meanwhile)."""

    code = "conflict"


class TooManyRequests(DomainError):
    """Past a rate limit; ``retry_after`` seconds until the next try may succeed."""

    code = "rate_limited"

    def __init__(self, message: str | None = None, retry_after: int | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(DomainError):
    """Another service this one needs is not answering; trying again later may work."""

    code = "service_unavailable"

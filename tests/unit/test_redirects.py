"""The one check of where sign-in may send a person next, against known open-redirect bypasses."""

from __future__ import annotations

import pytest

from services.web.redirects import safe_next

DEFAULT = "/home"

BYPASSES = [
    "//evil.example", "///evil.example", "////evil.example", "/\\evil.example", "\\/evil.example", "\\\\evil.example",
    "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\r\n/evil.example", "\t//evil.example",
    "/\x00/evil.example", "/\x0b/evil.example", "/\x0c/evil.example", "/\x1f/evil.example", "/\x7f/evil.example",
    " //evil.example", "/ /evil.example", "//evil.example/%2e%2e", "http:evil.example", "http:/evil.example",
    "https://evil.example", "HTTPS://evil.example", "//evil.example@good.example", "javascript:alert(1)",
    "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "evil.example", "./evil", "",
    "/\u3002evil.example", "\uff0f\uff0fevil.example", "/\uff0fevil.example", "/\u2028/evil.example",
    "/\u00a0/evil.example", None, 42, "/" + "a" * 3000,
]
# The bypasses that arrive percent-encoded: Werkzeug decodes ?next= once before the check sees it.
ENCODED = ["/%09/evil.example", "/%2F%2Fevil.example", "/%5Cevil.example", "/%0d%0a/evil.example"]


@pytest.mark.parametrize("target", BYPASSES)
def test_anything_but_a_plain_local_path_gets_the_default(target):
    assert safe_next(target, DEFAULT) == DEFAULT


@pytest.mark.parametrize("encoded", ENCODED)
def test_decoded_bypasses_are_refused(encoded):
    from urllib.parse import unquote

    assert safe_next(unquote(encoded), DEFAULT) == DEFAULT


@pytest.mark.parametrize("target", ["/", "/vacancies", "/vacancies?status=approved&cursor=abc", "/offers/65a1#top",
                                    "/auditor/flags?from=2027-01-01&rule=fees.worker-paid", "/a/b/../c",
                                    "/%09/still-encoded", "/search?q=a%20b"])
def test_local_paths_are_kept(target):
    assert safe_next(target, DEFAULT) == target

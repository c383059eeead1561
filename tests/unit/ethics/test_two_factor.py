"""Two-factor pieces that need no database: recovery codes, the printed enrolment, the token request."""

import re

import pyotp
import pytest
from marshmallow import ValidationError

from ethics import two_factor
from ethics.__main__ import enrolment_text
from ethics.schemas import AuditorTokenRequestSchema


def test_recovery_codes_are_random_and_hashed_whatever_the_typing():
    codes = {two_factor._new_recovery_code() for _ in range(200)}
    assert len(codes) == 200 and all(re.fullmatch(r"[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}", c) for c in codes)
    code = next(iter(codes))
    assert two_factor._digest(code) == two_factor._digest(code.upper().replace("-", "")) != code


def test_the_printed_enrolment_is_what_an_authenticator_app_reads():
    secret = pyotp.random_base32()
    uri = pyotp.TOTP(secret).provisioning_uri(name="a@example.org", issuer_name=two_factor.ISSUER)
    text = enrolment_text(two_factor.Enrolment(secret, uri, ["aaaa-bbbb-cccc"] * 10))
    parsed = pyotp.parse_uri(re.search(r"authenticator URI: (\S+)", text).group(1))
    assert parsed.secret == secret and parsed.issuer == two_factor.ISSUER
    assert text.count("aaaa-bbbb-cccc") == 10


def test_a_token_request_may_carry_a_code_and_nothing_else():
    loaded = AuditorTokenRequestSchema().load({"email": "a@example.org", "password": "p", "otp": "123456"})
    assert loaded["otp"] == "123456"
    assert AuditorTokenRequestSchema().load({"email": "a@example.org", "password": "p"})["otp"] == ""
    with pytest.raises(ValidationError):
        AuditorTokenRequestSchema().load({"email": "a@example.org", "password": "p", "otp": "1" * 33})
    with pytest.raises(ValidationError):
        AuditorTokenRequestSchema().load({"email": "a@example.org", "password": "p", "role": "admin"})

"""Password hashing and the rule every new password follows (sign-up, change, operator command).

A new password needs ``MIN_LENGTH`` characters and a ``zxcvbn`` score of at
least ``MIN_SCORE`` ("safely unguessable" against an online attack and
hard offline), judged with the person's own e-mail and name as known words.
zxcvbn runs offline, from the word lists in its wheel.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from marshmallow import ValidationError, fields, validate, validates_schema
from zxcvbn import zxcvbn

MIN_LENGTH = 12
MAX_LENGTH = 1024
MIN_SCORE = 3
# zxcvbn's time grows with the length, and it refuses more than 72 characters; the first 72 decide.
_JUDGED_CHARACTERS = 72
TOO_SHORT = f"Use at least {MIN_LENGTH} characters."
TOO_WEAK = "This password is too easy to guess: use a few uncommon words, or a longer phrase."

# OWASP's minimum argon2id setting (19 MiB, t=2): ~20 ms a hash on this
# hardware instead of ~115 ms with the library defaults, still memory-hard.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_problems(password: str, known_words: tuple[str, ...] = ()) -> list[str]:
    """Why ``password`` may not be used (empty when it may): too short, or too easy to guess."""
    if len(password) < MIN_LENGTH:
        return [TOO_SHORT]
    words = [part for word in known_words for part in (word.strip(), *word.replace("@", " ").split()) if part]
    if zxcvbn(password[:_JUDGED_CHARACTERS], user_inputs=words)["score"] < MIN_SCORE:
        return [TOO_WEAK]
    return []


def new_password_field(**kwargs) -> fields.String:
    """A schema field for a new password (its strength is checked by ``StrongPasswordMixin``)."""
    return fields.String(required=True, load_only=True, validate=[
        validate.Length(min=MIN_LENGTH, error=TOO_SHORT), validate.Length(max=MAX_LENGTH)], **kwargs)


class StrongPasswordMixin:
    """Schema mixin: the new password must not be easy to guess, knowing the person's e-mail and name."""

    new_password_name = "password"
    known_word_names = ("email", "name")

    @validates_schema
    def _password_is_strong(self, data, **kwargs):
        password = data.get(self.new_password_name)
        if isinstance(password, str):
            words = tuple(str(data.get(name) or "") for name in self.known_word_names)
            problems = password_problems(password, words)
            if problems:
                raise ValidationError(problems, self.new_password_name)

"""Every visible string of the employers pages has a Spanish, French and Portuguese translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from employers.app import LANGUAGES
from employers.forms import OFFER_FORM, VACANCY_FORM, validate_form
from employers.labels import PLAIN
from employers.schemas import AccountRequestSchema

PACKAGE = Path(__file__).resolve().parents[3] / "employers"
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
# What the use cases say, shown on pages through the catalogue.
USE_CASE_MESSAGES = ("Offers can only be made on an approved vacancy.",
                     "This worker is not among the vacancy's candidates.",
                     "This worker already has an offer for this vacancy.")
BAD_INPUTS = ["x" * 300, "nan", "-5", "zz", "1e400", "2027-13-45", "abc", "99999999999999", "0", "2.5"]


def source_messages() -> set[str]:
    found = extract_from_dir(str(PACKAGE), METHODS, keywords={"_": None, "gettext": None, "_l": None})
    return {message for _file, _line, message, _comments, _context in found if isinstance(message, str)}


def catalogue(language: str):
    with open(PACKAGE / "translations" / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=language)


def validation_messages() -> set[str]:
    """The schema messages a person can meet on the forms, found by posting bad values into every input."""
    messages: set[str] = set()
    for spec in (VACANCY_FORM, OFFER_FORM):
        for name in spec.fields:
            for bad in BAD_INPUTS:
                _document, errors = validate_form(spec, {name: bad, "deductions-0-per": "week"})
                messages.update(m for texts in errors.values() for m in texts)
        # Messages about a whole list or a pair of inputs.
        _document, errors = validate_form(spec, {
            "season-start": "2027-05-05", "season-end": "2027-01-01", "skills": ",".join(["a"] * 60),
            "contract_languages": ",".join(["es"] * 11), "requirements-certifications": ",".join(["c"] * 31)})
        messages.update(m for texts in errors.values() for m in texts)
    for name in AccountRequestSchema().fields:
        for bad in BAD_INPUTS:
            messages.update(m for texts in AccountRequestSchema().validate({name: bad}).values() for m in texts)
    return messages


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_string_is_translated_with_its_placeholders(language):
    translated = {m.id: m.string for m in catalogue(language) if m.id}
    wanted = source_messages() | set(USE_CASE_MESSAGES) | (validation_messages() - set(PLAIN))
    missing = sorted(m for m in wanted if not translated.get(m))
    assert not missing, f"{language} lacks {missing}"
    for msgid, text in translated.items():
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(text)), msgid


def test_the_bad_inputs_reach_the_messages_people_meet():
    # A guard on the guard: if the schemas' wording moved, the list above would silently shrink.
    assert {"Not a valid number.", "The season cannot end before it starts.",
            "Must be greater than or equal to 1 and less than or equal to 168."} <= validation_messages()

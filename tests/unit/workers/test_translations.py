"""Every visible string is translated in all five catalogues, and every matcher key has a label."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from matcher.reasons import EXCLUSIONS, REASONS
from workers import labels
from workers.app import LANGUAGES

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = ROOT / "workers" / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def source_messages() -> set[str]:
    """The msgids the code and templates use now (what pybabel extract would find)."""
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.do"}}
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
            str(ROOT / "workers"), method_map=method_map, options_map=options, keywords=keywords):
        found.add(message if isinstance(message, str) else message[0])
    return found


def catalogue(language: str):
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=language)


@pytest.fixture(scope="module")
def messages():
    return source_messages()


def test_extraction_finds_the_pages_strings(messages):
    assert {"Jobs for you", "You pay no recruitment fee.", "Your skills match this job."} <= messages
    assert len(messages) > 150


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(messages, language):
    translated = {m.id: m for m in catalogue(language) if m.id}
    missing = sorted(messages - set(translated))
    assert not missing, f"{language}: not in the catalogue: {missing[:10]}"
    for msgid in messages:
        message = translated[msgid]
        assert message.string and not message.fuzzy, f"{language}: {msgid!r} untranslated"
        assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(msgid)), (language, msgid)


@pytest.mark.parametrize("language", ["es", "fr", "pt", "ht"])
def test_translations_are_not_english_copies(messages, language):
    translated = {m.id: m.string for m in catalogue(language) if m.id}
    # Words (Menu, visa, licence) may be spelled alike; sentences must not be.
    copies = [msgid for msgid in messages if len(msgid.split()) >= 3 and translated[msgid] == msgid]
    assert not copies, copies


def test_every_matcher_key_has_a_label():
    assert set(labels.REASONS) == set(REASONS)
    assert set(labels.EXCLUSIONS) == set(EXCLUSIONS)


def test_unknown_keys_show_as_themselves():
    assert labels.label(labels.STATUSES, "brand_new_status") == "brand_new_status"

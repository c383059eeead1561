"""Languages of the web pages: Flask-Babel with the person's choice remembered in the session.

A service keeps its catalogues in ``<package>/translations/<lang>/LC_MESSAGES/
messages.po``. The ``.mo`` files are compiled from them when the app starts
(only when a ``.po`` is newer), so no build step is needed and no binary is
committed. The choice order: ``?lang=`` (remembered), the session, the
browser's ``Accept-Language``, then the first language of the service.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, request, session, url_for
from flask_babel import Babel

NAMES = {"en": "English", "es": "Español", "fr": "Français", "pt": "Português", "ht": "Kreyòl ayisyen"}


def init_i18n(app: Flask, languages: tuple[str, ...]) -> None:
    """Bind Flask-Babel to ``app`` for ``languages`` (the first is the default)."""
    directory = Path(app.root_path) / "translations"
    compile_catalogues(directory)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(directory)
    app.config["BABEL_DEFAULT_LOCALE"] = languages[0]
    app.config["LP_LANGUAGES"] = tuple(languages)
    Babel(app, locale_selector=select_language)
    app.context_processor(_language_context)


def select_language() -> str:
    """The language of this request's page (see the module docstring)."""
    languages = current_app.config["LP_LANGUAGES"]
    asked = request.args.get("lang", "")
    if asked in languages:
        session["lang"] = asked
        return asked
    if session.get("lang") in languages:
        return session["lang"]
    return request.accept_languages.best_match(languages) or languages[0]


def language_url(code: str) -> str:
    """This page in language ``code``."""
    args = {**request.view_args, **request.args.to_dict(), "lang": code} if request.endpoint else {"lang": code}
    return url_for(request.endpoint, **args) if request.endpoint else f"?lang={code}"


def _language_context() -> dict:
    return {
        "current_language": select_language(),
        "languages": [(code, NAMES.get(code, code)) for code in current_app.config["LP_LANGUAGES"]],
        "language_url": language_url,
    }


def compile_catalogues(directory: Path) -> None:
    """Compile every ``messages.po`` under ``directory`` whose ``.mo`` is missing or older."""
    for po_path in directory.glob("*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        # Written aside then renamed: several workers may start at once.
        handle, temporary = tempfile.mkstemp(dir=po_path.parent, suffix=".mo.tmp")
        with os.fdopen(handle, "wb") as mo_file:
            write_mo(mo_file, catalog)
        os.replace(temporary, mo_path)

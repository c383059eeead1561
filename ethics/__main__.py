"""Operator commands of the ethics service.

    python -m ethics create-auditor --email E --password P

Auditor accounts exist only through this command, never by self sign-up.
"""

from __future__ import annotations

import argparse
import sys

from marshmallow import ValidationError
from mongoengine import NotUniqueError

from ethics.models import Auditor
from services import db
from services.config import Settings
from services.passwords import hash_password, password_problems
from services.web.schemas import TokenRequestSchema


def create_auditor(email: str, password: str) -> Auditor:
    """Store a new auditor (ValueError on a bad e-mail, a short or guessable password, or a duplicate)."""
    try:
        TokenRequestSchema().load({"email": email, "password": password})
    except ValidationError as exc:
        raise ValueError(f"invalid: {exc.messages}") from exc
    problems = password_problems(password, (email,))
    if problems:
        raise ValueError(f"password: {' '.join(problems)}")
    try:
        return Auditor(email=email.strip().lower(), password_hash=hash_password(password)).save()
    except NotUniqueError as exc:
        raise ValueError(f"an auditor with e-mail {email} already exists") from exc


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ethics", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-auditor", help="create an auditor account")
    create.add_argument("--email", required=True)
    create.add_argument("--password", required=True)
    args = parser.parse_args(argv)
    db.connect(Settings.from_env("ethics"))
    try:
        auditor = create_auditor(args.email, args.password)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"auditor {auditor.email} created (id {auditor.id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

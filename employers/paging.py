"""Cursor paging of an employer's lists: newest first, the cursor is the last id of a page."""

from __future__ import annotations

from bson import ObjectId
from marshmallow import ValidationError


def page(queryset, limit: int, cursor: str | None) -> tuple[list, str | None]:
    """One page of ``queryset`` (newest first) and the next page's cursor (None at the end).

    ``cursor`` was validated as an id by the query schema.
    """
    if cursor:
        queryset = queryset.filter(id__lt=ObjectId(cursor))
    items = list(queryset.order_by("-id").limit(limit + 1))
    next_cursor = str(items[limit - 1].pk) if len(items) > limit else None
    return items[:limit], next_cursor


def own_page(model, employer_id: str, args: dict, filters=("status",)) -> tuple[list, str | None]:
    """One page of an employer's vacancies or offers, filtered by the ``filters`` given in ``args``."""
    query = model.objects(employer_id=str(employer_id))
    for name in filters:
        if args.get(name):
            query = query.filter(**{name: args[name]})
    return page(query, args["limit"], args["cursor"])


def query_args(schema, args) -> dict | None:
    """A page's ``?limit=&cursor=&...`` read with ``schema`` (other parameters ignored), or None if invalid."""
    try:
        return schema.load({k: v for k, v in args.items() if k in schema.fields})
    except ValidationError:
        return None

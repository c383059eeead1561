"""Cursor paging of an employer's lists: newest first, the cursor is the last id of a page.

A page reads back in time window by window (``services.keyset``) through the index (employer_id,
[one filter,] _id), so its cost stays that of a page however many vacancies or offers the employer has.
"""

from __future__ import annotations

from bson import ObjectId
from marshmallow import ValidationError

from services.keyset import id_page, matching, split_filters


def own_page(model, employer_id: str, args: dict, filters=("status",)) -> tuple[list, str | None]:
    """One page of an employer's vacancies or offers, filtered by the ``filters`` given in ``args``, and
    the next page's cursor (None at the end). ``args["cursor"]`` was validated as an id by the query schema.

    The first of ``filters`` given goes to the database with the employer (the model has an index on the
    employer, that field and ``_id``); the others are checked on the documents read.
    """
    equal, residual = split_filters({name: args.get(name) for name in filters}, filters)
    cursor = ObjectId(args["cursor"]) if args.get("cursor") else None
    docs, next_id = id_page(model._get_collection(), {"employer_id": str(employer_id), **equal}, args["limit"],
                            cursor, matching(residual))
    return [model._from_son(doc) for doc in docs], (str(next_id) if next_id else None)


def query_args(schema, args) -> dict | None:
    """A page's ``?limit=&cursor=&...`` read with ``schema`` (other parameters ignored), or None if invalid."""
    try:
        return schema.load({k: v for k, v in args.items() if k in schema.fields})
    except ValidationError:
        return None

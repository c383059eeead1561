"""An insert that pymongo retried after its answer timed out (SecantusDB answers E11000 on the document's
own ``_id``) is the write done, not an error; a genuine duplicate of another document's key still is one."""

from __future__ import annotations

import uuid

import pytest
from mongoengine import Document, NotUniqueError, StringField

from services.db import save_new


class Entry(Document):
    email = StringField(required=True, unique=True)

    meta = {"collection": "save_new_entries"}


def test_the_insert_that_landed_before_its_retry_is_the_write_done(database):
    first = save_new(Entry(email=f"{uuid.uuid4().hex}@example.org"))
    # What the retry sends: the same document, its _id minted before the first try.
    again = Entry(pk=first.pk, email=first.email)
    assert save_new(again) is again
    assert Entry.objects(email=first.email).count() == 1


def test_another_document_with_the_same_unique_key_is_still_refused(database):
    taken = save_new(Entry(email=f"{uuid.uuid4().hex}@example.org"))
    with pytest.raises(NotUniqueError):
        save_new(Entry(email=taken.email))
    assert Entry.objects(email=taken.email).count() == 1

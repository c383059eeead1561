"""The database keeps every acknowledged write across a restart, a SIGKILL included; readiness follows it."""

import signal
from concurrent.futures import ThreadPoolExecutor

from mongoengine import Document, IntField, StringField

from employers.app import create_app
from tests.integration.helpers import eventually


class Note(Document):
    text = StringField()
    count = IntField(default=0)
    meta = {"collection": "notes"}


def test_data_survives_a_restart_and_readyz_tracks_the_database(stack, settings, database):
    note = Note(text="Contrato en español").save()
    client = create_app({"TESTING": True}, settings).test_client()
    assert client.get("/readyz").status_code == 200

    stack.stop("database")
    try:
        down = client.get("/readyz")
        assert down.status_code == 503 and down.get_json()["checks"]["database"] is False
    finally:
        stack.start_database()
    eventually(lambda: client.get("/readyz").status_code == 200, "readyz after the database restarted")
    assert Note.objects.get(pk=note.pk).text == "Contrato en español"


def test_every_acknowledged_write_survives_a_sigkill(stack, database):
    # Writes as the services make them (mongoengine, the default write concern), from 4 threads, and
    # the database killed the moment the last one is acknowledged: nothing acknowledged may be missing.
    notes = [Note(text=f"note {i}").save() for i in range(50)]

    def write(i: int) -> None:
        Note(text=f"insert {i}").save()
        Note.objects(pk=notes[i % len(notes)].pk).update_one(inc__count=1)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(write, range(400)))
    stack.stop("database", signal.SIGKILL)
    stack.start_database()

    assert Note.objects(text__startswith="insert ").count() == 400
    assert sum(note.count for note in Note.objects(text__startswith="note ")) == 400

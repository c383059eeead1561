"""FerretDB keeps its data across a restart; readiness follows the database."""

from mongoengine import StringField

from employers.app import create_app
from services.outbox import OutboxDocument
from tests.integration.helpers import eventually


class Note(OutboxDocument):
    event_source = "employers"
    text = StringField()
    meta = {"collection": "notes"}


def test_data_survives_a_restart_and_readyz_tracks_the_database(stack, settings, database):
    note = Note(text="Contrato en español").save()
    client = create_app({"TESTING": True}, settings).test_client()
    assert client.get("/readyz").status_code == 200

    stack.stop("ferretdb")
    down = client.get("/readyz")
    assert down.status_code == 503 and down.get_json()["checks"]["database"] is False

    stack.start_ferretdb()
    eventually(lambda: client.get("/readyz").status_code == 200, "readyz after FerretDB restart")
    assert Note.objects.get(pk=note.pk).text == "Contrato en español"

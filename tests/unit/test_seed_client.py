"""The JSON client of the seed and the end-to-end tests sends an idempotent request again when the server
dropped the connection without an answer (a kept-alive connection closed as the request went out), and
never a POST."""

from __future__ import annotations

import socket
import threading

import pytest
import requests

from deploy.seed import Api

ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"


@pytest.fixture
def drops_the_first_connection():
    """A server that closes its first connection unanswered and answers 200 on the next ones; the requests
    it received (their first lines)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    received = []

    def serve():
        for n in range(3):
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                received.append(connection.recv(65536).split(b"\r\n", 1)[0].decode())
                if n:
                    connection.sendall(ANSWER)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", received
    server.close()


def test_a_get_is_sent_again_on_a_fresh_connection(drops_the_first_connection):
    base, received = drops_the_first_connection
    assert Api(base).call("GET", "/vacancies").json() == {}
    assert received == ["GET /api/v1/vacancies HTTP/1.1"] * 2


def test_a_post_is_not_sent_twice(drops_the_first_connection):
    base, received = drops_the_first_connection
    with pytest.raises(requests.ConnectionError):
        Api(base).call("POST", "/vacancies", json={})
    assert received == ["POST /api/v1/vacancies HTTP/1.1"]

"""Hardening of the kernel: bounded metric labels, production cookies and HSTS, the local secret's file."""

import os
import stat

from werkzeug.middleware.proxy_fix import ProxyFix

from deploy.stack import Stack
from services.config import Settings
from services.web import create_service_app

SECRET = "unit-test-secret-key-0123456789-abcdef"


def make_app(env: str):
    settings = Settings(service="workers", env=env, secret_key=SECRET, mongo_url="mongodb://127.0.0.1:1",
                        kafka_bootstrap="127.0.0.1:1")
    app, _api = create_service_app("workers", __name__, {"TESTING": True}, settings)

    @app.get("/login")
    def login():
        from flask import session

        session["who"] = "someone"
        return "signed in"

    return app


def method_series(client) -> set[str]:
    text = client.get("/metrics").get_data(as_text=True)
    return {line.split('method="')[1].split('"')[0] for line in text.splitlines()
            if line.startswith("http_requests_total{") and 'service="workers"' in line}


def test_made_up_methods_are_counted_as_other():
    client = make_app("dev").test_client()
    for method in ("BREW", "X-EVIL-1", "X-EVIL-2", "PROPFIND"):
        client.open("/healthz", method=method)
    client.get("/healthz")
    methods = method_series(client)
    assert "other" in methods and "GET" in methods
    assert not {"BREW", "X-EVIL-1", "X-EVIL-2", "PROPFIND"} & methods


def test_production_session_cookie_has_the_host_prefix_and_hsts():
    app = make_app("prod")
    # Behind the gateway, as in production: the /workers prefix must not become the cookie's path.
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_prefix=1)
    response = app.test_client().get("/login", headers={"X-Forwarded-Prefix": "/workers",
                                                         "X-Forwarded-Proto": "https"})
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-lp_workers=")
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
    assert {"secure", "httponly", "path"} <= attributes and "domain" not in attributes
    assert "Path=/;" in cookie + ";"
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_development_keeps_plain_cookies_and_no_hsts():
    response = make_app("dev").test_client().get("/login")
    assert response.headers["Set-Cookie"].startswith("lp_workers=")
    assert "Secure" not in response.headers["Set-Cookie"]
    assert "Strict-Transport-Security" not in response.headers


def test_the_local_secret_is_private_from_its_creation(tmp_path, monkeypatch):
    # With chmod doing nothing, only the mode the file was created with counts: a secret written first and
    # narrowed afterwards would be readable by others in between.
    monkeypatch.setattr(os, "chmod", lambda *a, **k: None)
    monkeypatch.setattr("pathlib.Path.chmod", lambda *a, **k: None)
    monkeypatch.delenv("LP_SECRET_KEY", raising=False)
    old_umask = os.umask(0o022)
    try:
        stack = Stack(var=tmp_path / "var")
        secret = stack.secret_key()
    finally:
        os.umask(old_umask)
    path = tmp_path / "var" / "secret_key"
    assert len(secret) >= 32 and path.read_text().strip() == secret
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stack.secret_key() == secret  # written once, then read

"""Web pages of the matcher service for people."""

from __future__ import annotations

from flask import Blueprint, render_template_string

blp = Blueprint("pages", __name__)

INDEX = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Labour pathways: matcher</title></head>
<body><main><h1>Labour pathways: matcher</h1>
<p>Matcher: ranking of circular and seasonal job pairings.</p>
<p><a href="openapi.json">API description (OpenAPI)</a></p>
</main></body></html>"""


@blp.get("/")
def index():
    """The service's home page."""
    return render_template_string(INDEX)

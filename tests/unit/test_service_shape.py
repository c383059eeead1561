"""Every service has the same rooms in the same places (``docs/architecture.md``).

A newcomer who knows one service finds the application factory, the API, the
pages, the schemas, the models, the store, the event handlers and the worker
under the same names in every other; handlers are named after the topic they
handle; no service imports another (they talk through Kafka and HTTP only).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("employers", "ethics", "matcher", "workers")
ROOMS = ("app", "api", "pages", "schemas", "models", "store", "handlers", "worker")


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("room", ROOMS)
def test_every_service_has_every_room(service, room):
    assert (ROOT / service / f"{room}.py").is_file(), f"{service}/{room}.py is missing"


@pytest.mark.parametrize("service", SERVICES)
def test_handlers_are_named_on_their_topic(service):
    handlers = importlib.import_module(f"{service}.worker").HANDLERS
    assert handlers, f"{service}.worker.HANDLERS is empty"
    for topic, handler in handlers.items():
        handler = getattr(handler, "__wrapped__", handler)
        assert handler.__name__ == "on_" + topic.replace(".", "_"), f"{service}: {topic} -> {handler.__name__}"
        assert handler.__module__ == f"{service}.handlers", f"{service}: {handler.__name__} in {handler.__module__}"


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("service", SERVICES)
def test_no_service_imports_another(service):
    others = set(SERVICES) - {service}
    crossings = {str(path.relative_to(ROOT)): sorted(_imported_packages(path) & others)
                 for path in (ROOT / service).rglob("*.py")}
    assert {path: names for path, names in crossings.items() if names} == {}

"""What the accessibility tests share: every page of a service from its url map, and axe-core's verdict on one.

The pages are the GET rules of each service's Flask app outside the JSON API, so a page added later is
checked without touching the tests; a rule whose path takes an argument gets a value from the test's
seeded data (``ids``), and an argument nobody gave a value for fails the test by name. Answers that are
not HTML (health, metrics, the OpenAPI document, CSV, SVG, JSON, the web manifest and service worker)
are not pages and are left out by their content type.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from services.config import Settings

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
SERVICES = ("employers", "workers", "ethics", "matcher")
# axe's impacts that fail a page (minor and moderate ones are printed for the record).
FAILING = ("serious", "critical")
# Checks axe runs: WCAG 2.0/2.1/2.2 A and AA, and its best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                      nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}"""


def app_of(service: str):
    """The service's Flask app, built only to read its url map (no database, Kafka or matcher is reached)."""
    settings = Settings(service=service, secret_key="url map only", mongo_url="mongodb://127.0.0.1:1",
                        kafka_bootstrap="127.0.0.1:1")
    config = {"TESTING": True, "MATCHER_CLIENT": object(), "MATCHER_INDEX": False}
    return importlib.import_module(f"{service}.app").create_app(config, settings)


def languages(service: str) -> tuple[str, ...]:
    """The languages a service's pages are written in (English alone where it has no catalogue)."""
    return tuple(getattr(importlib.import_module(f"{service}.app"), "LANGUAGES", None) or ("en",))


def page_paths(service: str, ids: dict[str, str]) -> list[str]:
    """Every GET path of the service outside the JSON API and its static files, arguments filled from ids."""
    paths = []
    for rule in sorted(app_of(service).url_map.iter_rules(), key=lambda r: r.rule):
        if "GET" not in rule.methods or rule.rule.startswith("/api/") or rule.endpoint.endswith("static"):
            continue
        missing = sorted(set(rule.arguments) - set(ids))
        assert not missing, f"{service} {rule.rule}: no value for {missing}; add one to the seeded ids"
        paths.append(rule.build({name: ids[name] for name in rule.arguments}, append_unknown=False)[1])
    return paths


def violations(page) -> list[dict]:
    """axe-core's violations on the page as it stands (axe injected into it)."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, TAGS)


def check_pages(context, base: str, paths: list[str], language: str, seen: set[str]) -> list[str]:
    """Visit every path in ``language`` with ``context``'s session; the serious or critical violations found,
    one line each. A path that redirects to a page already checked (to sign-in, say) is not checked twice."""
    page, problems, checked = context.new_page(), [], 0
    for path in paths:
        url = f"{base}{path}{'&' if '?' in path else '?'}lang={language}"
        answer = context.request.get(url)
        if not answer.headers.get("content-type", "").startswith("text/html"):
            continue  # not a page: JSON, CSV, SVG, metrics, the manifest or the service worker
        if "<html" not in answer.text()[:2000].lower():
            continue  # a fragment a page's script swaps in (the vacancy form's pay line), checked in that page
        page.goto(url)
        landed = page.url.split("?")[0]
        if landed in seen:
            continue
        seen.add(landed)
        checked += 1
        found = violations(page)
        for v in found:
            line = f"{language} {path} -> {landed[len(base):]}: {v['impact']} {v['id']} ({v['help']}) at {v['nodes']}"
            print("[axe]", line)
            if v["impact"] in FAILING:
                problems.append(line)
    page.close()
    print(f"[axe] {base} {language}: {checked} pages checked")
    return problems

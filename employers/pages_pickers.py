"""What the vacancy form's script asks for as the employer types: occupations by name (with their ISCO-08
code), skills from the matcher's vocabulary, and the pay line against the destination's minimum.

Small answers for slow links (a few hundred bytes each); the form works without any of them (plain inputs,
and the pay line after "Check before submitting").
"""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from employers import occupations
from employers.pages import employer_required, page_error
from employers.pay_feedback import app_cache, pay_line
from employers.present import ethics, matcher
from services.matcher_client import MatcherUnavailable
from services.web.errors import register_page_errors

blp = Blueprint("picker_pages", __name__)
register_page_errors(blp, page_error)
MAX_QUERY = 100


def _query() -> str:
    return request.args.get("q", "")[:MAX_QUERY]


@blp.get("/vacancies/occupations")
@employer_required
def occupation_search(_employer):
    """``[{"name", "isco_code"}]``: ESCO occupations for ``?q=``, best first."""
    found = occupations.search(_query())
    return jsonify([{"name": o.name, "isco_code": o.isco_code} for o in found])


@blp.get("/vacancies/skills")
@employer_required
def skill_search(_employer):
    """``["phrase", ...]``: the matcher's skill words for ``?q=`` (none while the matcher is down)."""
    query = _query()
    if len(query.strip()) < 2:
        return jsonify([])
    try:
        return jsonify(matcher().skills(query))
    except MatcherUnavailable:
        return jsonify([])


@blp.get("/vacancies/pay-line")
@employer_required
def pay_line_fragment(_employer):
    """The pay line (an HTML fragment) for the vacancy form's inputs given as the query string."""
    return render_template("pay_line.html", line=pay_line(request.args, ethics(), app_cache()))

"""The vacancy form's pickers: names in the page's language, codes stored, the country's currency."""

from __future__ import annotations

from employers import choices
from services.ethics_client import EthicsUnavailable


def test_countries_are_named_in_the_page_language_and_are_countries():
    spanish, french = dict(choices.countries("es")), dict(choices.countries("fr"))
    assert spanish["CA"] == "Canadá" and french["US"] == "États-Unis"
    assert dict(choices.countries("pt"))["MX"] == "México"
    assert not {"EU", "UN", "ZZ", "XK", "001"} & set(spanish)
    names = [name for _code, name in choices.countries("es")]
    assert names.index("Alemania") < names.index("Canadá") < names.index("Ecuador")  # "É" sorts as "E"


def test_languages_are_iso_639_1_named_in_the_page_language():
    spanish = dict(choices.languages("es"))
    assert spanish["es"] == "español" and spanish["ht"] and all(len(code) == 2 for code in spanish)
    assert dict(choices.languages("en"))["pt"] == "Portuguese"


def test_the_currency_follows_the_country():
    currency = choices.country_currencies()
    assert (currency["CA"], currency["MX"], currency["GT"], currency["US"]) == ("CAD", "MXN", "GTQ", "USD")
    assert "CAD" in dict(choices.currencies("es")) and "dólar canadiense" in dict(choices.currencies("es"))["CAD"]


def test_a_stored_code_that_is_not_listed_stays_selectable():
    options = (("es", "español"),)
    assert choices.with_current(options, "xx") == (("xx", "xx"), ("es", "español"))
    assert choices.with_current(options, "es") == options and choices.with_current(options, "") == options


class Ethics:
    def __init__(self):
        self.calls, self.down = 0, False

    def regions(self):
        self.calls += 1
        if self.down:
            raise EthicsUnavailable("down (test)")
        return [{"country": "CA", "region": "Ontario"}]


def test_the_regions_are_asked_of_ethics_once_an_hour_and_none_while_it_is_down():
    now, kept = [0.0], {}
    ethics = Ethics()
    ethics.down = True
    assert choices.regions(ethics, kept, clock=lambda: now[0]) == ()
    ethics.down = False
    assert choices.regions(ethics, kept, clock=lambda: now[0]) == () and ethics.calls == 1  # not asked again at once
    now[0] = choices.REGIONS_DOWN_SECONDS + 1
    assert choices.regions(ethics, kept, clock=lambda: now[0]) == (("CA", "Ontario"),) and ethics.calls == 2
    now[0] += choices.REGIONS_SECONDS - 1
    assert choices.regions(ethics, kept, clock=lambda: now[0]) == (("CA", "Ontario"),) and ethics.calls == 2

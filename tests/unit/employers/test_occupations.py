"""The occupation picker's index: ESCO names with their ISCO-08 code, found by a few typed letters."""

from __future__ import annotations

from employers import occupations
from employers.occupations import Occupation, build, isco_for, search

ISCO_TABLE = ("esco_id,isco_code,preferred_label\n"
              "aaa,9211,fruit and vegetable picker\n"
              "bbb,6113,horticulture worker\n"
              "ccc,2221,nurse responsible for general care\n")
PACKAGE = ('id,description\n'
           'http://data.europa.eu/esco/occupation/aaa,"fruit and vegetable picker fruit picker berry picker '
           'Fruit and vegetable pickers harvest crops by hand."\n'
           'http://data.europa.eu/esco/occupation/bbb,horticulture worker crop worker berry picker flower picker '
           'fruit picker Horticulture workers grow plants.\n'
           'http://data.europa.eu/esco/occupation/zzz,newer occupation Not in the ISCO table.\n')


def index(tmp_path, with_package=True):
    table = tmp_path / "isco.csv"
    table.write_text(ISCO_TABLE, encoding="utf-8")
    package = tmp_path / "occupations.csv"
    package.write_text(PACKAGE, encoding="utf-8")
    return build(table, package if with_package else None)


def test_the_labels_are_searched_and_not_the_description(tmp_path):
    built = index(tmp_path)
    assert [o.isco_code for o in built] == ["9211", "6113", "2221"]  # the occupation without a code is left out
    assert "berry picker" in built[0].labels and "harvest" not in built[0].labels
    assert {o.name for o in search("berry", occupations=built)} == {"fruit and vegetable picker",
                                                                    "horticulture worker"}
    assert search("harvest", occupations=built) == [] and search("grow plants", occupations=built) == []


def test_a_name_that_starts_with_it_comes_first_then_the_earliest_alternative(tmp_path):
    built = index(tmp_path)
    assert [o.name for o in search("fruit picker", occupations=built)] == [
        "fruit and vegetable picker", "horticulture worker"]
    assert [o.name for o in search("HORTI", occupations=built)] == ["horticulture worker"]
    assert [o.name for o in search("worker", occupations=built)] == ["horticulture worker"]
    assert search("f", occupations=built) == []  # one letter asks for nothing


def test_without_the_package_the_preferred_labels_are_still_searched(tmp_path):
    built = index(tmp_path, with_package=False)
    assert [o.name for o in search("picker", occupations=built)] == ["fruit and vegetable picker"]
    assert search("berry", occupations=built) == []


def test_the_isco_code_of_a_name_typed_as_esco_names_it(tmp_path):
    built = index(tmp_path)
    assert isco_for(" Fruit and Vegetable  picker ", occupations=built) == "9211"
    assert isco_for("fruit picker", occupations=built) == ""


def test_the_installed_index_knows_the_seasonal_occupations():
    # make install puts the package in; the committed table gives the codes.
    assert occupations.package_csv() is not None and occupations.package_csv().is_file()
    found = {o.name: o.isco_code for o in search("picker", limit=50)}
    assert found["fruit and vegetable picker"] == "9211"
    assert len(occupations.index()) > 2900 and all(isinstance(o, Occupation) for o in occupations.index()[:3])
    assert all(len(o.isco_code) == 4 and o.isco_code.isdigit() for o in occupations.index())

"""Numbers in the query string (pledges/params.py): ASCII digits within bounds on every page and export.

The cases an anonymous probe found answering 500 (issue 16), and what each answers now.
"""

import json

import pytest

from pledges import params
from pledges.filters import PER_PAGE
from pledges.models import LineItem

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it

# Unicode digits (one int() refuses, one it reads as 3, a full-width one), past bigint, NUL, empty
NOT_NUMBERS = ["²", "³", "٣", "１", "18446744073709553", "9" * 400, "1\x00", "", "-1", "0", "+1", " 1"]


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_the_parser_refuses_anything_but_ascii_digits_within_bounds(value):
    with pytest.raises(params.BadNumber):
        params.whole_number({"page": value}, "page")


def test_the_parser_reads_ascii_digits_and_gives_the_default_when_absent():
    assert params.whole_number({"page": "007"}, "page") == 7
    assert params.whole_number({"page": str(params.LARGEST)}, "page") == params.LARGEST
    assert params.whole_number({}, "page", default=1) == 1
    assert params.whole_number({"page": "3"}, "page", high=3) == 3


@pytest.mark.parametrize("value", ["²", "٣", "18446744073709553"])
@pytest.mark.parametrize(
    "path", ["/", "/donors/de/", "/gap/", "/pledges/", "/deliveries/", "/meetings/", "/categories/tanks/"]
)
def test_a_release_that_is_not_a_number_is_a_404_on_a_page(client, seed_record, path, value):
    assert client.get(path, {"release": value}).status_code == 404


@pytest.mark.parametrize("value", ["²", "٣", "18446744073709553"])
@pytest.mark.parametrize(
    "path", ["/overview.json", "/donors/de.json", "/gap.json", "/pledges.json", "/deliveries.json"]
)
def test_a_release_that_is_not_a_number_is_a_400_naming_it_on_an_export(client, seed_record, path, value):
    response = client.get(path, {"release": value})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["parameter"] == "release" and "Not a release number" in error["problem"]


@pytest.mark.parametrize("value", ["²", "³", "٣", "18446744073709553", "0"])
@pytest.mark.parametrize("path", ["/pledges.json", "/deliveries.json"])
def test_a_json_page_that_is_not_a_number_is_a_400_naming_it(client, seed_record, path, value):
    response = client.get(path, {"page": value})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "page"


def test_a_json_page_past_the_last_is_a_400_that_says_which_is_the_last(client, seed_record):
    assert client.get("/pledges.json", {"page": "1"}).status_code == 200  # the seed record fits on one page
    response = client.get("/pledges.json", {"page": "2"})
    assert response.status_code == 400
    assert json.loads(response.content)["errors"] == [
        {"parameter": "page", "problem": "There is no page 2: the last is 1."}
    ]


def test_an_empty_table_still_has_its_first_json_page(client, seed_record):
    response = client.get("/pledges.json", {"donor": "de", "q": "no such words anywhere"})
    assert response.status_code == 200 and response.json()["rows"] == []


@pytest.mark.parametrize("path", ["/pledges/", "/deliveries/"])
def test_an_html_page_past_the_last_is_a_404(client, seed_record, path):
    assert LineItem.objects.public().count() < PER_PAGE  # one page of each table
    assert client.get(path, {"page": "1"}).status_code == 200
    assert client.get(path, {"page": "2"}).status_code == 404
    assert client.get(path, {"page": "18446744073709553"}).status_code == 200  # not a page number: page 1, and why


@pytest.mark.parametrize("value", ["²", "٣", "18446744073709553"])
def test_an_html_page_number_that_is_not_one_shows_page_1_with_the_reason_beside_the_pager(client, seed_record, value):
    response = client.get("/pledges/", {"page": value})
    assert response.status_code == 200 and response.context["page"].number == 1
    assert 'id="page-error"' in response.content.decode()


@pytest.mark.parametrize("number", ["18446744073709553", "2147483648", "99999999999999999999999999"])
def test_a_huge_release_number_in_the_path_is_a_404(client, seed_record, number):
    assert client.get(f"/releases/{number}/changes/").status_code == 404
    assert client.get(f"/releases/{number}/changes.json").status_code == 404


@pytest.mark.parametrize("value", ["٣", "１２", "²"])
def test_a_value_filter_in_other_digits_is_an_error_beside_its_field(client, seed_record, value):
    response = client.get("/pledges/", {"value_min": value})
    assert response.status_code == 200
    assert response.context["filterset"].errors["value_min"] == ["Enter a number with the digits 0-9."]
    assert client.get("/pledges.json", {"value_max": value}).json()["errors"][0]["parameter"] == "value_max"

"""Random query strings never make a page fail: an invalid filter is an error beside its field, a wrong
page or release number a 404 (or a 400 that says why), never a 5xx."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it

PAGES = [
    "/",
    "/donors/",
    "/donors/de/",
    "/categories/tanks/",
    "/systems/mig-29/",
    "/meetings/",
    "/meetings/udcg-9/",
    "/pledges/",
    "/deliveries/",
    "/gap/",
    "/compare/",
    "/data/",
    "/releases/",
    "/releases/1/changes/",
]
PARAMETERS = [
    "q",
    "donor",
    "donor_group",
    "category",
    "system",
    "meeting",
    "status",
    "date_after",
    "date_before",
    "value_min",
    "value_max",
    "sort",
    "page",
    "release",
    "dataset",
    "source",
    "disagreements",
    "all_pairs",
    "preview",
    "_series",
    "_all",
    "bom",
]
# names nobody declared: a page ignores them
UNKNOWN = st.one_of(st.text(max_size=8), st.sampled_from(["zz", "\x00", "page\x00", "PAGE", "release[]"]))
TRICKY_VALUES = [
    "de",
    "nato",
    "tanks",
    "mig-29",
    "udcg-9",
    "delivered",
    "-value",
    "date",
    "2023-13-45",
    "2023-02-30",
    "0001-01-01",
    "9999-12-31",
    "-1",
    "0",
    "1e999",
    "NaN",
    "Infinity",
    "99999999999999999999999",
    "12345678901234567.5",
    "0.001",
    "",
    " ",
    "\x00",
    "%",
    "'; DROP TABLE pledges_pledge; --",
    "ü€😀",
    # digits Python reads but a number parameter refuses, and numbers past every integer type
    "²",
    "³",
    "٣",
    "１",
    "1\x00",
    "2",
    "3",
    "18446744073709553",
    "9" * 40,
    "0" * 30 + "1",
]

values = st.one_of(st.sampled_from(TRICKY_VALUES), st.text(max_size=30), st.integers().map(str))
# repeated names come up often: eight pairs drawn from about twenty names
pairs = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), UNKNOWN), values), max_size=8)


@pytest.mark.parametrize("path", PAGES)
# as many examples as the Hypothesis profile says (tests/conftest.py)
@given(query=pairs, raw=st.text(max_size=40))
def test_no_query_string_makes_a_page_fail(client, released_seed_record, path, query, raw):
    # a 404 for a page or release number that is not one, a 400 for a release with filters: never a 5xx
    response = client.get(f"{path}?{urlencode(query)}")
    assert response.status_code in (200, 400, 404)

    # and the same page with a query string that was never encoded properly
    response = client.get(f"{path}?{quote(raw, safe='=&%+;')}")
    assert response.status_code in (200, 400, 404)


PATHS = ["/donors/{}/", "/categories/{}.csv", "/systems/{}/", "/meetings/{}.json", "/releases/{}/changes/", "/{}"]


# as many examples as the Hypothesis profile says (tests/conftest.py)
@given(segment=st.one_of(st.sampled_from(TRICKY_VALUES), st.text(max_size=30)))
@example(segment="admin/")
def test_no_path_makes_a_page_fail(client, seed_record, segment):
    for template in PATHS:
        response = client.get(template.format(quote(segment, safe="")))
        # a page, a slash appended (/pledges -> /pledges/), a sign-in asked for ("/admin%2F" is the admin's
        # index), or nothing there
        signing_in = response.status_code == 302 and response["Location"].startswith("/admin/login/")
        assert response.status_code in (200, 301, 404) or signing_in, template.format(segment)

"""Random query strings never make an export fail: a bad filter is a 400 that names it, never a 5xx."""

import json
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_filters_fuzz import PARAMETERS, TRICKY_VALUES, UNKNOWN

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it

# every export once, in one format or the other
EXPORTS = [
    "/overview.json",
    "/donors.csv",
    "/donors/de.csv",
    "/categories/tanks.json",
    "/systems/mig-29.csv",
    "/meetings.json",
    "/meetings/udcg-9.csv",
    "/pledges.csv",
    "/pledges.json",
    "/deliveries.json",
    "/deliveries.csv",
    "/gap.csv",
    "/compare.json",
    "/releases/1/changes.json",
]
values = st.one_of(st.sampled_from(TRICKY_VALUES), st.text(max_size=20))
names = st.one_of(st.sampled_from(PARAMETERS), UNKNOWN)


@pytest.mark.parametrize("path", EXPORTS)
# as many examples as the Hypothesis profile says (tests/conftest.py)
@given(query=st.lists(st.tuples(names, values), max_size=6))
def test_no_query_string_makes_an_export_fail(client, released_seed_record, path, query):
    response = client.get(f"{path}?{urlencode(query)}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        if path.endswith(".json"):
            assert json.loads(body)["errors"][0]["parameter"]
        else:
            assert body.decode().startswith("parameter,problem\r\n")

"""Random query strings never make an export fail: a bad filter is a 400 that names it, never a 5xx."""

import json
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_filters_fuzz import PARAMETERS, TRICKY_VALUES

EXPORTS = ["/pledges.csv", "/deliveries.json", "/gap.csv", "/overview.json", "/donors/de.csv", "/compare.json"]
values = st.one_of(st.sampled_from(TRICKY_VALUES), st.text(max_size=20))
names = st.sampled_from([*PARAMETERS, "_all", "bom", "_series", "source", "disagreements"])


@pytest.mark.parametrize("path", EXPORTS)
# as many examples as the Hypothesis profile says (tests/conftest.py)
@given(query=st.lists(st.tuples(names, values), max_size=6))
def test_no_query_string_makes_an_export_fail(client, seed_record, path, query):
    response = client.get(f"{path}?{urlencode(query)}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        if path.endswith(".json"):
            assert json.loads(body)["errors"][0]["parameter"]
        else:
            assert body.decode().startswith("parameter,problem\r\n")

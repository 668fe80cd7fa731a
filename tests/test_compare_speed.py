"""/compare/ aggregates the editorial record only for the pairs a dataset names too, and shows the same rows.

By default the page drops the (donor, system) pairs that one source only names, so the editorial line
items of a pair no imported dataset names are never read; with "all pairs" every pair is shown.
"""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from pledges.importers.runs import dataset_for
from pledges.models import Donor

from . import factories


def imported(source_format, code, system, quantity, key):
    """A published line item of `quantity` units of `system` that the dataset of `source_format` says `code` pledged."""
    pledge = factories.pledge(
        Donor.objects.get(code=code),
        date=datetime.date(2023, 5, 1),
        dataset=dataset_for(source_format),
        dataset_key=key,
    )
    return factories.line_item(pledge, quantity=quantity, system=system)


@pytest.fixture
def sources(db):
    """German Leopards in the record and in Kiel; Polish ones in the record only; German PzH 2000s in Kiel and
    SIPRI; American Abrams in SIPRI only."""
    call_command("loaddata", "reference", verbosity=0)
    leopard = factories.system("Leopard 2A6")
    howitzer = factories.system("PzH 2000", "artillery")
    abrams = factories.system("M1 Abrams")
    german = factories.line_item(
        factories.pledge(Donor.objects.get(code="DE"), date=datetime.date(2023, 1, 25)), quantity=18, system=leopard
    )
    factories.delivery(german, quantity=6, date=datetime.date(2023, 3, 27))
    factories.line_item(factories.pledge(Donor.objects.get(code="PL")), quantity=14, system=leopard)
    imported("kiel", "DE", leopard, 18, "kiel:1")
    imported("kiel", "DE", howitzer, 14, "kiel:2")
    imported("sipri", "DE", howitzer, 14, "sipri:1")
    imported("sipri", "US", abrams, 31, "sipri:2")


def exported(client, **params):
    response = client.get(reverse("pledges:compare-export", args=["json"]), params)
    assert response.status_code == 200
    return {(row["donor_code"], row["system_name"], row["source"]): row for row in response.json()["rows"]}


def test_a_pair_only_the_record_names_is_left_out_unless_all_pairs_are_asked_for(client, sources):
    assert ("PL", "Leopard 2A6", "aidtracker") not in exported(client)
    row = exported(client, all_pairs="on")[("PL", "Leopard 2A6", "aidtracker")]
    assert (row["units_pledged"], row["units_delivered"], row["first_pledged"]) == (14, 0, "2023-02-14")


def test_a_pair_the_record_and_one_dataset_name_shows_both(client, sources):
    rows = exported(client)
    record, kiel = rows[("DE", "Leopard 2A6", "aidtracker")], rows[("DE", "Leopard 2A6", "kiel-ust")]
    assert (record["units_pledged"], record["units_delivered"]) == (18, 6)
    assert (record["first_pledged"], record["last_delivered"]) == ("2023-01-25", "2023-03-27")
    assert (kiel["units_pledged"], kiel["units_delivered"], kiel["first_pledged"]) == (18, 0, "2023-05-01")
    assert record["delivered_disagrees"] and not record["pledged_disagrees"]


def test_pairs_only_datasets_name_need_two_of_them(client, sources):
    rows = exported(client)
    assert {key[2] for key in rows if key[:2] == ("DE", "PzH 2000")} == {"kiel-ust", "sipri"}
    assert ("US", "M1 Abrams", "sipri") not in rows
    assert ("US", "M1 Abrams", "sipri") in exported(client, all_pairs="on")


def test_the_record_is_compared_only_with_the_datasets_chosen(client, sources):
    assert ("DE", "Leopard 2A6", "aidtracker") not in exported(client, source=["aidtracker", "sipri"])
    assert ("DE", "Leopard 2A6", "aidtracker") in exported(client, source=["aidtracker", "kiel-ust"])


@pytest.mark.parametrize("params", [{}, {"all_pairs": "on"}])
def test_compare_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries, params):
    leopard = factories.system("Leopard 2A6")  # the seed record's and tests/records.py's German tanks
    imported("kiel", "DE", leopard, 18, "kiel:1")
    imported("sipri", "DE", leopard, 18, "sipri:1")
    # datasets, donor choices, category choices, the pairs the datasets name, figures, pledge dates, delivery
    # dates, data as of and whether the record holds synthetic data (one query, reads.record_status); the
    # record's version, once for the page and its three cached queries (pledges/figures/cache.py)
    with django_assert_max_num_queries(8 + 1):
        response = client.get(reverse("pledges:compare"), params)
    assert response.status_code == 200
    assert "AidTracker record" in response.content.decode()


def test_a_second_request_reads_the_figures_from_the_cache_and_a_renamed_dataset_shows_at_once(client, sources):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pledges.models import Dataset

    url = reverse("pledges:compare")
    client.get(url)
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    assert not [query for query in again.captured_queries if '"pledges_lineitem"' in query["sql"]]
    kiel = Dataset.objects.get(slug="kiel-ust")
    kiel.short_name = "Kiel (renamed)"
    kiel.save()
    assert "Kiel (renamed)" in client.get(url).content.decode()


def test_an_empty_record_shows_an_empty_table(client, db):
    response = client.get(reverse("pledges:compare"))
    assert response.status_code == 200
    assert "No donor and system pair matches" in response.content.decode()

"""/compare/: the three real trackers side by side, with the disagreements the issue names flagged.

The figures each tracker gives are read here from its file with the csv module.
"""

import csv
import datetime
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from pledges.exports import COMPARISON
from pledges.importers.base import dataset_for, run_import

from .research_data import KIEL, ORYX, SIPRI


@pytest.fixture(scope="module")
def imported_trackers(module_transaction):
    """The three trackers imported once for the module (each import takes tens of seconds)."""
    call_command("loaddata", "reference", verbosity=0)
    for source_format, path, as_of in (
        ("kiel", KIEL, None),
        ("sipri", SIPRI, None),
        ("oryx", ORYX, datetime.date(2025, 3, 1)),
    ):
        run = run_import(dataset_for(source_format), path.read_bytes(), path.name, as_of=as_of)
        assert run.status == "ok", run.error


@pytest.fixture
def trackers(imported_trackers, db):
    """The three trackers, for a test whose own changes are rolled back."""


def kiel_says(country, item):
    units = delivered = 0
    with KIEL.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            if row["Countries"] == country and row["Items"].strip() == item:
                units += int(row["No. of Units"])
                text = row["No. of Units Delivered (in-kind military aid)"]
                delivered += int(text) if text.isdigit() else 0  # "undisclosed": no delivery recorded
    return units, delivered


def sipri_says(supplier, designation):
    lines = SIPRI.read_text(encoding="utf-8").splitlines()
    rows = [row for row in csv.reader(lines[12:]) if row and row[1] == supplier and row[6] == designation]
    return sum(int(row[4]) for row in rows), sum(int(row[8]) for row in rows)


def oryx_says(supplier, name):
    with ORYX.open(encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["supplier"] == supplier and row["vehicle_name"] == name]
    return sum(int(r["count"]) for r in rows), sum(int(r["count"]) for r in rows if r["is_delivered"] == "True")


def exported(client, **params):
    response = client.get(reverse("pledges:compare-export", args=["json"]), params)
    assert response.status_code == 200
    return {(row["donor_code"], row["system_name"], row["source"]): row for row in response.json()["rows"]}


def says(rows, donor, system, source):
    row = rows[(donor, system, source)]
    return row["units_pledged"], row["units_delivered"]


def test_german_leopard_2a6_agrees_everywhere(client, trackers):
    rows = exported(client, donor="de", q="Leopard 2A6")
    assert says(rows, "DE", "Leopard 2A6", "kiel-ust") == kiel_says("Germany", "Leopard-2A6")
    assert says(rows, "DE", "Leopard 2A6", "sipri") == sipri_says("Germany", "Leopard-2A6")
    assert says(rows, "DE", "Leopard 2A6", "oryx") == oryx_says("Germany", "Leopard 2A6")
    assert len({says(rows, "DE", "Leopard 2A6", source) for source in ("kiel-ust", "sipri", "oryx")}) == 1
    assert not rows[("DE", "Leopard 2A6", "sipri")]["delivered_disagrees"]
    assert not rows[("DE", "Leopard 2A6", "sipri")]["pledged_disagrees"]


def test_us_abrams_delivered_in_sipri_and_oryx_but_not_in_the_older_kiel_data(client, trackers):
    rows = exported(client, donor="us", q="Abrams")
    assert says(rows, "US", "M1 Abrams", "kiel-ust") == kiel_says("United States", "M1A2 Abrams")
    assert says(rows, "US", "M1 Abrams", "sipri") == sipri_says("United States", "M-1A1 Abrams")
    assert says(rows, "US", "M1 Abrams", "oryx") == oryx_says("United States", "M1A1 Abrams'")
    assert rows[("US", "M1 Abrams", "kiel-ust")]["units_delivered"] == 0
    assert rows[("US", "M1 Abrams", "kiel-ust")]["delivered_disagrees"]


def test_dutch_f16s_delivered_for_oryx_six_of_twenty_four_for_sipri(client, trackers):
    rows = exported(client, donor="nl", q="F-16")
    assert says(rows, "NL", "F-16", "oryx") == oryx_says("Netherlands", "F-16A/B")
    assert says(rows, "NL", "F-16", "sipri") == sipri_says("Netherlands", "F-16C")
    assert rows[("NL", "F-16", "sipri")]["delivered_disagrees"]
    assert ("NL", "F-16", "kiel-ust") not in rows


def test_the_page_flags_disagreements_and_labels_every_source(client, trackers, django_assert_num_queries):
    # datasets, donor choices, category choices, the pairs the datasets name, figures, pledge dates, delivery
    # dates, data as of and whether the record holds synthetic data (one query, reads.record_status); the
    # record's version, once for the page and its three cached queries (pledges/figures/cache.py)
    with django_assert_num_queries(8 + 1):
        response = client.get(reverse("pledges:compare"), {"donor": ["us", "nl", "de"], "q": "a"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kiel UST" in html and "SIPRI" in html and "Oryx" in html
    assert "main data retrieved 2024-03-10" in html
    assert '<th scope="colgroup" colspan="3">AidTracker record' not in html  # it says nothing on these pairs
    assert '<tr class="disagree">' in html and "delivered differs" in html
    assert "?donor=us&amp;donor=nl&amp;donor=de&amp;q=a" in html  # the exports keep the filters


def test_only_disagreements_and_source_choice_filter_the_rows(client, trackers):
    rows = exported(client, disagreements="on", source=["sipri", "oryx"])
    assert rows and {key[2] for key in rows} == {"sipri", "oryx"}
    assert all(row["pledged_disagrees"] or row["delivered_disagrees"] for row in rows.values())
    assert ("DE", "Leopard 2A6", "sipri") not in rows


def test_csv_export_has_stable_columns_and_keeps_the_filters(client, trackers):
    response = client.get(reverse("pledges:compare-export", args=["csv"]), {"donor": "us", "q": "Abrams"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == ",".join(COMPARISON.header)
    assert any(line.startswith("US,United States,m1-abrams,M1 Abrams,tanks,sipri,SIPRI,") for line in lines)
    assert all(line.startswith("US,") for line in lines[1:]) and len(lines) == 4
    assert (
        json.loads(
            client.get(reverse("pledges:compare-export", args=["json"]), {"donor": "us", "q": "Abrams"}).content
        )["meta"]["columns"]
        == COMPARISON.header
    )

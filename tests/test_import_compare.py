"""/compare/: the three real trackers side by side, with the disagreements the issue names flagged.

The figures each tracker gives are read here from its file with the csv module.
"""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from pledges.exports import COMPARISON
from pledges.importers.runs import dataset_for, run_import
from pledges.models import LineItem

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


def implausible_kiel_rows():
    """(country, units, unit price, package value, currency) of the Kiel rows whose units × unit price exceed ten
    times the value the source gives for their package, read from the file."""
    with KIEL.open(encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["Type of Aid General"] == "Military"]
    found = []
    for row in rows:
        units, price = row["No. of Units"], row["Unit Price in USD"].strip()
        value = row["Monetary Value as Given by Source"]
        if units.isdigit() and price.isdigit() and value.isdigit() and row["Original Currency"] == "CZK":
            if int(units) * int(price) > 10 * int(value):  # CZK are worth less than USD: certainly over ten times
                found.append((row["Countries"], int(units), int(price), int(value), row["Original Currency"]))
    return found


def test_an_implausible_row_is_flagged_with_its_reason_on_the_pages_and_in_the_exports(client, trackers):
    country, units, price, value, currency = implausible_kiel_rows()[0]
    reason = f"{units:,} units × {price:,} USD = {units * price:,} USD"
    flagged = LineItem.objects.get(pledge__dataset__slug="kiel-ust", import_flag__startswith=reason)
    assert flagged.pledge.donor.name == country and f"{value:,} {currency}" in flagged.import_flag
    page = client.get(reverse("pledges:line-item-list"), {"dataset": "kiel-ust", "donor": "cz"}).content.decode()
    assert f"Implausible in the source: {reason}" in page
    export = client.get(reverse("pledges:line-item-list-export", args=["csv"]), {"dataset": "kiel-ust", "donor": "cz"})
    csv_text = b"".join(export.streaming_content).decode()
    exported = [row for row in csv.DictReader(io.StringIO(csv_text)) if row["import_flag"]]
    assert [row["line_item_id"] for row in exported] == [str(flagged.pk)]


def test_compare_shows_how_many_rows_of_a_pair_are_implausible_and_why(client, trackers):
    imported = LineItem.objects.filter(pledge__dataset__slug="kiel-ust", system__isnull=False)
    item = imported.exclude(import_flag="").first()
    rows = exported(client, all_pairs="on", donor=item.pledge.donor.slug, q=item.system.name)
    row = rows[(item.pledge.donor.code, item.system.name, "kiel-ust")]
    assert row["line_items_flagged"] >= 1 and row["flag"]
    page = client.get(reverse("pledges:compare"), {"all_pairs": "on", "donor": item.pledge.donor.slug}).content
    assert "implausible row" in page.decode()


def summed(says, *names):
    """What a tracker says about several of its rows' names taken together: (units pledged, units delivered)."""
    figures = [says(name) for name in names]
    return sum(pledged for pledged, _ in figures), sum(delivered for _, delivered in figures)


def test_iris_t_launchers_are_compared_as_one_family_and_never_with_its_missiles(client, trackers):
    # Kiel splits SLM from SLS; SIPRI ("IRIS-T SL", "incl 12 IRIS-T SLM and 12 IRIS-T SLS") and Oryx do not
    rows = exported(client, donor="de", q="IRIS-T", all_pairs="on")
    kiel_names = ["Iris-T SLM air defence system", "Iris-T SLS air defence system"]
    kiel = summed(lambda item: kiel_says("Germany", item), *kiel_names)
    assert says(rows, "DE", "IRIS-T SLM/SLS", "kiel-ust") == kiel
    assert says(rows, "DE", "IRIS-T SLM/SLS", "sipri") == sipri_says("Germany", "IRIS-T SL")
    assert says(rows, "DE", "IRIS-T SLM/SLS", "oryx") == oryx_says("Germany", "IRIS-T SLS/SLM System")
    # SIPRI's "IRIS-T SLM" row is its missiles ("SAM"): munitions of their own, beside no launcher
    missiles = rows[("DE", "IRIS-T SLM munitions", "sipri")]
    assert (missiles["units_pledged"], missiles["units_delivered"]) == sipri_says("Germany", "IRIS-T SLM")
    assert missiles["category_slug"] == "ammunition"
    launchers = {key: row for key, row in rows.items() if row["category_slug"] != "ammunition"}
    assert all(row["units_pledged"] != missiles["units_pledged"] for row in launchers.values())


def test_patriot_batteries_line_up_across_the_four_spellings_and_launchers_stay_apart(client, trackers):
    rows = exported(client, donor="de", q="Patriot", all_pairs="on")
    assert says(rows, "DE", "Patriot", "kiel-ust") == kiel_says("Germany", "Patriot air defense battery")
    assert says(rows, "DE", "Patriot", "sipri") == sipri_says("Germany", "Patriot Configuration-3")
    pledged, delivered = oryx_says("Germany", "Patriot Battery")
    oryx = rows[("DE", "Patriot", "oryx")]
    # one of Oryx's German battery rows says "delivered" without a number: unknown, never 0, beside the others
    assert (oryx["units_pledged"], oryx["line_items_without_quantity"]) == (pledged, 1)
    assert (oryx["units_delivered"], oryx["line_items_delivered_without_figure"]) == (delivered, 1)
    assert says(rows, "DE", "Patriot Launcher", "oryx") == oryx_says("Germany", "Patriot Launcher")
    assert rows[("DE", "Patriot", "sipri")]["delivered_disagrees"]  # Kiel 1, SIPRI 3: Oryx's unknown aside


def test_a_delivery_without_a_number_is_unknown_and_no_disagreement_by_itself(client, trackers):
    rows = exported(client, donor="nl", q="Patriot")
    oryx, kiel = rows[("NL", "Patriot", "oryx")], rows[("NL", "Patriot", "kiel-ust")]
    assert (oryx["units_pledged"], oryx["units_delivered"], oryx["line_items_delivered_without_figure"]) == (
        None,
        None,
        1,
    )
    assert (kiel["units_pledged"], kiel["units_delivered"]) == kiel_says("Netherlands", "Patriot air defense battery")
    assert not kiel["pledged_disagrees"] and not kiel["delivered_disagrees"]
    page = client.get(reverse("pledges:compare"), {"donor": "nl", "q": "Patriot"}).content.decode()
    assert "delivered, number not stated" in page


def test_cv90_variants_are_one_system(client, trackers):
    rows = exported(client, donor="se", q="CV90")
    assert says(rows, "SE", "CV90", "kiel-ust") == kiel_says("Sweden", "CV90 combat vehicle")
    sipri = summed(lambda name: sipri_says("Sweden", name), "CV-90", "CV-90 Mk-4 IFV")
    assert says(rows, "SE", "CV90", "sipri") == sipri
    assert says(rows, "SE", "CV90", "oryx") == oryx_says("Sweden", "CV9040C")

"""Importing SIPRI's trade register: the real Ukraine extract (generated 2025-03-13), with its preamble.

Expected figures are computed here from the file with the csv module, never hard-coded.
"""

import csv
import datetime
import re
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from pledges.importers.runs import dataset_for, run_import
from pledges.models import Delivery, Donor, ImportRun, LineItem

from .research_data import ORYX, SIPRI

# SIPRI's supplier names that are not the record's donor names (the last four are not in the reference data)
SIPRI_DONORS = {
    "Czechia": "CZ",
    "Turkiye": "TR",
    "UAE": "AE",
    "Bosnia-Herzegovina": "BA",
    "Qatar": "QA",
    "Jordan": "JO",
    "Morocco": "MA",
}
NOT_A_DONOR = "unknown supplier(s)"


def sipri_rows():
    """(line, row as a list) for each data row; the header follows the preamble."""
    lines = SIPRI.read_text(encoding="utf-8").splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.startswith("Recipient,Supplier"))
    return [(header_at + 2 + i, row) for i, row in enumerate(csv.reader(lines[header_at + 1 :])) if row]


def code(name):
    return SIPRI_DONORS.get(name) or Donor.objects.get(name=name).code


def number(text):
    return int(text) if text.strip().isdigit() and int(text) > 0 else None


@pytest.fixture
def reference(db):
    call_command("loaddata", "reference", verbosity=0)


def import_sipri(data=None, name=SIPRI.name, **options):
    return run_import(dataset_for("sipri"), data or SIPRI.read_bytes(), name, **options)


def sipri_items():
    return LineItem.objects.filter(pledge__dataset__slug="sipri")


def test_rows_per_supplier_match_the_file(reference):
    run = import_sipri()
    rows = sipri_rows()
    assert run.status == ImportRun.Status.OK, run.error
    known = [row for _, row in rows if row[1] != NOT_A_DONOR]
    assert (run.rows_read, run.rows_added, run.rows_skipped) == (len(rows), len(known), len(rows) - len(known))
    expected = Counter(code(row[1]) for row in known)
    imported = dict(
        sipri_items().values("pledge__donor__code").annotate(n=Count("pk")).values_list("pledge__donor__code", "n")
    )
    assert imported == dict(expected)


def test_units_ordered_and_delivered_per_supplier_match_the_file(reference):
    import_sipri()
    ordered, delivered = defaultdict(int), defaultdict(int)
    for _, row in sipri_rows():
        if row[1] != NOT_A_DONOR:
            ordered[code(row[1])] += number(row[4]) or 0
            delivered[code(row[1])] += number(row[8]) or 0
    totals = sipri_items().values("pledge__donor__code").annotate(o=Sum("quantity"), d=Sum("quantity_delivered"))
    assert {row["pledge__donor__code"]: row["o"] or 0 for row in totals} == dict(ordered)
    assert {row["pledge__donor__code"]: row["d"] for row in totals} == dict(delivered)


def test_question_marks_become_uncertainty_flags_and_empty_orders_stay_unknown(reference):
    import_sipri()
    rows = [row for _, row in sipri_rows() if row[1] != NOT_A_DONOR]
    assert sipri_items().filter(quantity_uncertain=True).count() == sum(1 for row in rows if row[5] == "?")
    assert sipri_items().filter(pledge__date_uncertain=True).count() == sum(1 for row in rows if row[3] == "?")
    assert sipri_items().filter(quantity=None).count() == sum(1 for row in rows if number(row[4]) is None)


def test_no_money_is_invented(reference):
    import_sipri()
    assert not sipri_items().exclude(value_reported=None).exists()
    assert sipri_items().filter(description__contains="SIPRI TIV").exists()


def test_several_delivery_years_are_one_delivery_by_the_end_of_the_last(reference):
    import_sipri()
    line, row = next((line, row) for line, row in sipri_rows() if row[10].count(";") == 2 and row[1] != NOT_A_DONOR)
    delivery = Delivery.objects.get(line_item__citations__quote__contains=f", line {line}:")
    last_year = int(row[10].split(";")[-1])
    assert (delivery.date, delivery.date_precision) == (datetime.date(last_year, 12, 31), "on_or_before")
    assert delivery.quantity == int(row[8])
    assert row[10] in delivery.notes
    single = next(line for line, row in sipri_rows() if re.fullmatch(r"\d{4}", row[10]) and number(row[8]))
    assert Delivery.objects.get(line_item__citations__quote__contains=f", line {single}:").date_precision == "year"


def test_a_financier_in_the_comments_becomes_a_co_funder(reference):
    import_sipri()
    line = next(line for line, row in sipri_rows() if "financed by Denmark as aid" in row[12])
    item = sipri_items().get(citations__quote__contains=f", line {line}:")
    assert [donor.code for donor in item.co_funders.all()] == ["DK"]
    assert item.funding_mode == LineItem.FundingMode.JOINT


def test_latin1_export_with_preamble_imports_the_same_when_its_encoding_is_named(reference):
    text = SIPRI.read_text(encoding="utf-8").replace("Turkiye", "Türkiye")
    run = import_sipri(text.encode("latin-1"), "trade-register.csv", encoding="latin-1")
    assert run.status == ImportRun.Status.OK, run.error
    assert run.version == "trade register generated 2025-03-13"
    turkish = sum(1 for _, row in sipri_rows() if row[1] == "Turkiye")
    assert sipri_items().filter(pledge__donor__code="TR").count() == turkish > 0


def test_reimporting_the_same_file_changes_nothing(reference):
    first = import_sipri()
    again = import_sipri()
    assert (again.rows_added, again.rows_changed, again.rows_removed, again.rows_unchanged) == (
        0,
        0,
        0,
        first.rows_added,
    )


def test_a_file_without_the_sipri_header_is_refused(reference):
    run = import_sipri(ORYX.read_bytes(), "oryx.csv")
    assert run.status == ImportRun.Status.FAILED
    assert "missing columns 'Year of order', 'Number ordered'" in run.error
    assert not LineItem.objects.exists()

"""One import of the Kiel Institute's Ukraine Support Tracker (the real 2024-03 main data sheet) and the facts
it records, row by row. The file is imported once for the module; tests/test_import_kiel_runs.py covers
re-imports, the workbook, and the files an import refuses.

Expected figures are computed here from the file with the csv module, never hard-coded, and
never with the importer's own helpers.
"""

import datetime
import re
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from pledges.importers.runs import dataset_for
from pledges.models import ImportRun, LineItem, Pledge

from .kiel_file import donor_code, import_kiel, items_by_row, kiel_rows, military_rows, whole_number


@pytest.fixture(scope="module")
def imported_once(module_transaction):
    call_command("loaddata", "reference", verbosity=0)
    return import_kiel()


@pytest.fixture
def run(imported_once, db):
    """The run of the module's one import of the whole file; a test's own changes are rolled back."""
    return imported_once


def test_every_military_row_becomes_one_line_item_and_the_rest_is_skipped(run):
    rows, military = kiel_rows(), military_rows()
    assert run.status == ImportRun.Status.OK, run.error
    assert run.rows_read == len(rows)
    assert run.rows_added == len(military)
    assert run.rows_skipped == len(rows) - len(military)
    assert LineItem.objects.filter(pledge__dataset__slug="kiel-ust").count() == len(military)


def test_rows_per_donor_match_the_file(run):
    expected = Counter(donor_code(row["Countries"]) for _, row in military_rows())
    imported = dict(
        LineItem.objects.filter(pledge__dataset__slug="kiel-ust")
        .values_list("pledge__donor__code")
        .annotate(n=Count("pk"))
        .values_list("pledge__donor__code", "n")
    )
    assert imported == dict(expected)


def test_units_pledged_and_delivered_per_donor_match_the_file(run):
    pledged, delivered = defaultdict(int), defaultdict(int)
    for _, row in military_rows():
        code = donor_code(row["Countries"])
        pledged[code] += whole_number(row["No. of Units"]) or 0
        delivered[code] += whole_number(row["No. of Units Delivered (in-kind military aid)"]) or 0
    totals = (
        LineItem.objects.filter(pledge__dataset__slug="kiel-ust")
        .values("pledge__donor__code")
        .annotate(pledged=Sum("quantity"), delivered=Sum("quantity_delivered"))
    )
    assert {row["pledge__donor__code"]: row["pledged"] or 0 for row in totals} == dict(pledged)
    assert {row["pledge__donor__code"]: row["delivered"] for row in totals} == dict(delivered)


def test_unknown_and_undisclosed_counts_are_null_never_zero(run):
    dataset = dataset_for("kiel")
    items = items_by_row(dataset)
    for number, row in military_rows():
        assert items[number].quantity == whole_number(row["No. of Units"]), f"row {number}: {row['No. of Units']!r}"
    unknown = [n for n, row in military_rows() if row["No. of Units"].strip() in {".", "undisclosed"}]
    assert unknown and all(items[number].quantity is None for number in unknown)


def test_each_line_item_cites_its_row_and_package(run):
    dataset = dataset_for("kiel")
    dataset.refresh_from_db()
    rows = dict(military_rows())
    for number, item in items_by_row(dataset).items():
        quote = item.citations.get().quote
        assert quote == f"Kiel UST, main data, row {number}, package {rows[number]['ID']}"
    assert Pledge.objects.filter(dataset=dataset).exclude(citations__source=dataset.source).count() == 0


def test_fractional_units_are_a_co_funded_lot_not_a_fraction(run):
    dataset = dataset_for("kiel")
    items = items_by_row(dataset)
    fractional = [
        (number, row) for number, row in military_rows() if re.fullmatch(r"\d+\.\d+", row["No. of Units"].strip())
    ]
    assert fractional
    for number, _row in fractional:
        assert items[number].quantity is None
        assert items[number].funding_mode == LineItem.FundingMode.JOINT
    leopards = {row["Countries"]: items[number] for number, row in fractional if row["Items"].strip() == "Leopard-1A5"}
    assert set(leopards) == {"Denmark", "Netherlands"}
    assert [d.name for d in leopards["Denmark"].co_funders.all()] == ["Netherlands"]
    assert [d.name for d in leopards["Netherlands"].co_funders.all()] == ["Denmark"]
    assert "lot of 110" in leopards["Denmark"].description


def test_text_dates_become_a_date_with_its_precision(run):
    dataset = dataset_for("kiel")
    items = items_by_row(dataset)
    by_text = {row["Announcement Date"]: items[number].pledge for number, row in military_rows()}
    until = by_text["until 2/24/2023"]
    assert (until.date, until.date_precision) == (datetime.date(2023, 2, 24), "on_or_before")
    unclear = by_text["unclear, 04/22"]
    assert (unclear.date, unclear.date_precision) == (datetime.date(2022, 4, 1), "month")
    unspecified = by_text["unspecified"]
    retrieved = datetime.datetime.strptime(military_rows()[0][1]["retrieved"][:10], "%m/%d/%Y").date()
    assert (unspecified.date, unspecified.date_precision) == (retrieved, "on_or_before")
    assert "unspecified" in unspecified.notes
    day = next(n for n, row in military_rows() if re.fullmatch(r"\d{4}-\d\d-\d\d 00:00:00", row["Announcement Date"]))
    assert items[day].pledge.date_precision == "day"


def test_category_spelling_variants_fold_into_one_category(run):
    dataset = dataset_for("kiel")
    items = items_by_row(dataset)
    spellings = defaultdict(set)
    for number, row in military_rows():
        if row["Type of Item"].strip().lower() == "ammunition for heavy weapon":
            spellings[row["Type of Item"]].add(items[number].category.slug)
        if row["Sub-type of item"].strip().lower() == "main battle tank (mbt)":
            spellings[row["Sub-type of item"]].add(items[number].category.slug)
    # the real file spells each in several ways
    assert sum(1 for spelling in spellings if spelling.lower().startswith("ammunition")) >= 2
    assert sum(1 for spelling in spellings if spelling.lower().startswith("main battle")) >= 2
    assert {slug for slugs in spellings.values() for slug in slugs} == {"ammunition", "tanks"}
    assert all(len(slugs) == 1 for slugs in spellings.values())


def test_values_stay_as_reported_in_their_currency(run):
    dataset = dataset_for("kiel")
    items = items_by_row(dataset)
    estimated = 0
    for number, row in military_rows():
        estimate = row["Value Committed (own estimate, in USD)"].strip()
        if re.fullmatch(r"\d+(\.\d+)?", estimate):
            estimated += 1
            item = items[number]
            assert (item.currency, item.value_basis) == ("USD", "estimated")
            assert abs(float(item.value_reported) - float(estimate)) <= 0.01
            assert item.value_eur is not None
    assert estimated == LineItem.objects.filter(pledge__dataset=dataset, value_basis="estimated").count()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2023-01-25 00:00:00", (datetime.date(2023, 1, 25), "day")),
        ("until 2/24/2023", (datetime.date(2023, 2, 24), "on_or_before")),
        ("until 6/2023", (datetime.date(2023, 6, 30), "on_or_before")),
        ("until 06/31/2022", (datetime.date(2022, 6, 30), "on_or_before")),
        ("unclear, 04/22", (datetime.date(2022, 4, 1), "month")),
        ("not specified, 8/2022", (datetime.date(2022, 8, 1), "month")),
        ("between 3/20/2022 and 7/1/2022", (datetime.date(2022, 7, 1), "on_or_before")),
        ("unspecified", None),
        ("Undisclosed", None),
    ],
)
def test_every_date_form_of_the_real_file_is_read(text, expected):
    from pledges.importers.kiel import parse_date

    parsed = parse_date(text)
    assert (parsed[:2] if parsed else None) == expected


def test_every_announcement_date_in_the_real_file_is_readable():
    from pledges.importers.kiel import parse_date

    # parse_date raises on a form the importer does not know; most rows give a date
    parsed = [parse_date(row["Announcement Date"]) for _, row in kiel_rows()]
    dated = [found for found in parsed if found is not None]
    assert len(dated) > len(parsed) / 2
    assert all(isinstance(date, datetime.date) for date, _, _ in dated)

"""Importing the Kiel Institute's Ukraine Support Tracker: the real 2024-03 main data sheet, as CSV and as XLSX.

Expected figures are computed here from the file with the csv module, never hard-coded, and
never with the importer's own helpers.
"""

import csv
import datetime
import io
import re
from collections import Counter, defaultdict
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Count, Sum

from pledges.importers.base import dataset_for, run_import
from pledges.models import Dataset, Delivery, ImportRun, LineItem, LineItemCitation, Pledge

DATA = Path(settings.BASE_DIR).parent / "shared" / "research_data"
KIEL = DATA / "kiel_ust_main_data_2024-03.csv"
# Kiel's donor names that are not the record's donor names
KIEL_DONORS = {
    "EU (Commission and Council)": "EU",
    "European Peace Facility": "EPF",
    "European Investment Bank": "EIB",
}


def kiel_rows():
    """(sheet row, row) for every data row: the header is row 1."""
    with KIEL.open(encoding="utf-8", newline="") as file:
        return list(enumerate(csv.DictReader(file), start=2))


def military_rows():
    return [(number, row) for number, row in kiel_rows() if row["Type of Aid General"].strip() == "Military"]


def whole_number(text):
    """A whole positive count as the sheet writes it, or None ('.', 'undisclosed', fractions, 0)."""
    return int(text) if re.fullmatch(r"\d+", text.strip()) and int(text) > 0 else None


def donor_code(name):
    from pledges.models import Donor

    return KIEL_DONORS.get(name) or Donor.objects.get(name=name).code


@pytest.fixture
def reference(db):
    call_command("loaddata", "reference", verbosity=0)


def import_kiel(data=None, name=KIEL.name, **options):
    return run_import(dataset_for("kiel"), data or KIEL.read_bytes(), name, **options)


def items_by_row(dataset):
    """The imported line item of each sheet row, found through its citation ('… row 412, package DEM2')."""
    found = {}
    dataset.refresh_from_db()
    for quote, item_id in LineItemCitation.objects.filter(source=dataset.source).values_list("quote", "line_item"):
        found[int(re.search(r"row (\d+),", quote)[1])] = item_id
    items = LineItem.objects.in_bulk(found.values())
    return {number: items[item_id] for number, item_id in found.items()}


def test_every_military_row_becomes_one_line_item_and_the_rest_is_skipped(reference):
    run = import_kiel()
    rows, military = kiel_rows(), military_rows()
    assert run.status == ImportRun.Status.OK, run.error
    assert run.rows_read == len(rows)
    assert run.rows_added == len(military)
    assert run.rows_skipped == len(rows) - len(military)
    assert LineItem.objects.filter(pledge__dataset__slug="kiel-ust").count() == len(military)


def test_rows_per_donor_match_the_file(reference):
    import_kiel()
    expected = Counter(donor_code(row["Countries"]) for _, row in military_rows())
    imported = dict(
        LineItem.objects.filter(pledge__dataset__slug="kiel-ust")
        .values_list("pledge__donor__code")
        .annotate(n=Count("pk"))
        .values_list("pledge__donor__code", "n")
    )
    assert imported == dict(expected)


def test_units_pledged_and_delivered_per_donor_match_the_file(reference):
    import_kiel()
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


def test_unknown_and_undisclosed_counts_are_null_never_zero(reference):
    dataset = dataset_for("kiel")
    import_kiel()
    items = items_by_row(dataset)
    for number, row in military_rows():
        assert items[number].quantity == whole_number(row["No. of Units"]), f"row {number}: {row['No. of Units']!r}"
    unknown = [n for n, row in military_rows() if row["No. of Units"].strip() in {".", "undisclosed"}]
    assert unknown and all(items[number].quantity is None for number in unknown)


def test_each_line_item_cites_its_row_and_package(reference):
    dataset = dataset_for("kiel")
    import_kiel()
    dataset.refresh_from_db()
    rows = dict(military_rows())
    for number, item in items_by_row(dataset).items():
        quote = item.citations.get().quote
        assert quote == f"Kiel UST, main data, row {number}, package {rows[number]['ID']}"
    assert Pledge.objects.filter(dataset=dataset).exclude(citations__source=dataset.source).count() == 0


def test_fractional_units_are_a_co_funded_lot_not_a_fraction(reference):
    dataset = dataset_for("kiel")
    import_kiel()
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


def test_text_dates_become_a_date_with_its_precision(reference):
    dataset = dataset_for("kiel")
    import_kiel()
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


def test_category_spelling_variants_fold_into_one_category(reference):
    dataset = dataset_for("kiel")
    import_kiel()
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


def test_values_stay_as_reported_in_their_currency(reference):
    dataset = dataset_for("kiel")
    import_kiel()
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


def snapshot():
    return (
        sorted(
            LineItem.objects.values_list(
                "dataset_key", "pledge__dataset_key", "quantity", "quantity_delivered", "value_reported", "category_id"
            )
        ),
        sorted(Delivery.objects.values_list("line_item__dataset_key", "date", "date_precision", "quantity")),
        sorted(Pledge.objects.values_list("dataset_key", "date", "date_precision", "notes", "updated_at")),
    )


def test_reimporting_the_same_file_changes_nothing(reference):
    first = import_kiel()
    before = snapshot()
    again = import_kiel()
    assert (again.rows_added, again.rows_changed, again.rows_removed) == (0, 0, 0)
    assert again.rows_unchanged == first.rows_added
    assert again.file_sha256 == first.file_sha256
    assert snapshot() == before
    assert ImportRun.objects.count() == 2


def as_workbook(path, title_rows=0):
    """The CSV as the published workbook holds it: real dates and numbers, sheet 'Bilateral Assistance, MAIN DATA'."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Bilateral Assistance, MAIN DATA"
    for _ in range(title_rows):
        sheet.append(["Ukraine Support Tracker (Kiel Institute)"])
    with path.open(encoding="utf-8", newline="") as file:
        for number, row in enumerate(csv.reader(file)):
            if number:
                row = [_cell(value) for value in row]
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cell(value):
    if re.fullmatch(r"\d{4}-\d\d-\d\d 00:00:00", value):
        return datetime.datetime.fromisoformat(value)
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    if re.fullmatch(r"-?\d+\.\d+", value):
        return float(value)
    return value or None


def test_the_xlsx_workbook_imports_the_same_facts_as_the_csv(reference):
    dataset = dataset_for("kiel")
    run = import_kiel(as_workbook(KIEL), "kiel.xlsx")
    assert run.status == ImportRun.Status.OK, run.error
    assert run.rows_added == len(military_rows())
    items = items_by_row(dataset)
    for number, row in military_rows():
        assert items[number].quantity == whole_number(row["No. of Units"])
    # the CSV of the same release then finds nothing to change
    again = import_kiel()
    assert (again.rows_added, again.rows_changed, again.rows_removed) == (0, 0, 0)


def test_title_rows_above_the_header_of_a_workbook_are_passed_over(reference, tmp_path):
    header, rows = header_and_rows(20)
    path = tmp_path / "kiel-head.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    run = import_kiel(as_workbook(path, title_rows=2), "kiel.xlsx")
    assert run.status == ImportRun.Status.OK, run.error
    assert run.rows_read == len(rows)
    first_row = LineItemCitation.objects.order_by("pk").first().quote
    assert first_row.startswith("Kiel UST, main data, row ") and int(first_row.split("row ")[1].split(",")[0]) >= 4


def header_and_rows(count):
    lines = KIEL.read_text(encoding="utf-8").splitlines(keepends=True)
    return lines[0], lines[1 : count + 1]


def test_a_file_of_the_wrong_kind_names_missing_and_unexpected_columns_and_imports_nothing(reference):
    run = import_kiel((DATA / "oryx_donated_vehicles_2025.csv").read_bytes(), "oryx.csv")
    assert run.status == ImportRun.Status.FAILED
    assert "missing columns: 'ID', 'Countries'" in run.error
    assert "unexpected columns: 'id', 'vehicle_name'" in run.error
    assert Pledge.objects.count() == 0 and run.rows_added == 0
    assert Dataset.objects.get(slug="kiel-ust").version == ""


def test_a_renamed_column_is_named_and_nothing_is_imported(reference):
    header, rows = header_and_rows(50)
    header = header.replace("No. of Units,", "Number of Units,")
    run = import_kiel((header + "".join(rows)).encode(), "renamed.csv")
    assert run.status == ImportRun.Status.FAILED
    assert "missing columns: 'No. of Units'" in run.error
    assert "unexpected columns: 'Number of Units'" in run.error
    assert LineItem.objects.count() == 0


def test_a_row_the_record_refuses_fails_the_whole_run_with_its_line(reference):
    header, rows = header_and_rows(40)
    # a delivery (by the retrieval date) of a pledge announced a year later: the database refuses it
    number, row = next((i, r) for i, r in enumerate(rows) if ",Military," in r and "2022-" in r)
    fields = next(csv.reader([row]))
    fields[2] = "2025-05-05 00:00:00"
    fields[12], fields[13] = "5", "5"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(fields)
    rows[number] = out.getvalue()
    run = import_kiel((header + "".join(rows)).encode(), "bad.csv")
    assert run.status == ImportRun.Status.FAILED
    assert run.error.startswith(f"line {number + 2}:")
    assert "Nothing was imported" in run.error
    assert (Pledge.objects.count(), LineItem.objects.count(), Delivery.objects.count()) == (0, 0, 0)


def test_an_unreadable_date_skips_its_row_with_the_line_number(reference):
    header, rows = header_and_rows(30)
    number = next(i for i, r in enumerate(rows) if ",Military," in r and "2022-" in r)
    rows[number] = re.sub(r"\d{4}-\d\d-\d\d 00:00:00", "sometime in spring", rows[number], count=1)
    run = import_kiel((header + "".join(rows)).encode(), "date.csv")
    assert run.status == ImportRun.Status.OK
    assert {"line": number + 2, "message": "skipped: unreadable announcement date 'sometime in spring'"} in run.warnings
    military = sum(1 for r in rows if ",Military," in r)
    assert run.rows_added == military - 1


def test_the_command_imports_and_reports(reference, capsys):
    call_command("import_dataset", "kiel", str(KIEL))
    out = capsys.readouterr().out
    assert f"read {len(kiel_rows())} rows, added {len(military_rows())}, changed 0" in out
    call_command("import_dataset", "kiel", str(KIEL), "--dry-run")
    assert f"would add 0, changed 0, left alone {len(military_rows())}" in capsys.readouterr().out


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

    for _, row in kiel_rows():
        parse_date(row["Announcement Date"])  # raises on a form the importer does not know

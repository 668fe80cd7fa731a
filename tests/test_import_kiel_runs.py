"""Import runs of the Kiel tracker: re-importing, the XLSX workbook, the command, and the files an import
refuses or partly skips (tests/test_import_kiel.py checks the facts one import records)."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.core.management import call_command

from pledges.importers.runs import dataset_for
from pledges.models import Dataset, Delivery, ImportRun, LineItem, LineItemCitation, Pledge

from .kiel_file import KIEL, import_kiel, items_by_row, kiel_rows, military_rows, whole_number
from .research_data import ORYX


@pytest.fixture
def reference(db):
    call_command("loaddata", "reference", verbosity=0)


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


def test_a_file_of_the_wrong_kind_names_the_missing_columns_and_imports_nothing(reference):
    run = import_kiel(ORYX.read_bytes(), "oryx.csv")
    assert run.status == ImportRun.Status.FAILED
    assert "missing columns 'Countries' (nearest found: 'count'), 'Announcement Date', " in run.error
    assert Pledge.objects.count() == 0 and run.rows_added == 0
    assert Dataset.objects.get(slug="kiel-ust").version == ""


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


def test_an_unreadable_date_fails_the_import_unless_bad_rows_are_skipped(reference):
    header, rows = header_and_rows(30)
    number = next(i for i, r in enumerate(rows) if ",Military," in r and "2022-" in r)
    rows[number] = re.sub(r"\d{4}-\d\d-\d\d 00:00:00", "sometime in spring", rows[number], count=1)
    data = (header + "".join(rows)).encode()
    bad = f"line {number + 2}, column 'Announcement Date': 'sometime in spring' is not a date in any form Kiel writes"
    refused = import_kiel(data, "date.csv")
    assert refused.status == ImportRun.Status.FAILED and bad in refused.error
    assert not LineItem.objects.exists()
    run = import_kiel(data, "date.csv", skip_bad_rows=True)
    assert run.status == ImportRun.Status.OK
    assert {"line": number + 2, "message": f"skipped: {bad}; what an earlier import stored for it is kept"} in (
        run.warnings
    )
    military = sum(1 for r in rows if ",Military," in r)
    assert run.rows_added == military - 1


def test_the_command_imports_and_reports(reference, capsys):
    call_command("import_dataset", "kiel", str(KIEL))
    out = capsys.readouterr().out
    assert f"read {len(kiel_rows())} rows, added {len(military_rows())}, changed 0" in out
    call_command("import_dataset", "kiel", str(KIEL), "--dry-run")
    assert f"would add 0, changed 0, left alone {len(military_rows())}" in capsys.readouterr().out


def test_a_citation_that_follows_its_fact_to_another_row_keeps_the_change_in_its_history(reference):
    header, rows = header_and_rows(12)
    import_kiel((header + "".join(rows[1:])).encode(), "kiel-first.csv")
    before = dict(LineItemCitation.objects.values_list("pk", "quote"))
    # a row added on top: every fact of the first file moves one row down
    run = import_kiel((header + "".join(rows)).encode(), "kiel-second.csv")
    assert run.status == ImportRun.Status.OK, run.error
    moved = [
        citation for citation in LineItemCitation.objects.filter(pk__in=before) if citation.quote != before[citation.pk]
    ]
    assert moved
    for citation in moved:
        assert [version.quote for version in citation.history.order_by("history_date")] == [
            before[citation.pk],
            citation.quote,
        ]

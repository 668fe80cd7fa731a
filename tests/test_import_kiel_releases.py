"""What differs from one Kiel release to another: column layouts, the order of day and month, words in number
columns; and importing a release again, or with another --as-of.

Each file is the real 2024-03 extract, or its first rows, rewritten as another release would write it.
"""

import csv
import datetime
import io
import re

import pytest
from django.core.management import call_command

from pledges.importers.runs import dataset_for
from pledges.models import Delivery, ImportRun, LineItem, Pledge

from .kiel_file import KIEL, import_kiel, items_by_row, military_rows
from .stored_rows import dump
from .test_import_kiel_runs import as_workbook


@pytest.fixture
def reference(db):
    call_command("loaddata", "reference", verbosity=0)


def first_rows(count):
    """The header and the first `count` data rows of the real file, as field lists."""
    with KIEL.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    return rows[0], rows[1 : count + 1]


def as_csv(header, rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue().encode()


def test_column_names_spelt_another_way_or_renamed_are_found_and_unknown_columns_listed(reference, tmp_path):
    header, rows = first_rows(60)
    respelt = {
        "Countries": "country",  # a known renaming, in lower case
        "Announcement Date": "ANNOUNCEMENT  DATE",
        "No. of Units": "No of units",
        "Sub-type of item": "Sub type of item",
        "Value Committed (own estimate, in USD)": "Value committed (own estimate, in USD)",
    }
    header = [respelt.get(name, name) for name in header] + ["Region of donor"]
    rows = [[*row, "Europe"] for row in rows]
    run = import_kiel(as_csv(header, rows), "kiel-older-layout.csv")
    assert run.status == ImportRun.Status.OK, run.error
    expected = sum(1 for row in rows if row[3] == "Military")
    assert run.rows_added == expected > 0
    assert {"line": None, "message": "ignored 1 columns AidTracker does not read: 'Region of donor'"} in run.warnings
    # the workbook of the same release reads the same
    path = tmp_path / "older.csv"
    path.write_bytes(as_csv(header, rows))
    again = import_kiel(as_workbook(path, title_rows=1), "kiel-older-layout.xlsx")
    assert again.status == ImportRun.Status.OK, again.error
    assert (again.rows_added, again.rows_changed, again.rows_removed) == (0, 0, 0)


def test_a_needed_column_absent_is_named_with_the_nearest_column_found(reference):
    header, rows = first_rows(20)
    header = ["Number of pledged units" if name == "No. of Units" else name for name in header]
    dataset_for("kiel")
    before = dump()
    run = import_kiel(as_csv(header, rows), "kiel-renamed.csv")
    assert run.status == ImportRun.Status.FAILED
    assert "missing column 'No. of Units' (nearest found: 'Number of pledged units')" in run.error
    assert dump() == before


def test_dates_are_read_day_first_when_the_release_writes_them_so_and_the_report_says_it(reference):
    header, rows = first_rows(60)
    at = header.index("Announcement Date")
    military = [row for row in rows if row[3] == "Military"]
    # this release writes its dates day first: "until 17/10/2022"
    military[0][at], military[1][at] = "until 17/10/2022", "until 3/10/2022"
    run = import_kiel(as_csv(header, rows), "kiel-day-first.csv")
    assert run.status == ImportRun.Status.OK, run.error
    assert {"line": None, "message": "dates read day first (D/M/YYYY), as 'until 17/10/2022' shows"} in run.warnings
    dated = {(p.date, p.date_precision) for p in Pledge.objects.filter(notes__contains="until ")}
    assert {(datetime.date(2022, 10, 17), "on_or_before"), (datetime.date(2022, 10, 3), "on_or_before")} <= dated


def test_the_real_release_is_read_month_first_and_says_so(reference):
    run = import_kiel()
    example = next(
        row["Announcement Date"]
        for _, row in military_rows()
        if (match := re.search(r"(\d+)/(\d+)/\d{4}", row["Announcement Date"])) and int(match[2]) > 12
    )
    assert {"line": None, "message": f"dates read month first (M/D/YYYY), as {example!r} shows"} in run.warnings


def test_a_date_that_fits_no_convention_of_its_release_fails_its_row(reference):
    header, rows = first_rows(40)
    at = header.index("Announcement Date")
    military = [row for row in rows if row[3] == "Military"]
    military[0][at], military[1][at] = "until 2/24/2023", "until 17/10/2022"
    run = import_kiel(as_csv(header, rows), "kiel-mixed.csv")
    assert run.status == ImportRun.Status.FAILED
    assert "'until 17/10/2022' has no month 17: this release writes dates month first (M/D/YYYY)" in run.error


def test_words_in_number_columns_are_unknown_figures_with_a_note_never_a_dropped_row(reference):
    header, rows = first_rows(60)
    units, delivered = header.index("No. of Units"), header.index("No. of Units Delivered (in-kind military aid)")
    military = [index for index, row in enumerate(rows) if rows[index][3] == "Military"]
    rows[military[0]][units], rows[military[0]][delivered] = "dozens", "partially"
    run = import_kiel(as_csv(header, rows), "kiel-words.csv")
    assert run.status == ImportRun.Status.OK, run.error
    assert run.rows_added == len(military)
    item = items_by_row(LineItem.objects.first().pledge.dataset)[military[0] + 2]
    assert item.quantity is None
    assert "No. of Units: 'dozens'" in item.description and "'partially'" in item.description
    delivery = Delivery.objects.get(line_item=item)
    assert delivery.quantity is None and "'partially'" in delivery.notes  # delivered, number unknown: not zero
    assert item.status == "partially_delivered"
    line = military[0] + 2
    assert {"line": line, "message": "column 'No. of Units': 'dozens' read as an unknown number"} in run.warnings


def test_reimporting_the_same_file_writes_nothing_at_all(reference):
    import_kiel()
    before = dump()
    again = import_kiel()
    assert (again.rows_added, again.rows_changed, again.rows_removed) == (0, 0, 0)
    assert dump() == before  # no row changed, no version added to any history


def test_another_as_of_is_counted_and_shown_as_a_change(reference):
    first = import_kiel()
    undated = [number for number, row in military_rows() if row["Announcement Date"] == "unspecified"]
    later = first.dataset.published_on + datetime.timedelta(days=30)
    run = import_kiel(as_of=later)
    assert run.status == ImportRun.Status.OK, run.error
    assert run.rows_changed == len(undated) > 0
    shown = {change["what"] for change in run.changes if change["kind"] == "changed"}
    assert "dataset Kiel UST" in shown
    assert items_by_row(first.dataset)[undated[0]].pledge.date == later

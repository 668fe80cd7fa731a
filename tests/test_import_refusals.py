"""Files an import refuses, or reads only in part when told to, over a record holding the real trackers.

Each test damages a copy of a real file (in its own temporary directory) as a researcher might meet it,
and checks that a refused import leaves every stored row byte for byte as it was, names what is wrong
and where, and that only `skip_bad_rows` or `allow_removals` let a file with such rows in.
"""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pledges.importers.runs import dataset_for, run_import
from pledges.models import Delivery, ImportRun, LineItem

from .kiel_file import KIEL, items_by_row, military_rows
from .research_data import ORYX, SIPRI
from .stored_rows import dump

ORYX_AS_OF = datetime.date(2025, 3, 1)


@pytest.fixture(scope="module")
def imported_trackers(module_transaction):
    call_command("loaddata", "reference", verbosity=0)
    for source_format, path, as_of in (("kiel", KIEL, None), ("sipri", SIPRI, None), ("oryx", ORYX, ORYX_AS_OF)):
        run = run_import(dataset_for(source_format), path.read_bytes(), path.name, as_of=as_of)
        assert run.status == "ok", run.error


@pytest.fixture
def trackers(imported_trackers, db):
    """The three trackers as imported, for a test whose own changes are rolled back."""
    return dump()


def kiel_records():
    """(file line, spreadsheet row, fields) of each record of the real Kiel file, header first."""
    text = KIEL.read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    records, line = [], 1
    for number, fields in enumerate(reader, start=1):
        records.append((line, number, fields))
        line = reader.line_num + 1
    return records


def write_csv(path, records):
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(records)
    return path


def leopards_row():
    """The German Leopard 2A6 row of 14 units: (line, row, its index among the records)."""
    records = kiel_records()
    index = next(
        i for i, (_, _, fields) in enumerate(records) if fields[8] == "Leopard-2A6" and fields[12:14] == ["14", "14"]
    )
    return records[index][0], records[index][1], index


def kiel_with(tmp_path, change):
    """A copy of the Kiel file with `change(records)` applied to its list of field lists."""
    records = [fields for _, _, fields in kiel_records()]
    change(records)
    return write_csv(tmp_path / "kiel.csv", records)


def import_file(source_format, path, **options):
    as_of = ORYX_AS_OF if source_format == "oryx" else None
    as_of = options.pop("as_of", as_of)
    return run_import(dataset_for(source_format), path.read_bytes(), path.name, as_of=as_of, **options)


def assert_refused(run, before, *phrases):
    assert run.status == ImportRun.Status.FAILED
    for phrase in phrases:
        assert phrase in run.error
    assert (run.rows_added, run.rows_changed, run.rows_removed) == (0, 0, 0)
    assert dump() == before


def test_a_word_in_a_number_column_fails_the_import_naming_line_row_column_and_value(trackers, tmp_path):
    line, row, index = leopards_row()
    path = kiel_with(tmp_path, lambda records: records[index].__setitem__(12, "fourteen"))
    run = import_file("kiel", path)
    where = f"line {line} (spreadsheet row {row})"
    assert_refused(run, trackers, f"{where}, column 'No. of Units': 'fourteen' is not a number")
    assert line != row  # a cell spanning lines above it: the file line and the spreadsheet row differ


def test_every_bad_row_is_listed(trackers, tmp_path):
    records = kiel_records()
    military = [i for i, (_, _, fields) in enumerate(records) if fields[3] == "Military"][:3]

    def damage(rows):
        rows[military[0]][15] = "about a million"  # Value Committed (own estimate, in USD)
        rows[military[1]][7] = "a lot"  # Monetary Value as Given by Source
        rows[military[2]][2] = "sometime in spring"  # Announcement Date

    run = import_file("kiel", kiel_with(tmp_path, damage))
    assert_refused(
        run,
        trackers,
        "3 rows cannot be read",
        f"line {records[military[0]][0]}, column 'Value Committed (own estimate, in USD)': 'about a million' is not a",
        f"line {records[military[1]][0]}, column 'Monetary Value as Given by Source': 'a lot' is not a number",
        f"line {records[military[2]][0]}, column 'Announcement Date': 'sometime in spring'",
    )


def test_skipping_bad_rows_imports_the_rest_and_keeps_what_the_bad_row_stored(trackers, tmp_path):
    line, row, index = leopards_row()
    path = kiel_with(tmp_path, lambda records: records[index].__setitem__(12, "fourteen"))
    item = items_by_row(dataset_for("kiel"))[row]
    run = import_file("kiel", path, skip_bad_rows=True)
    assert run.status == ImportRun.Status.OK, run.error
    assert (run.rows_added, run.rows_changed, run.rows_removed) == (0, 0, 0)
    assert run.rows_unchanged == len(military_rows()) - 1
    assert any(w["line"] == line and "'fourteen' is not a number" in w["message"] for w in run.warnings)
    item.refresh_from_db()
    assert (item.quantity, item.quantity_delivered) == (14, 14)
    assert Delivery.objects.filter(line_item=item).count() == 1


def test_a_file_cut_off_inside_a_record_is_refused_as_cut_off(trackers, tmp_path):
    data = KIEL.read_bytes()
    cut = data[: int(len(data) * 0.6)]
    path = tmp_path / "kiel-cut.csv"
    path.write_bytes(cut)
    run = import_file("kiel", path)
    assert_refused(run, trackers, "cut off")


def test_a_file_cut_at_a_line_end_is_refused_for_the_rows_it_would_remove(trackers, tmp_path):
    records = kiel_records()
    kept = records[: int(len(records) * 0.6)]
    path = write_csv(tmp_path / "kiel-cut.csv", [fields for _, _, fields in kept])
    removed = len(military_rows()) - sum(1 for _, _, fields in kept[1:] if fields[3] == "Military")
    run = import_file("kiel", path)
    assert_refused(run, trackers, f"would remove {removed} of the {len(military_rows())} rows stored for Kiel UST")


def test_the_dry_run_lists_the_removals_it_would_refuse(trackers, tmp_path):
    records = kiel_records()
    path = write_csv(tmp_path / "kiel-cut.csv", [fields for _, _, fields in records[: len(records) // 2]])
    run = import_file("kiel", path, dry_run=True)
    assert run.status == ImportRun.Status.DRY_RUN
    assert run.rows_removed == sum(1 for c in run.changes if c["kind"] == "removed" and c["what"].startswith("Kiel"))
    assert any("will be refused unless removals are allowed" in w["message"] for w in run.warnings)
    assert dump() == trackers
    allowed = import_file("kiel", path, allow_removals=True)
    assert allowed.status == ImportRun.Status.OK and allowed.rows_removed == run.rows_removed


def test_a_record_with_too_few_fields_is_refused(trackers, tmp_path):
    line, _row, index = leopards_row()
    path = kiel_with(tmp_path, lambda records: records.__setitem__(index, records[index][:5]))
    run = import_file("kiel", path)
    assert_refused(run, trackers, f"line {line}", "has 5 fields where the header has 72")


def test_an_unterminated_quote_is_refused(trackers, tmp_path):
    text = KIEL.read_text(encoding="utf-8")
    assert text.endswith('"\n')  # the last field is quoted: its closing quote goes
    path = tmp_path / "kiel-quote.csv"
    path.write_text(text[:-2] + "\n", encoding="utf-8")
    run = import_file("kiel", path)
    assert_refused(run, trackers, f"line {kiel_records()[-1][0]}: a quoted field opened here never closes")


def test_a_header_without_rows_is_refused_as_such(trackers, tmp_path):
    path = tmp_path / "kiel-header.csv"
    path.write_text(KIEL.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    run = import_file("kiel", path, as_of=datetime.date(2024, 4, 1))
    assert_refused(run, trackers, "header but no rows")


def test_a_byte_that_is_not_utf8_is_refused_with_its_line(trackers, tmp_path):
    data = KIEL.read_bytes()
    at = data.index("ü".encode())
    path = tmp_path / "kiel-latin1-byte.csv"
    path.write_bytes(data[:at] + "ü".encode("latin-1") + data[at + 2 :])  # one Büffel spelt in Latin-1
    line = data.count(b"\n", 0, at) + 1
    assert_refused(import_file("kiel", path), trackers, f"line {line}: byte 0xFC is not UTF-8", "--encoding")


def test_a_byte_order_mark_is_read_as_utf8(trackers, tmp_path):
    path = tmp_path / "kiel-bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + KIEL.read_bytes())
    run = import_file("kiel", path)
    assert run.status == ImportRun.Status.OK, run.error
    assert (run.rows_added, run.rows_changed, run.rows_removed) == (0, 0, 0)


def sipri_with(tmp_path, change):
    lines = SIPRI.read_text(encoding="utf-8").splitlines(keepends=True)
    change(lines)
    path = tmp_path / "sipri.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_sipri_a_word_in_a_number_column_is_refused_then_skipped_keeping_the_stored_row(trackers, tmp_path):
    lines = SIPRI.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("Ukraine,Germany,") and ",Leopard-2A6," in line)
    fields = next(csv.reader([lines[number]]))
    fields[8] = "eighteen"

    def damage(rows):
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(fields)
        rows[number] = out.getvalue()

    path = sipri_with(tmp_path, damage)
    run = import_file("sipri", path)
    assert_refused(run, trackers, f"line {number + 1}, column 'Number delivered': 'eighteen' is not a whole number")
    skipped = import_file("sipri", path, skip_bad_rows=True)
    assert skipped.status == ImportRun.Status.OK, skipped.error
    assert (skipped.rows_changed, skipped.rows_removed) == (0, 0)
    leopards = LineItem.objects.get(pledge__dataset__slug="sipri", system__name="Leopard 2A6", pledge__donor__code="DE")
    assert leopards.quantity_delivered == 18


def test_sipri_cut_short_is_refused_and_logged(trackers, tmp_path):
    data = SIPRI.read_bytes()
    path = tmp_path / "sipri-cut.csv"
    path.write_bytes(data[: int(len(data) * 0.6)])
    run = import_file("sipri", path)
    assert_refused(run, trackers, "cut off")
    assert ImportRun.objects.filter(pk=run.pk, status="failed").exists()


def test_sipri_latin1_export_needs_its_encoding_named(trackers, tmp_path):
    path = tmp_path / "trade-register.csv"
    path.write_bytes(SIPRI.read_text(encoding="utf-8").encode("latin-1"))
    run = import_file("sipri", path)
    assert_refused(run, trackers, "byte 0xFC is not UTF-8")
    read = import_file("sipri", path, encoding="latin-1")
    assert read.status == ImportRun.Status.OK, read.error
    assert (read.rows_added, read.rows_changed, read.rows_removed) == (0, 0, 0)


def test_oryx_a_word_in_the_count_is_refused_and_a_cut_file_too(trackers, tmp_path):
    lines = ORYX.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if ",Leopard 2A6," in line and ",Germany," in line)
    fields = next(csv.reader([lines[number]]))
    fields[7] = "many"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(fields)
    lines[number] = out.getvalue()
    path = tmp_path / "oryx.csv"
    path.write_text("".join(lines), encoding="utf-8")
    assert_refused(import_file("oryx", path), trackers, f"line {number + 1}, column 'count': 'many' is not a whole")
    path.write_bytes(ORYX.read_bytes()[: int(len(ORYX.read_bytes()) * 0.6)])
    assert_refused(import_file("oryx", path), trackers, "cut off")


def test_the_command_exits_non_zero_and_lists_the_bad_rows(trackers, tmp_path):
    line, _row, index = leopards_row()
    path = kiel_with(tmp_path, lambda records: records[index].__setitem__(12, "fourteen"))
    with pytest.raises(CommandError, match=f"line {line} .*'fourteen' is not a number"):
        call_command("import_dataset", "kiel", str(path))
    assert dump() == trackers

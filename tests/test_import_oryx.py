"""Importing Oryx's list of equipment supplied to Ukraine, as scraped: two real versions of the file.

Expected figures are computed here from the files with the csv module, never hard-coded.
"""

import csv
import datetime
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Sum

from pledges.importers.runs import dataset_for, run_import
from pledges.models import Delivery, Donor, ImportRun, LineItem, Pledge, System, SystemAlias

from .research_data import ORYX, ORYX_OLDER

NEWER, OLDER = ORYX, ORYX_OLDER
NEWER_AS_OF, OLDER_AS_OF = datetime.date(2025, 3, 1), datetime.date(2024, 6, 1)
ORYX_DONORS = {"Macedonia": "MK", "NATO": "NATO"}
# rows that are not facts, as the research_data README lists them
ARTEFACTS = {"Ringtausch", "Including"}


def oryx_rows(path):
    """The rows that state a fact: to Ukraine, from a named supplier, not a parse artefact."""
    with path.open(encoding="utf-8", newline="") as file:
        return [
            row
            for row in csv.DictReader(file)
            if row["recipient"] == "Ukraine" and row["supplier"] != "NONE" and row["vehicle_name"] not in ARTEFACTS
        ]


def code(name):
    return ORYX_DONORS.get(name) or Donor.objects.get(name=name).code


@pytest.fixture
def reference(db):
    call_command("loaddata", "reference", verbosity=0)


def import_oryx(path=NEWER, as_of=NEWER_AS_OF, **options):
    return run_import(dataset_for("oryx"), path.read_bytes(), path.name, as_of=as_of, **options)


def oryx_items():
    return LineItem.objects.filter(pledge__dataset__slug="oryx")


def assert_matches(path):
    rows = oryx_rows(path)
    assert oryx_items().count() == len(rows)
    per_donor = Counter(code(row["supplier"]) for row in rows)
    imported = oryx_items().values("pledge__donor__code").annotate(n=Count("pk"))
    assert {row["pledge__donor__code"]: row["n"] for row in imported} == dict(per_donor)
    pledged, delivered = defaultdict(int), defaultdict(int)
    for row in rows:
        pledged[code(row["supplier"])] += int(row["count"])
        if row["is_delivered"] == "True":
            delivered[code(row["supplier"])] += int(row["count"])
    totals = oryx_items().values("pledge__donor__code").annotate(p=Sum("quantity"), d=Sum("quantity_delivered"))
    assert {row["pledge__donor__code"]: row["p"] or 0 for row in totals} == dict(pledged)
    assert {row["pledge__donor__code"]: row["d"] for row in totals} == dict(delivered)


def test_rows_per_supplier_and_units_match_the_file(reference):
    run = import_oryx()
    assert run.status == ImportRun.Status.OK, run.error
    with NEWER.open(encoding="utf-8") as file:
        read = sum(1 for _ in csv.DictReader(file))
    assert (run.rows_read, run.rows_added, run.rows_skipped) == (
        read,
        len(oryx_rows(NEWER)),
        read - len(oryx_rows(NEWER)),
    )
    assert_matches(NEWER)


def test_a_count_of_zero_is_not_stated(reference):
    import_oryx()
    zero = sum(1 for row in oryx_rows(NEWER) if row["count"] == "0")
    assert zero and oryx_items().filter(quantity=None).count() == zero
    assert not oryx_items().filter(quantity=0).exists()
    assert Delivery.objects.filter(line_item__pledge__dataset__slug="oryx", quantity=None).count() == sum(
        1 for row in oryx_rows(NEWER) if row["count"] == "0" and row["is_delivered"] == "True"
    )


def test_undated_facts_are_dated_on_or_before_the_scrape_and_say_so(reference):
    import_oryx()
    pledges = Pledge.objects.filter(dataset__slug="oryx")
    assert set(pledges.values_list("date", "date_precision")) == {(NEWER_AS_OF, "on_or_before")}
    assert all("no dates" in notes for notes in pledges.values_list("notes", flat=True))


def test_without_a_scrape_date_nothing_is_imported(reference):
    run = run_import(dataset_for("oryx"), NEWER.read_bytes(), NEWER.name)
    assert run.status == ImportRun.Status.FAILED
    assert "--as-of" in run.error
    with pytest.raises(CommandError, match="carries no date"):
        call_command("import_dataset", "oryx", str(NEWER))
    assert not Pledge.objects.exists()


def test_parse_artefacts_and_other_recipients_are_skipped_with_line_numbers(reference):
    run = import_oryx(OLDER, OLDER_AS_OF)
    lines = {warning["line"] for warning in run.warnings if "parse artefact" in warning["message"]}
    with OLDER.open(encoding="utf-8", newline="") as file:
        expected = {n for n, row in enumerate(csv.DictReader(file), start=2) if row["vehicle_name"] in ARTEFACTS}
    assert lines == expected
    assert any("other recipients (Russia" in warning["message"] for warning in run.warnings)
    assert_matches(OLDER)


def test_a_newer_version_updates_what_changed_and_says_so(reference):
    import_oryx(OLDER, OLDER_AS_OF)
    # the newer scrape files many rows under other sections: more than 5% of the stored rows go
    refused = import_oryx(NEWER, NEWER_AS_OF)
    assert refused.status == ImportRun.Status.FAILED and "--allow-removals" in refused.error
    run = import_oryx(NEWER, NEWER_AS_OF, allow_removals=True)
    assert run.status == ImportRun.Status.OK, run.error
    assert run.rows_added and run.rows_changed and run.rows_removed
    # each supplier's pledge is now dated on or before the newer scrape: a change to every row it kept
    assert (run.rows_added + run.rows_changed, run.rows_unchanged) == (len(oryx_rows(NEWER)), 0)
    assert any(c["what"] == "pledge Oryx list: equipment from Germany" for c in run.changes)
    dutch = [c for c in run.changes if c["kind"] == "changed" and c["what"] == "Netherlands: 24 × F-16A/B"]
    assert len(dutch) == 1 and "quantity: 42 → 24" in dutch[0]["detail"]
    assert_matches(NEWER)
    # a fact both versions state keeps the earlier bound, which stays true and says more
    german = Delivery.objects.get(
        line_item__pledge__dataset__slug="oryx",
        line_item__system__name="Leopard 2A6",
        line_item__pledge__donor__code="DE",
    )
    assert german.date == OLDER_AS_OF
    again = import_oryx(NEWER, NEWER_AS_OF)
    assert (again.rows_added, again.rows_changed, again.rows_removed) == (0, 0, 0)


def test_a_dry_run_counts_the_same_and_saves_nothing_but_its_log(reference):
    import_oryx(OLDER, OLDER_AS_OF)
    before = sorted(oryx_items().values_list("dataset_key", "quantity", "quantity_delivered"))
    dry = import_oryx(NEWER, NEWER_AS_OF, dry_run=True)
    assert dry.status == ImportRun.Status.DRY_RUN
    assert sorted(oryx_items().values_list("dataset_key", "quantity", "quantity_delivered")) == before
    real = import_oryx(NEWER, NEWER_AS_OF, allow_removals=True)
    counts = ("rows_added", "rows_changed", "rows_unchanged", "rows_removed", "rows_skipped")
    assert [getattr(dry, name) for name in counts] == [getattr(real, name) for name in counts]
    assert ImportRun.objects.filter(status="dry_run").count() == 1


def test_an_alias_editors_add_links_the_system_on_the_next_import(reference):
    import_oryx()
    item = oryx_items().get(system__name="Leopard 1A5BE")
    leopard = System.objects.get(name="Leopard 1A5")
    SystemAlias.objects.create(name="Leopard 1A5BE", system=leopard, format="oryx")
    run = import_oryx()
    assert run.rows_changed == 1
    item.refresh_from_db()
    assert item.system == leopard

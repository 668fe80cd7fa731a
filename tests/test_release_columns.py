"""A release keeps the columns it was cut with: adding, removing or renaming an export's column later
changes the live files and leaves a release's files, byte for byte, and its table pages as they were."""

import dataclasses
import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse

from pledges import exports, releases
from pledges.models import LineItem, Release

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it

TABLES = {"line-item-list": exports.LINE_ITEMS, "delivery-list": exports.DELIVERIES}


def added(columns):
    """A new column third: every later column moves one place along."""
    return [
        *columns[:2],
        exports.Column("pledge_date_again", "date", "The pledge's date.", "pledge__date"),
        *columns[2:],
    ]


def removed(columns):
    return [column for column in columns if column.name != "pledge_id"]


def renamed(columns):
    """The label column of a release's changes (releases.LABELS) and the donor's name, under new names."""
    names = {"description": "what", "delivered_on": "delivered", "donor_name": "donor"}
    return [dataclasses.replace(column, name=names.get(column.name, column.name)) for column in columns]


def delivery_date_added(columns):
    return [*columns[:2], exports.Column("pledged", "date", "", "line_item__pledge__date"), *columns[2:]]


# each change, to the line item export and to the delivery export
CHANGES = {
    "added": (added, delivery_date_added),
    "removed": (removed, removed),
    "renamed": (renamed, renamed),
}


def body(response):
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content) if response.streaming else response.content


def files(client, name, **params):
    """The table's CSV and JSON (every row), as the client gets them."""
    return tuple(
        body(client.get(reverse(f"pledges:{name}-export", args=[format_]), {"_all": "1", **params}))
        for format_ in ("csv", "json")
    )


def headings(page):
    return re.findall(r"<th [^>]*>(.*?)</th>", page.decode().split("<thead>")[1].split("</thead>")[0])


@pytest.fixture
def release_1(seed_record):
    return releases.cut(None, datetime.date(2024, 1, 31), "Before the columns changed")


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("name", TABLES)
def test_a_release_keeps_its_files_and_pages_when_the_exports_columns_change(
    client, release_1, monkeypatch, change, name
):
    params = [{}, {"sort": "-quantity"}, {"donor": "de"}]
    before = {str(query): files(client, name, release="1", **query) for query in params}
    page_before = body(client.get(reverse(f"pledges:{name}"), {"release": "1"}))
    live_before = files(client, name)

    for export, changed in zip(TABLES.values(), CHANGES[change], strict=True):
        monkeypatch.setattr(export, "columns", changed(export.columns))

    for query in params:
        assert files(client, name, release="1", **query) == before[str(query)]
    page = body(client.get(reverse(f"pledges:{name}"), {"release": "1"}))
    assert headings(page) == headings(page_before) and len(headings(page)) >= 5
    assert page == page_before
    live_csv, live_json = files(client, name)
    assert live_csv != live_before[0] and live_json != live_before[1]
    assert live_csv.decode().split("\r\n")[0] == ",".join(TABLES[name].header)  # the live files follow the change


@pytest.mark.parametrize("change", CHANGES)
def test_a_release_keeps_its_list_of_changes_when_the_exports_columns_change(client, release_1, monkeypatch, change):
    url = reverse("pledges:release-changes-export", args=[1, "csv"])
    before = body(client.get(url))
    assert "Germany – Heavy tanks" in before.decode()  # labels name what the row is, from its values
    for export, changed in zip(TABLES.values(), CHANGES[change], strict=True):
        monkeypatch.setattr(export, "columns", changed(export.columns))
    assert body(client.get(url)) == before


@pytest.mark.parametrize("change", CHANGES)
def test_a_release_cut_after_the_change_keeps_the_new_columns(client, release_1, monkeypatch, change):
    for export, changed in zip(TABLES.values(), CHANGES[change], strict=True):
        monkeypatch.setattr(export, "columns", changed(export.columns))
    item = LineItem.objects.filter(quantity__isnull=False, description__gt="").order_by("pk").first()
    item.quantity += 1
    item.save()
    release_2 = releases.cut(None, datetime.date(2024, 2, 29), "After")
    for table, export in zip(("line_items", "deliveries"), TABLES.values(), strict=True):
        assert [column["name"] for column in release_2.columns[table]["columns"]] == export.header
        assert Release.objects.get(number=1).columns[table] != release_2.columns[table]
    csv_2, _ = files(client, "line-item-list", release="2")
    assert csv_2 == files(client, "line-item-list")[0]  # the live file, as the release was cut
    # a change's label is read from the columns of its release: release 2 has no "description" once renamed, so
    # the label falls back to the next column it has (releases.LABELS)
    what = f" – {item.category.name}" if change == "renamed" else f" – {item.description}"
    text = body(client.get(reverse("pledges:release-changes-export", args=[2, "csv"]))).decode()
    assert f"changed,line_items,{item.pk},published,{item.pledge.donor.name}{what}\r\n" in text
    assert client.get(reverse("pledges:release-changes", args=[2])).status_code == 200


def test_releases_cut_before_they_kept_columns_get_todays(release_1):
    """Migration 0015 fills the releases cut before it with the columns cut() kept when it was written (its own
    copy of them: the exports gain columns later, which such releases never had)."""
    migration = importlib.import_module("pledges.migrations.0015_release_columns")
    Release.objects.update(columns={})
    migration.fill(apps, None)
    release_1.refresh_from_db()
    assert set(release_1.columns) == set(releases.TABLES)  # a JSON object: PostgreSQL keeps its keys in its own order
    for table, (row_is, cut_with) in migration.CUT_WITH.items():
        assert release_1.columns[table]["row_is"] == row_is
        assert [(column["name"], column["type"]) for column in release_1.columns[table]["columns"]] == cut_with

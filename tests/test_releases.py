"""Releases: a reviewer cuts a numbered release; the pledges and deliveries tables and their exports
read as of it give the same bytes after any edits; /releases/ lists them and each shows its changes."""

import csv
import datetime
import importlib
import io
import json
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse

from pledges import export_views, filters, releases, review
from pledges.figures import upkeep
from pledges.models import Category, Delivery, Donor, LineItem, Release, ReleaseRow
from tests import factories, records

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it


def download(client, name, format_="csv", **params):
    response = client.get(reverse(f"pledges:{name}-export", args=[format_]), params)
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def release_1(seed_record):
    return releases.cut(None, datetime.date(2024, 1, 31), "The seed record")


def edit_the_record():
    """A correction, a retraction and a new published fact."""
    item = LineItem.objects.filter(quantity__isnull=False).order_by("pk").first()
    item.quantity += 1
    item.save()
    retracted = LineItem.objects.exclude(pk=item.pk).order_by("pk").first()
    review.retract(retracted, None, "Counted twice")
    added = factories.line_item(factories.pledge(Donor.objects.get(code="FR")), quantity=6, description="Six new guns")
    delivery = Delivery.objects.order_by("pk").first()
    delivery.notes = "Confirmed by a second source."
    delivery.save()
    return item, retracted, added


@pytest.mark.parametrize("name", ["line-item-list", "delivery-list"])
@pytest.mark.parametrize("format_", ["csv", "json"])
def test_a_release_gives_the_same_bytes_after_any_edits(client, release_1, name, format_):
    at_release = download(client, name, format_, release="1")
    if format_ == "csv":
        assert at_release == download(client, name, format_)  # the live record, when it was cut
    edit_the_record()
    assert download(client, name, format_, release="1") == at_release
    assert download(client, name, format_) != at_release


def test_filters_apply_to_the_release_as_to_the_live_record(client, release_1):
    for params in ({"donor": "de"}, {"category": "fighter-jets"}, {"donor_group": "nato"}, {"q": "leopard"}):
        assert download(client, "line-item-list", release="1", **params) == download(client, "line-item-list", **params)
    params = {"date_after": "2023-04-01", "date_before": "2023-04-30", "status": "partially_delivered"}
    assert download(client, "delivery-list", release="1", **params) == download(client, "delivery-list", **params)


def test_the_release_keeps_retracted_rows_as_retracted(client, release_1):
    _, retracted, _ = edit_the_record()
    releases.cut(None, datetime.date(2024, 2, 29))
    rows = csv.DictReader(io.StringIO(download(client, "line-item-list", release="2").decode()))
    assert {int(row["line_item_id"]): row["publication"] for row in rows}[retracted.pk] == "retracted"
    response = client.get(reverse("pledges:line-item-list"), {"release": "2"})
    in_release = ReleaseRow.objects.filter(release__number=2, table="line_items")
    shown = response.context["page"].paginator.count
    assert shown == in_release.filter(publication="published").count() == in_release.count() - 1


def test_the_html_table_as_of_a_release(client, release_1, django_assert_max_num_queries):
    item, _, added = edit_the_record()
    upkeep.flush_pending()  # what the commit does: the page's queries are counted without the refresh
    # the release, the filter choices (5), count and rows, the record's version (pledges/figures/cache.py)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("pledges:line-item-list"), {"release": "1"})
    page = response.content.decode()
    assert "as of release 1" in page and "Six new guns" not in page
    assert (
        response.context["page"].paginator.count
        == ReleaseRow.objects.filter(release=release_1, table="line_items").count()
    )


def test_an_unknown_release_is_a_404_or_a_400_naming_the_parameter(client, release_1):
    assert client.get(reverse("pledges:line-item-list"), {"release": "9"}).status_code == 404
    response = client.get(reverse("pledges:delivery-list-export", args=["csv"]), {"release": "x"})
    assert response.status_code == 400 and response.content.decode().startswith("parameter,problem\r\nrelease,")


def test_the_list_of_releases(client, release_1):
    page = client.get(reverse("pledges:release-list")).content.decode()
    assert "The seed record" in page and "?release=1" in page


def test_the_changes_since_the_previous_release(client, release_1):
    item, retracted, added = edit_the_record()
    releases.cut(None, datetime.date(2024, 2, 29), "Corrections")
    changes = {(kind, table, id_) for kind, table, id_, *_ in releases.changes(Release.objects.get(number=2))[1]}
    assert ("changed", "line_items", item.pk) in changes
    assert ("retracted", "line_items", retracted.pk) in changes
    assert ("added", "line_items", added.pk) in changes
    assert {table for _, table, _ in changes} == {"line_items", "deliveries"}
    page = client.get(reverse("pledges:release-changes", args=[2])).content.decode()
    assert "Six new guns" in page and "retracted" in page
    response = client.get(reverse("pledges:release-changes-export", args=[2, "csv"]))
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("change,table,id,publication,label\r\n")
    assert f"added,line_items,{added.pk},published,France – Six new guns\r\n" in text
    assert len(text.strip().split("\r\n")) == 1 + len(changes)


def test_the_first_release_lists_every_row_as_added(client, release_1):
    previous, found = releases.changes(release_1)
    assert previous is None and {kind for kind, *_ in found} == {"added"}
    assert len(found) == ReleaseRow.objects.filter(release=release_1).count()


def test_reviewers_cut_releases_and_editors_cannot(client, member_of, seed_record):
    data = {"published_on": "2024-03-01", "notes": "March"}
    client.force_login(member_of("Editor"))
    assert client.post(reverse("admin:pledges_release_add"), data).status_code == 403
    assert not Release.objects.exists()
    client.force_login(member_of("Reviewer"))
    assert client.post(reverse("admin:pledges_release_add"), data).status_code == 302
    release = Release.objects.get()
    assert (release.number, release.notes, release.cut_by.username) == (1, "March", "reviewer-user")
    assert release.rows.filter(table="line_items").count() == LineItem.objects.public().count()
    client.force_login(member_of("Analyst"))
    assert client.get(reverse("admin:pledges_release_changelist")).status_code == 200
    assert client.post(reverse("admin:pledges_release_add"), data).status_code == 403


def test_a_release_never_changes_in_the_admin(client, member_of, release_1):
    client.force_login(member_of("Reviewer"))
    url = reverse("admin:pledges_release_change", args=[release_1.pk])
    client.post(url, {"published_on": "2030-01-01", "notes": "rewritten"})
    assert client.post(reverse("admin:pledges_release_delete", args=[release_1.pk]), {"post": "yes"}).status_code == 403
    release_1.refresh_from_db()
    assert (release_1.notes, release_1.published_on) == ("The seed record", datetime.date(2024, 1, 31))


def test_the_command_cuts_the_next_release(seed_record, capsys):
    from django.core.management import CommandError, call_command

    call_command("cut_release", "--date", "2024-05-01", "--notes", "May")
    call_command("cut_release")
    assert list(Release.objects.order_by("number").values_list("number", "notes")) == [(1, "May"), (2, "")]
    assert "Release 2 of" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("cut_release", "--date", "2024-13-01")


# --- What a release changed, compared in the database ----------------------------------------------


def cut_after_every_kind_of_change():
    """Release 2 after release 1: a correction, a retraction, an addition, an edited delivery, a withdrawn one."""
    item, retracted, added = edit_the_record()
    # a delivery back to draft (as no admin can do to a published one) leaves the record: withdrawn
    withdrawn = Delivery.objects.get(line_item__pledge__donor__code="DE")
    Delivery.objects.filter(pk=withdrawn.pk).update(publication="draft")
    release = releases.cut(None, datetime.date(2024, 2, 29), "Corrections")
    return release, item, retracted, added, withdrawn


def changes_csv(client, number, **params):
    response = client.get(reverse("pledges:release-changes-export", args=[number, "csv"]), params)
    assert response.status_code == 200 and response.streaming
    return b"".join(response.streaming_content)


def test_the_changes_are_exactly_the_rows_added_changed_retracted_and_withdrawn(client, release_1):
    release, item, retracted, added, withdrawn = cut_after_every_kind_of_change()
    edited_delivery = Delivery.objects.order_by("pk").first()
    lines = {
        ("deliveries", edited_delivery.pk): f"changed,deliveries,{edited_delivery.pk},published,"
        "Slovakia – MiG-29 delivered on or before 21 Apr 2023",  # a date in a label is written for people
        ("deliveries", withdrawn.pk): f"withdrawn,deliveries,{withdrawn.pk},,no longer in the record",
        ("line_items", retracted.pk): f"retracted,line_items,{retracted.pk},retracted,"
        "Ukraine Defense Contact Group members (not itemised) – More weapons",
        ("line_items", item.pk): f"changed,line_items,{item.pk},published,"
        "Germany – Joint repair centre in Poland for Ukraine's whole Leopard 2 fleet",
        # its only delivery left the record, so its delivered figures changed
        ("line_items", withdrawn.line_item_id): f"changed,line_items,{withdrawn.line_item_id},published,"
        "Germany – Heavy tanks",
        ("line_items", added.pk): f"added,line_items,{added.pk},published,France – Six new guns",
    }
    expected = "change,table,id,publication,label\r\n" + "".join(lines[key] + "\r\n" for key in sorted(lines))
    assert changes_csv(client, 2).decode() == expected
    assert changes_csv(client, 2, bom="1").decode() == "\ufeff" + expected


def test_a_release_without_changes_lists_none(client, release_1):
    releases.cut(None, datetime.date(2024, 2, 29))
    assert changes_csv(client, 2) == b"change,table,id,publication,label\r\n"
    assert "Nothing changed." in client.get(reverse("pledges:release-changes", args=[2])).content.decode()


def test_the_changes_page_shows_fifty_rows_a_page(client, seed_record):
    records.grow(7)
    release = releases.cut(None, datetime.date(2024, 1, 31))
    in_csv = list(csv.reader(io.StringIO(changes_csv(client, 1).decode())))[1:]
    assert len(in_csv) == release.rows.count() > 2 * filters.PER_PAGE
    url = reverse("pledges:release-changes", args=[1])
    shown = []
    for number in range(1, 4):
        page = client.get(url, {"page": number}).context["page"]
        assert len(page.object_list) == (filters.PER_PAGE if number < 3 else len(in_csv) - 2 * filters.PER_PAGE)
        shown += [[str(value) for value in row] for row in page.object_list]
    assert shown == in_csv  # every row once, in the export's order
    response = client.get(url, {"page": "x"})
    assert response.context["page"].number == 1 and "Page: “x” is not a whole number" in response.content.decode()
    assert client.get(url, {"page": "4"}).status_code == 404  # past the last page


def test_the_changes_json_is_paged_with_a_next_link(client, release_1, monkeypatch):
    cut_after_every_kind_of_change()
    monkeypatch.setattr(export_views, "JSON_PAGE_SIZE", 4)
    url = reverse("pledges:release-changes-export", args=[2, "json"])
    first = client.get(url).json()
    assert first["meta"]["row_count"] == 6 and first["meta"]["compared_with"] == "release 1"
    assert first["meta"]["next"].endswith("/releases/2/changes.json?page=2")
    second = client.get(url, {"page": "2"}).json()
    assert second["meta"]["next"] is None
    whole = json.loads(b"".join(client.get(url, {"_all": "1"}).streaming_content))
    assert first["rows"] + second["rows"] == whole["rows"]
    in_csv = list(csv.DictReader(io.StringIO(changes_csv(client, 2).decode())))
    assert [{**row, "id": int(row["id"])} for row in in_csv] == whole["rows"]
    assert client.get(url, {"page": "0"}).status_code == 400


def test_the_changes_cost_the_same_queries_however_many_rows_changed(client, record, django_assert_max_num_queries):
    releases.cut(None, datetime.date(2024, 1, 31))
    edit_the_record()
    Delivery.objects.update(notes="Checked again.")  # every delivery changes: 5, or 55 with ten times the record
    release = releases.cut(None, datetime.date(2024, 2, 29))
    changed = release.rows.filter(table="deliveries").count() + 3
    html = reverse("pledges:release-changes", args=[2])
    # 1 the release, 2 the one before, 3 the count of changes, 4 the page of them, 5 every page's data-as-of
    with django_assert_max_num_queries(5):
        assert len(client.get(html).context["page"].object_list) == min(changed, filters.PER_PAGE)
    # 1 the release, 2 the one before, 3 the changes, streamed
    with django_assert_max_num_queries(3):
        assert changes_csv(client, 2).count(b"\r\n") == 1 + changed
    with django_assert_max_num_queries(4):  # 3 the count, 4 the page
        client.get(reverse("pledges:release-changes-export", args=[2, "json"]))


# --- Sorting a release as the live pages sort ------------------------------------------------------

LINE_ITEM_SORTS = ["date", "donor", "category", "quantity", "delivered", "value", "status"]
DELIVERY_SORTS = ["date", "donor", "category", "quantity", "value"]


@pytest.fixture
def grown_release(seed_record):
    """The seed record grown (ties, unknowns, several donors and categories), cut as release 1."""
    records.grow(2)
    return releases.cut(None, datetime.date(2024, 1, 31))


@pytest.mark.parametrize(
    "name,sort",
    [("line-item-list", sort) for sort in LINE_ITEM_SORTS] + [("delivery-list", sort) for sort in DELIVERY_SORTS],
)
def test_each_sort_orders_a_release_as_it_ordered_the_live_record(client, grown_release, name, sort):
    unsorted = download(client, name, release="1")
    in_order = []
    for direction in (sort, f"-{sort}"):
        at_release = download(client, name, release="1", sort=direction)
        assert at_release == download(client, name, sort=direction)
        in_order.append(at_release)
    assert len({unsorted, *in_order}) > 1  # the sort did something
    for direction in (sort, f"-{sort}"):
        response = client.get(reverse(f"pledges:{name}"), {"release": "1", "sort": direction})
        live = client.get(reverse(f"pledges:{name}"), {"sort": direction})
        assert [row["donor_name"] for row in response.context["page"].object_list] == [
            (item.pledge if name == "line-item-list" else item.line_item.pledge).donor.name
            for item in live.context["page"].object_list
        ]


def test_a_sorted_release_keeps_its_order_after_edits(client, grown_release):
    before = {sort: download(client, "line-item-list", release="1", sort=sort) for sort in ("donor", "-category")}
    Donor.objects.filter(code="DE").update(name="Zzz Germany")
    Category.objects.filter(slug="tanks").update(position=99)
    for sort, at_release in before.items():
        assert download(client, "line-item-list", release="1", sort=sort) == at_release
        assert download(client, "line-item-list", sort=sort) != at_release


@pytest.mark.parametrize("name", ["line-item-list", "delivery-list"])
@pytest.mark.parametrize("format_", ["csv", "json"])
def test_an_invalid_sort_is_the_live_pages_400(client, release_1, name, format_):
    url = reverse(f"pledges:{name}-export", args=[format_])
    live = client.get(url, {"sort": "price"})
    at_release = client.get(url, {"sort": "price", "release": "1"})
    assert live.status_code == at_release.status_code == 400
    assert at_release.content == live.content and b"sort" in at_release.content


def test_an_invalid_sort_shows_the_live_pages_error_and_the_rows_unsorted(client, release_1):
    url = reverse("pledges:line-item-list")
    live = client.get(url, {"sort": "price"})
    response = client.get(url, {"sort": "price", "release": "1"})
    assert response.status_code == live.status_code == 200
    error = live.context["filterset"].errors["sort"][0]
    assert response.context["filterset"].errors["sort"] == [error]
    assert 'id="id_sort-error"' in response.content.decode() and error in response.content.decode()
    published = release_1.rows.filter(table="line_items", publication="published", dataset_slug="")
    assert response.context["page"].paginator.count == published.count()


def test_the_headings_link_to_their_sort_and_reverse_it(client, release_1):
    page = client.get(reverse("pledges:line-item-list"), {"release": "1"}).content.decode()
    assert '<a href="?release=1&amp;sort=-value">Value (EUR)</a>' in page
    page = client.get(reverse("pledges:line-item-list"), {"release": "1", "sort": "-value", "page": "1"})
    assert 'aria-sort="descending"><a href="?release=1&amp;sort=value">Value (EUR)</a>' in page.content.decode()


def test_sort_fields_of_releases_cut_before_they_existed_are_filled_from_their_values(grown_release):
    """Migration 0011 fills them in the rows of earlier releases as cut() fills them now."""
    fields = ["pk", "donor_name", "category_position", "quantity", "quantity_delivered"]
    cut_as = list(ReleaseRow.objects.filter(table="line_items").order_by("pk").values_list(*fields))
    cut_as += ReleaseRow.objects.filter(table="deliveries").order_by("pk").values_list(*fields[:-1])
    assert any(row[3] is None for row in cut_as) and any(row[3] for row in cut_as)
    ReleaseRow.objects.update(donor_name="", category_position=0, quantity=None, quantity_delivered=None)
    importlib.import_module("pledges.migrations.0011_releaserow_sort_fields").fill(apps, None)
    filled = list(ReleaseRow.objects.filter(table="line_items").order_by("pk").values_list(*fields))
    filled += ReleaseRow.objects.filter(table="deliveries").order_by("pk").values_list(*fields[:-1])
    assert filled == cut_as


# --- The table as of a release ---------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"donor": "de"}, {"category": "ammunition", "donor_group": "nato"}])
def test_the_release_table_shows_the_totals_of_the_rows_shown(client, grown_release, params):
    url = reverse("pledges:line-item-list")
    live = client.get(url, params).context["totals"]
    response = client.get(url, {"release": "1", **params})
    totals = response.context["totals"]
    assert totals["rows"] == response.context["page"].paginator.count == live["line_items"]
    assert totals["value"] == live["value_pledged"] and totals["without_value"] == live["without_value"]
    page = response.content.decode()
    assert "<dt>Pledged value</dt>" in page and f"<dd>{totals['rows']:,}</dd>" in page


def test_the_totals_leave_out_retracted_and_cancelled_rows(client, release_1):
    edit_the_record()
    canada = factories.pledge(Donor.objects.get(code="CA"))
    for value in ("30000000", "2000000"):  # one to cancel, one that stays in the sum
        factories.line_item(canada, value_reported=value, currency="CAD")
    item = LineItem.objects.filter(value_eur__isnull=False).exclude(status="cancelled").order_by("pk").first()
    item.stage = "cancelled"
    item.save()
    release = releases.cut(None, datetime.date(2024, 2, 29))
    totals = client.get(reverse("pledges:line-item-list"), {"release": "2"}).context["totals"]
    shown = release.rows.filter(table="line_items", publication="published", dataset_slug="")
    assert totals["rows"] == shown.count() and totals["cancelled"] == 1
    assert totals["value"] == sum(
        (row.value_eur for row in shown.exclude(status="cancelled") if row.value_eur is not None), Decimal(0)
    )


def test_a_change_to_an_item_without_a_description_is_labelled_with_what_it_is(client, release_1):
    item = LineItem.objects.get(pledge__donor__code="SK")  # the seed gives its MiG-29s no description
    item.quantity = 4
    item.save()
    releases.cut(None, datetime.date(2024, 2, 29), "A number found")
    assert f"changed,line_items,{item.pk},published,Slovakia – MiG-29\r\n" in changes_csv(client, 2).decode()

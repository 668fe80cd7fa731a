"""Releases: a reviewer cuts a numbered release; the pledges and deliveries tables and their exports
read as of it give the same bytes after any edits; /releases/ lists them and each shows its changes."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from pledges import releases, review
from pledges.models import Delivery, Donor, LineItem, Release, ReleaseRow
from tests import factories


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
    for params in ({"donor": "nato"}, {"category": "fighter-jets"}, {"donor_group": "nato"}, {"q": "leopard"}):
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
    # the release, the filter choices (5), count and rows
    with django_assert_max_num_queries(9):
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
    changes = {(kind, table, id_) for kind, table, id_, _, _ in releases.changes(Release.objects.get(number=2))[1]}
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

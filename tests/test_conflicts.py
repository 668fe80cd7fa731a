"""Two editors saving the same record from stale forms: the second gets a conflict message saying
what changed meanwhile, and nothing of theirs is saved (tests check the rows)."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pledges import review
from pledges.models import Delivery, LineItem, Meeting, Pledge, Revision
from tests import factories
from tests.test_admin import errors_of, inline, line_item_row, post_deliveries


@pytest.fixture
def item(db):
    pledge = factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 25), title="Leopard 2A6")
    return factories.line_item(pledge, quantity=18)


def opened_form_at(client, url):
    """The loaded_at token of the change form as the editor received it."""
    response = client.get(url)
    return response.context["adminform"].form["loaded_at"].value()


def test_the_change_form_carries_when_it_was_loaded(editor_client, item):
    token = opened_form_at(editor_client, reverse("admin:pledges_lineitem_change", args=[item.pk]))
    assert abs((datetime.datetime.fromisoformat(token) - timezone.now()).total_seconds()) < 60


def test_a_stale_save_is_refused_and_says_what_changed(editor_client, item, django_user_model):
    loaded_at = opened_form_at(editor_client, reverse("admin:pledges_lineitem_change", args=[item.pk]))
    # meanwhile another editor raises the quantity
    item.quantity = 24
    item._change_reason = "Second tranche announced"
    item.save()
    response = post_deliveries(
        editor_client,
        item,
        [{"date": "2023-03-27", "date_precision": "day", "quantity": "6", "notes": ""}],
        loaded_at=loaded_at,
        quantity="18",
        description="Stale edit",
    )
    assert response.status_code == 200
    message = " ".join(errors_of(response)["__all__"])
    assert "nothing was saved" in message
    assert "quantity: 18 → 24" in message and "Second tranche announced" in message
    item.refresh_from_db()
    assert (item.quantity, item.description) == (24, "")
    assert not Delivery.objects.exists()


def test_a_change_to_an_inline_row_is_a_conflict_for_its_parent(editor_client, item):
    pledge = item.pledge
    loaded_at = opened_form_at(editor_client, reverse("admin:pledges_pledge_change", args=[pledge.pk]))
    item.description = "Changed by someone else"
    item.save()
    data = {"donor": pledge.donor_id, "date": "2023-01-25", "date_precision": "day", "title": "Mine", "notes": ""}
    data["loaded_at"] = loaded_at
    data.update(inline("citations", []))
    data.update(inline("line_items", [line_item_row(id=item.pk, pledge=pledge.pk, quantity="20")], initial=1))
    response = editor_client.post(reverse("admin:pledges_pledge_change", args=[pledge.pk]), data)
    assert response.status_code == 200
    assert "Changed by someone else" in " ".join(errors_of(response)["__all__"])
    pledge.refresh_from_db()
    item.refresh_from_db()
    assert (pledge.title, item.quantity, item.description) == ("Leopard 2A6", 18, "Changed by someone else")


def test_a_fresh_form_saves(editor_client, item):
    loaded_at = opened_form_at(editor_client, reverse("admin:pledges_lineitem_change", args=[item.pk]))
    response = post_deliveries(editor_client, item, [], loaded_at=loaded_at, description="Fresh edit")
    assert response.status_code == 302
    # the item is published: the change is kept for review
    assert Revision.objects.get(line_item=item).changes["fields"]["description"] == "Fresh edit"


def test_a_revision_proposed_meanwhile_is_a_conflict(editor_client, item):
    loaded_at = opened_form_at(editor_client, reverse("admin:pledges_lineitem_change", args=[item.pk]))
    review.propose(item, {"fields": {"description": "Someone else's"}}, None, "Another source")
    response = post_deliveries(editor_client, item, [], loaded_at=loaded_at, description="Mine")
    assert response.status_code == 200
    message = " ".join(errors_of(response)["__all__"])
    assert "someone proposed a revision of line item" in message and "Another source" in message
    assert Revision.objects.get(state="pending").changes == {"fields": {"description": "Someone else's"}}


def test_a_change_committed_after_the_form_was_loaded_but_begun_before_is_a_conflict(editor_client, item):
    """Another editor's save began before this form was loaded and committed after: its history is dated before
    the form's loaded_at, so only what the record held when the form was loaded (its state token) shows it."""
    form = editor_client.get(reverse("admin:pledges_lineitem_change", args=[item.pk])).context["adminform"].form
    loaded_at, loaded_state = form["loaded_at"].value(), form["loaded_state"].value()
    item.quantity = 24
    item.save()
    item.history.update(history_date=datetime.datetime.fromisoformat(loaded_at) - datetime.timedelta(seconds=1))
    response = post_deliveries(
        editor_client, item, [], loaded_at=loaded_at, loaded_state=loaded_state, quantity="18", description="Mine"
    )
    assert response.status_code == 200
    assert "still being committed when you opened the page" in " ".join(errors_of(response)["__all__"])
    item.refresh_from_db()
    assert (item.quantity, item.description) == (24, "")
    assert not Revision.objects.exists()


def test_a_form_loaded_after_the_last_change_saves_with_its_state_token(editor_client, item):
    form = editor_client.get(reverse("admin:pledges_lineitem_change", args=[item.pk])).context["adminform"].form
    tokens = {"loaded_at": form["loaded_at"].value(), "loaded_state": form["loaded_state"].value()}
    response = post_deliveries(editor_client, item, [], description="Mine", **tokens)
    assert response.status_code == 302


def test_a_meeting_form_is_protected_too(editor_client, db):
    meeting = factories.meeting()
    url = reverse("admin:pledges_meeting_change", args=[meeting.pk])
    loaded_at = opened_form_at(editor_client, url)
    Meeting.objects.get(pk=meeting.pk).save()  # a save with no change is still a newer version
    data = {
        "kind": "udcg",
        "number": "11",
        "name": "Renamed",
        "slug": meeting.slug,
        "starts_on": "2023-04-21",
        "place": "Ramstein",
        "loaded_at": loaded_at,
    }
    data.update(inline("citations", []))
    response = editor_client.post(url, data)
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.name != "Renamed"


def test_a_form_without_its_token_saves_nothing(editor_client, item):
    response = post_deliveries(editor_client, item, [], loaded_at="", description="No token")
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.description == ""
    assert Pledge.objects.count() == 1 and LineItem.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writing transaction at a time")
@pytest.mark.django_db(transaction=True)
def test_two_stale_saves_at_the_same_moment_one_wins(categories_again, django_user_model, monkeypatch):
    """Two editors post their forms at once, each in its own connection. The barrier holds the first
    check until the second arrives (or two seconds pass): without the row lock both checks would pass
    and both saves land."""
    item = factories.line_item(factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 25)), quantity=18)
    loaded_at = timezone.now().isoformat()
    both_checking = threading.Barrier(2, timeout=2)
    check = review.changes_since

    def check_together(*args):
        try:
            both_checking.wait()
        except threading.BrokenBarrierError:
            pass  # the other save is waiting for the lock, as it should
        return check(*args)

    monkeypatch.setattr(review, "changes_since", check_together)
    responses = {}

    def save(description):
        client = Client()
        client.force_login(django_user_model.objects.get(username=description))
        try:
            responses[description] = post_deliveries(client, item, [], loaded_at=loaded_at, description=description)
        finally:
            connections.close_all()

    for name in ("first editor", "second editor"):
        django_user_model.objects.create_superuser(name, password="a-long-password-123")
    threads = [threading.Thread(target=save, args=(name,)) for name in ("first editor", "second editor")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    codes = sorted(response.status_code for response in responses.values())
    assert codes == [200, 302]
    winner = next(name for name, response in responses.items() if response.status_code == 302)
    loser = next(name for name, response in responses.items() if response.status_code == 200)
    message = " ".join(errors_of(responses[loser])["__all__"])
    assert "Someone saved this record after you opened it" in message and winner in message
    # the item is published: the winner's change waits for review, the loser's is nowhere
    assert [revision.changes["fields"]["description"] for revision in Revision.objects.all()] == [winner]


def test_a_conflict_says_when_and_what_in_human_dates_and_numbers(editor_client, item):
    """Moments read '31 Jan 2024, 12:00 UTC', dates '14 Feb 2023' and numbers '1,200', as in all text."""
    pledge = item.pledge
    pledge.history.update(history_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    item.history.update(history_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    # meanwhile another editor corrects the pledge's date
    pledge.date = datetime.date(2023, 2, 14)
    pledge.save()
    pledge.history.filter(history_type="~").update(
        history_date=datetime.datetime(2024, 1, 31, 12, 0, 5, tzinfo=datetime.UTC)
    )
    item.quantity = 1200
    item.save()
    item.history.filter(history_type="~").update(
        history_date=datetime.datetime(2024, 1, 31, 12, 30, tzinfo=datetime.UTC)
    )
    data = {"donor": pledge.donor_id, "date": "2023-01-25", "date_precision": "day", "title": "Mine", "notes": ""}
    data["loaded_at"] = "2024-01-31T11:00:00+00:00"
    data.update(inline("citations", []))
    data.update(inline("line_items", [line_item_row(id=item.pk, pledge=pledge.pk, quantity="18")], initial=1))
    response = editor_client.post(reverse("admin:pledges_pledge_change", args=[pledge.pk]), data)
    assert response.status_code == 200
    message = " ".join(errors_of(response)["__all__"])
    assert "on 31 Jan 2024, 12:00 UTC (date: 25 Jan 2023 → 14 Feb 2023)" in message
    assert "on 31 Jan 2024, 12:30 UTC (quantity: 18 → 1,200)" in message
    assert "2024-01-31" not in message and "datetime" not in message
    pledge.refresh_from_db()
    assert (pledge.title, pledge.date) == ("Leopard 2A6", datetime.date(2023, 2, 14))

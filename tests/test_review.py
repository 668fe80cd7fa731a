"""Review before publishing: drafts stay off the public pages until a reviewer publishes them,
retracted facts leave them, staff may preview, and a published fact is never deleted."""

import datetime

import pytest
from django.urls import reverse

from pledges import review
from pledges.models import Delivery, LineItem, Pledge, Publication
from tests import factories


@pytest.fixture
def germany(db):
    return factories.donor("DE")


@pytest.fixture
def draft(germany):
    pledge = factories.pledge(germany, title="Draft package", publication=Publication.DRAFT)
    return factories.line_item(pledge, quantity=7, description="Draft tanks", publication=Publication.DRAFT)


@pytest.fixture
def published(germany):
    pledge = factories.pledge(germany, title="Published package")
    return factories.line_item(pledge, quantity=18, description="Published tanks")


def pledges_page(client, **params):
    return client.get(reverse("pledges:line-item-list"), params).content.decode()


def test_drafts_are_hidden_from_the_public_pages(client, draft, published):
    page = pledges_page(client)
    assert "Published tanks" in page and "Draft tanks" not in page
    assert list(LineItem.objects.public()) == [published]
    assert list(Pledge.objects.public()) == [published.pledge]


def test_a_published_line_item_of_a_draft_pledge_stays_hidden(draft):
    LineItem.objects.filter(pk=draft.pk).update(publication=Publication.PUBLISHED)
    assert not LineItem.objects.public().exists()


def test_draft_and_retracted_deliveries_count_nowhere_public(published):
    factories.delivery(published, quantity=6)
    factories.delivery(published, quantity=5, date=datetime.date(2023, 4, 1), publication=Publication.DRAFT)
    retracted = factories.delivery(published, quantity=4, date=datetime.date(2023, 5, 1))
    review.retract(retracted, None, "The photo showed another unit.")
    published.refresh_from_db()
    # the triggers count published deliveries only, so status and delivered value follow them alone
    assert (published.quantity_delivered, published.delivery_count, published.status) == (6, 1, "partially_delivered")
    assert [d.quantity for d in Delivery.objects.public()] == [6]


def test_publishing_a_delivery_updates_the_line_item(published):
    delivery = factories.delivery(published, quantity=18, publication=Publication.DRAFT)
    published.refresh_from_db()
    assert published.status == "announced"
    review.publish(delivery, None)
    published.refresh_from_db()
    assert (published.quantity_delivered, published.status) == (18, "delivered")


def test_publishing_a_delivery_the_record_refuses_changes_nothing(published):
    factories.delivery(published, quantity=18)
    extra = factories.delivery(published, quantity=3, publication=Publication.DRAFT)
    with pytest.raises(review.ReviewError):
        review.publish(extra, None)
    extra.refresh_from_db()
    published.refresh_from_db()
    assert (extra.publication, published.quantity_delivered) == ("draft", 18)


def test_staff_preview_the_pages_with_drafts(client, editor, draft, published):
    assert "Draft tanks" not in pledges_page(client, preview="1")  # anonymous: no preview
    client.force_login(editor)
    assert "Draft tanks" not in pledges_page(client)
    response = client.get(reverse("pledges:line-item-list"), {"preview": "1"})
    page = response.content.decode()
    assert "Draft tanks" in page and "Published tanks" in page
    # one Cache-Control header, each directive once (it used to say "private, private")
    assert response.headers["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


def test_retracted_facts_never_show_even_in_a_preview(client, editor, published):
    review.retract(published, None, "Double-counted: the same tanks as package 3.")
    client.force_login(editor)
    assert "Published tanks" not in pledges_page(client, preview="1")


def test_an_editors_new_pledge_is_a_draft(editor_client, germany):
    from tests.test_admin import add_pledge, line_item_row

    response = add_pledge(editor_client, germany, [line_item_row(description="Fresh tanks")])
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.publication == "draft" and pledge.line_items.get().publication == "draft"
    assert not LineItem.objects.public().exists()


def test_an_editors_change_to_a_published_fact_waits_for_review(editor_client, published):
    from tests.test_admin import post_deliveries

    response = post_deliveries(editor_client, published, [], description="Corrected tanks")
    assert response.status_code == 302
    published.refresh_from_db()
    assert (published.description, published.publication) == ("Corrected tanks", "draft")


def test_a_reviewer_publishes_a_pledge_with_its_line_items(client, member_of, draft):
    reviewer = member_of("Reviewer")
    client.force_login(reviewer)
    url = reverse("admin:pledges_pledge_review", args=[draft.pledge_id])
    response = client.post(url, {"action": "publish", "reason": "Checked against the ministry's release"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.publication, draft.pledge.publication, draft.pledge.reviewed_by) == (
        "published",
        "published",
        reviewer,
    )
    assert draft.pledge.history.first().history_change_reason == "Checked against the ministry's release"


def test_a_retraction_needs_a_reason_and_shows_in_the_history(client, member_of, published):
    client.force_login(member_of("Reviewer"))
    url = reverse("admin:pledges_lineitem_review", args=[published.pk])
    response = client.post(url, {"action": "retract", "reason": ""})
    assert response.status_code == 200 and "Say why" in response.content.decode()
    published.refresh_from_db()
    assert published.publication == "published"

    client.post(url, {"action": "retract", "reason": "Announced twice"})
    published.refresh_from_db()
    assert (published.publication, published.retraction_reason) == ("retracted", "Announced twice")
    latest = published.history.first()
    assert (latest.publication, latest.history_change_reason) == ("retracted", "retracted: Announced twice")
    assert not LineItem.objects.public().exists()


def test_a_published_fact_cannot_be_deleted_but_a_draft_can(client, member_of, draft, published):
    client.force_login(member_of("Reviewer"))
    response = client.post(reverse("admin:pledges_lineitem_delete", args=[published.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert LineItem.objects.filter(pk=published.pk).exists()
    response = client.post(reverse("admin:pledges_lineitem_delete", args=[draft.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not LineItem.objects.filter(pk=draft.pk).exists()


def test_a_published_fact_cannot_be_deleted_from_the_list(client, member_of, published):
    client.force_login(member_of("Reviewer"))
    response = client.post(
        reverse("admin:pledges_lineitem_changelist"),
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302, 403)
    assert LineItem.objects.filter(pk=published.pk).exists()


def test_a_published_pledge_with_a_published_line_item_cannot_lose_it_inline(editor_client, published):
    from tests.test_admin import inline, line_item_row

    pledge = published.pledge
    data = {"donor": pledge.donor_id, "date": "2023-02-14", "date_precision": "day", "title": "x", "notes": ""}
    data["loaded_at"] = published.history.first().history_date.isoformat()
    data.update(inline("citations", []))
    row = line_item_row(id=published.pk, pledge=pledge.pk, quantity="18", DELETE="on")
    data.update(inline("line_items", [row], initial=1))
    response = editor_client.post(reverse("admin:pledges_pledge_change", args=[pledge.pk]), data)
    assert response.status_code == 200
    assert "only retracted" in response.content.decode()
    pledge.refresh_from_db()
    assert (pledge.title, LineItem.objects.filter(pk=published.pk).exists()) == ("Published package", True)


def test_a_preview_says_so_on_the_page(client, editor, draft):
    client.force_login(editor)
    assert "Preview:" in pledges_page(client, preview="1")
    assert "Preview:" not in pledges_page(client)


def test_saving_a_published_fact_unchanged_keeps_it_published(editor_client, published):
    from tests.test_admin import post_deliveries

    fields = {"stage": "announced", "funding_mode": "unknown", "description": published.description}
    fields["change_reason"] = "Only looking"  # a reason alone is not a change
    response = post_deliveries(editor_client, published, [], **fields)
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.publication == "published"

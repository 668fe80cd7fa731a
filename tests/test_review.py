"""Review before publishing: drafts stay off the public pages until a reviewer publishes them,
retracted facts leave them, staff may preview, and a published fact is never deleted."""

import datetime

import pytest
from django.urls import reverse

from pledges import review
from pledges.models import Delivery, LineItem, Pledge, Publication, Revision
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
    delivery = factories.cite(factories.delivery(published, quantity=18, publication=Publication.DRAFT))
    published.refresh_from_db()
    assert published.status == "announced"
    review.publish(delivery, None)
    published.refresh_from_db()
    assert (published.quantity_delivered, published.status) == (18, "delivered")


def test_publishing_a_delivery_the_record_refuses_changes_nothing(published):
    factories.delivery(published, quantity=18)
    extra = factories.cite(factories.delivery(published, quantity=3, publication=Publication.DRAFT))
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


def test_an_editors_change_to_a_published_fact_waits_for_review(client, editor_client, published):
    from tests.test_admin import post_deliveries

    response = post_deliveries(editor_client, published, [], description="Corrected tanks", change_reason="Typo")
    assert response.status_code == 302
    published.refresh_from_db()
    assert (published.description, published.stage, published.publication) == (
        "Published tanks",
        "announced",
        "published",
    )
    assert published.history.count() == 1
    assert "Published tanks" in pledges_page(client) and "Corrected tanks" not in pledges_page(client)
    revision = Revision.objects.get()
    assert (revision.line_item, revision.state, revision.reason) == (published, "pending", "Typo")
    assert revision.changes["fields"] == {
        "description": "Corrected tanks",
        "stage": "committed",
        "funding_mode": "stocks",
    }


def test_a_reviewer_publishes_a_pledge_with_its_line_items(client, member_of, draft):
    factories.cite(draft.pledge)
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


def test_publishing_an_over_delivery_says_why_in_plain_words_and_changes_nothing(client, member_of, published):
    factories.delivery(published, quantity=15)
    extra = factories.delivery(published, quantity=5, date=datetime.date(2023, 4, 1), publication=Publication.DRAFT)
    factories.cite(extra)
    client.force_login(member_of("Reviewer"))
    response = client.post(reverse("admin:pledges_delivery_review", args=[extra.pk]), {"action": "publish"})
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "would bring the published deliveries of “Germany · 18 × Published tanks · 14 Feb 2023” to 20, "
        "more than the 18 pledged" in page
    )
    assert "CHECK" not in page and "constraint" not in page
    assert "Now: <strong>draft</strong>" in page
    extra.refresh_from_db()
    published.refresh_from_db()
    assert (extra.publication, extra.published_at, published.quantity_delivered) == ("draft", None, 15)


def test_a_database_refusal_at_publishing_is_named_as_a_rule_not_shown_raw(published, monkeypatch):
    # the record changed between the check and the write: the database's refusal still reads as a sentence
    monkeypatch.setattr(review, "refusals", lambda obj: [])
    factories.delivery(published, quantity=15)
    extra = factories.delivery(published, quantity=5, date=datetime.date(2023, 4, 1), publication=Publication.DRAFT)
    with pytest.raises(review.ReviewError) as refused:
        review.publish(extra, None)
    assert str(refused.value) == (
        "“5 delivered 1 Apr 2023” was not published: more was delivered than pledged: tick 'over-delivery "
        "confirmed' if so (rule “lineitem_delivered_within_pledged”)."
    )
    assert extra.publication == "draft"  # the object in memory says what the database holds
    extra.refresh_from_db()
    assert extra.publication == "draft"


# --- What published facts use cannot be deleted from under them -----------------------------------


def delete_page(client, model, obj):
    return client.post(reverse(f"admin:pledges_{model}_delete", args=[obj.pk]), {"post": "yes"})


def test_a_meeting_a_published_pledge_names_cannot_be_deleted(editor_client, published):
    meeting = factories.meeting()
    Pledge.objects.filter(pk=published.pledge_id).update(meeting=meeting)
    response = delete_page(editor_client, "meeting", meeting)
    page = response.content.decode()
    assert response.status_code == 200 and "Germany: Published package (14 Feb 2023)" in page
    published.pledge.refresh_from_db()
    assert published.pledge.meeting == meeting
    assert published.pledge.history.count() == 1


def test_a_meeting_only_drafts_name_is_deleted_and_they_lose_it(editor_client, draft):
    meeting = factories.meeting()
    Pledge.objects.filter(pk=draft.pledge_id).update(meeting=meeting)
    assert delete_page(editor_client, "meeting", meeting).status_code == 302
    draft.pledge.refresh_from_db()
    assert draft.pledge.meeting is None


def test_a_source_donor_or_system_a_fact_uses_cannot_be_deleted_and_the_page_names_the_facts(
    client, django_user_model, published
):
    from pledges.models import PledgeCitation, Source, System

    client.force_login(django_user_model.objects.create_superuser("admin", password="a-long-password-123"))
    source = factories.source()
    PledgeCitation.objects.create(pledge=published.pledge, source=source, quote="Eighteen tanks")
    system = factories.system()
    LineItem.objects.filter(pk=published.pk).update(system=system)
    for model, obj in [("source", source), ("donor", published.pledge.donor), ("system", system)]:
        response = delete_page(client, model, obj)
        assert response.status_code == 200 and "protected related objects" in response.content.decode()
    assert "Germany: Published package (14 Feb 2023), citing" in delete_page(client, "source", source).content.decode()
    assert Source.objects.filter(pk=source.pk).exists() and System.objects.filter(pk=system.pk).exists()
    assert Pledge.objects.filter(donor=published.pledge.donor).exists()


def test_removing_a_published_facts_citation_inline_waits_for_review(editor_client, member_of, published):
    from pledges.models import PledgeCitation
    from tests.test_admin import inline, line_item_row

    pledge = published.pledge
    kept = PledgeCitation.objects.create(pledge=pledge, source=factories.source(), quote="Eighteen tanks")
    citation = PledgeCitation.objects.create(
        pledge=pledge, source=factories.source(url="https://example.org/2"), quote="Tanks"
    )
    data = {"donor": pledge.donor_id, "date": "2023-02-14", "date_precision": "day", "title": pledge.title}
    data.update({"notes": "", "loaded_at": citation.history.get().history_date.isoformat()})
    rows = [{"id": c.pk, "pledge": pledge.pk, "source": c.source_id, "quote": c.quote} for c in (kept, citation)]
    rows[1]["DELETE"] = "on"
    data.update(inline("citations", rows, initial=2))
    item_row = line_item_row(
        id=published.pk, pledge=pledge.pk, funding_mode="unknown", stage="announced", description=published.description
    )
    data.update(inline("line_items", [item_row], initial=1))
    response = editor_client.post(reverse("admin:pledges_pledge_change", args=[pledge.pk]), data)
    assert response.status_code == 302
    assert pledge.citations.count() == 2 and PledgeCitation.history.count() == 2
    assert Revision.objects.get(pledge=pledge).changes == {"citations": [{"id": citation.pk, "delete": True}]}

    reviewer = member_of("Reviewer")
    review.publish(pledge, reviewer, "The second article only repeats the first")
    assert list(pledge.citations.all()) == [kept]
    removal = PledgeCitation.history.filter(id=citation.pk, history_type="-").get()
    assert removal.history_change_reason == "The second article only repeats the first"


def test_the_demo_generators_facts_are_published_with_a_date_and_protected(editor_client, db):
    from django.core.management import call_command

    call_command("generate_demo_data", "--line-items", "20", verbosity=0)
    for model in (Pledge, LineItem, Delivery):
        assert model.objects.exists() and not model.objects.filter(published_at=None).exists()
    pledge = Pledge.objects.first()
    assert delete_page(editor_client, "pledge", pledge).status_code == 403
    assert Pledge.objects.filter(pk=pledge.pk).exists()
    call_command("generate_demo_data", "--remove", verbosity=0)
    assert not Pledge.objects.exists()


def test_the_seed_records_facts_are_published_with_a_date(seed_record):
    for model in (Pledge, LineItem, Delivery):
        assert model.objects.exists() and not model.objects.filter(published_at=None).exists()


# --- No fact without a source ----------------------------------------------------------------------


def publish_page(client, model, obj):
    return client.post(reverse(f"admin:pledges_{model}_review", args=[obj.pk]), {"action": "publish"})


def test_a_pledge_is_published_only_with_a_line_item_and_a_quoted_source(client, member_of, germany):
    from pledges.models import PledgeCitation

    client.force_login(member_of("Reviewer"))
    pledge = factories.pledge(germany, title="Unsourced", publication=Publication.DRAFT)
    PledgeCitation.objects.create(pledge=pledge, source=factories.source(), quote="")  # no quote: no support
    page = publish_page(client, "pledge", pledge).content.decode()
    assert "it cites no source with the passage that supports it" in page and "it has no line item" in page
    factories.cite(pledge, quote="Germany will send tanks.", source_obj=factories.source(url="https://example.org/2"))
    assert "it has no line item" in publish_page(client, "pledge", pledge).content.decode()
    pledge.refresh_from_db()
    assert (pledge.publication, pledge.published_at, pledge.history.count()) == ("draft", None, 1)

    factories.line_item(pledge, publication=Publication.DRAFT)
    assert publish_page(client, "pledge", pledge).status_code == 302
    pledge.refresh_from_db()
    assert pledge.publication == "published"


def test_a_delivery_is_published_only_with_a_quoted_source(client, member_of, published):
    client.force_login(member_of("Reviewer"))
    delivery = factories.delivery(published, quantity=6, publication=Publication.DRAFT)
    assert "it cites no source" in publish_page(client, "delivery", delivery).content.decode()
    delivery.refresh_from_db()
    published.refresh_from_db()
    assert (delivery.publication, published.quantity_delivered) == ("draft", 0)
    factories.cite(delivery, quote="The first six tanks arrived.")
    assert publish_page(client, "delivery", delivery).status_code == 302


def test_a_delivery_is_cited_in_the_row_that_records_it(editor_client, published):
    from tests.test_admin import errors_of, post_deliveries

    source = factories.source(title="Tanks arrive")
    row = {"date": "2023-03-27", "date_precision": "day", "quantity": "6", "notes": "", "cite_source": source.pk}
    response = post_deliveries(editor_client, published, [row])
    assert "Quote the passage" in " ".join(errors_of(response)["cite_quote"])
    assert not Delivery.objects.exists()

    response = post_deliveries(editor_client, published, [{**row, "cite_quote": "Six Leopards reached Ukraine."}])
    assert response.status_code == 302, errors_of(response)
    citation = Delivery.objects.get().citations.get()
    assert (citation.source, citation.quote) == (source, "Six Leopards reached Ukraine.")


def test_the_review_page_shows_the_fact_and_its_quoted_sources(client, member_of, germany):
    client.force_login(member_of("Reviewer"))
    pledge = factories.pledge(germany, title="Winter package", publication=Publication.DRAFT)
    factories.line_item(pledge, quantity=14, value_reported="250000000", currency="USD", publication=Publication.DRAFT)
    factories.cite(pledge, quote="Berlin pledged 14 tanks worth $250 million.")
    page = client.get(reverse("admin:pledges_pledge_review", args=[pledge.pk])).content.decode()
    for shown in (
        "Germany",
        "Winter package",
        "14 Feb 2023",
        "Tanks; quantity 14 units; value 250,000,000.00 USD as reported, €",
        "million in EUR",
        "Berlin pledged 14 tanks worth $250 million.",
        "https://example.org/news/1",
    ):
        assert shown in page, shown
    assert "<h2>What would be published</h2>" in page


def test_the_review_page_of_a_published_fact_shows_it_as_published(client, member_of, published):
    client.force_login(member_of("Reviewer"))
    page = client.get(reverse("admin:pledges_lineitem_review", args=[published.pk])).content.decode()
    assert "<h2>As published now</h2>" in page and "What would be published" not in page
    review.retract(published, None, "Another tank")
    page = client.get(reverse("admin:pledges_lineitem_review", args=[published.pk])).content.decode()
    assert "<h2>As it was published</h2>" in page


# --- Revisions of published facts ------------------------------------------------------------------


@pytest.fixture
def revised(editor_client, published):
    """A published line item whose quantity, description, co-funders and citation an editor changed."""
    from pledges.models import LineItemCitation
    from tests.test_admin import inline

    denmark = factories.donor("DK", name="Denmark")
    citation = LineItemCitation.objects.create(line_item=published, source=factories.source(), quote="18 tanks")
    data = {
        "pledge": published.pledge_id,
        "category": published.category_id,
        "description": "Leopard 2A6 tanks",
        "quantity": "14",
        "unit": "units",
        "stage": "announced",
        "value_reported": "",
        "currency": "",
        "value_basis": "unknown",
        "funding_mode": "unknown",
        "co_funders": [denmark.pk],
        "loaded_at": citation.history.get().history_date.isoformat(),
        "change_reason": "The ministry corrected the figure",
    }
    row = {"id": citation.pk, "line_item": published.pk, "source": citation.source_id, "quote": "14 tanks"}
    data.update(inline("citations", [row], initial=1))
    data.update(inline("deliveries", []))
    response = editor_client.post(reverse("admin:pledges_lineitem_change", args=[published.pk]), data)
    assert response.status_code == 302
    return published


def test_a_revision_leaves_the_public_record_as_published(client, revised):
    revised.refresh_from_db()
    assert (revised.quantity, revised.description, list(revised.co_funders.all())) == (18, "Published tanks", [])
    assert revised.citations.get().quote == "18 tanks"
    response = client.get(reverse("pledges:line-item-list-export", args=["csv"]))
    exported = b"".join(response.streaming_content).decode()
    assert "Published tanks" in exported and "Leopard 2A6 tanks" not in exported


def test_the_reviewer_sees_the_revision_field_by_field(client, member_of, revised):
    client.force_login(member_of("Reviewer"))
    page = client.get(reverse("admin:pledges_lineitem_review", args=[revised.pk])).content.decode()
    assert "Publish the revision" in page and "Reject the revision" in page
    for what, published, proposed in [
        ("Description", "Published tanks", "Leopard 2A6 tanks"),
        ("Quantity", "18", "14"),
        ("Co funders", "none", "Denmark"),
    ]:
        assert f'<th scope="row">{what}</th><td>{published}</td><td>{proposed}</td>' in page
    assert "Allies pledge tanks: “18 tanks”</td><td>Unnamed outlet, undated: Allies pledge tanks: “14 tanks”" in page
    assert "The ministry corrected the figure" in page


def test_the_review_state_and_page_say_when_in_words(client, editor_client, member_of, revised):
    """Moments in the admin's text read '31 Jan 2024, 12:00 UTC', as every page writes them."""
    noon = datetime.datetime(2024, 1, 31, 12, 0, tzinfo=datetime.UTC)
    Revision.objects.update(proposed_at=noon)
    LineItem.objects.filter(pk=revised.pk).update(reviewed_at=noon - datetime.timedelta(days=30))
    revised.history.update(history_date=noon)
    form = editor_client.get(reverse("admin:pledges_lineitem_change", args=[revised.pk])).content.decode()
    assert "on 1 Jan 2024, 12:00 UTC" in form and "a revision by editor of 31 Jan 2024, 12:00 UTC waits" in form
    client.force_login(member_of("Reviewer"))
    page = client.get(reverse("admin:pledges_lineitem_review", args=[revised.pk])).content.decode()
    assert "Proposed by editor on 31 Jan 2024, 12:00 UTC" in page
    assert "<li>31 Jan 2024, 12:00 UTC created by" in page
    assert "2024-01-31" not in page
    # the admin's own lists write a moment the same way
    revisions = client.get(reverse("admin:pledges_revision_changelist")).content.decode()
    assert "31 Jan 2024, 12:00 UTC" in revisions


def test_publishing_a_revision_changes_the_fact_with_its_history(client, member_of, revised):
    reviewer = member_of("Reviewer")
    client.force_login(reviewer)
    url = reverse("admin:pledges_lineitem_review", args=[revised.pk])
    response = client.post(url, {"action": "publish", "reason": "Checked the ministry's correction"})
    assert response.status_code == 302
    revised.refresh_from_db()
    assert (revised.quantity, revised.description, revised.publication) == (14, "Leopard 2A6 tanks", "published")
    assert [donor.code for donor in revised.co_funders.all()] == ["DK"]
    assert revised.citations.get().quote == "14 tanks"
    latest = revised.history.filter(quantity=14).earliest("history_date")
    assert (latest.history_change_reason, latest.history_user) == ("Checked the ministry's correction", reviewer)
    assert Revision.objects.get().state == "published"
    assert "Leopard 2A6 tanks" in pledges_page(client)


def test_rejecting_a_revision_needs_a_reason_and_keeps_the_fact(client, member_of, revised):
    client.force_login(member_of("Reviewer"))
    url = reverse("admin:pledges_lineitem_review", args=[revised.pk])
    assert "Say why the revision is rejected" in client.post(url, {"action": "reject"}).content.decode()
    assert Revision.objects.get().state == "pending"
    assert client.post(url, {"action": "reject", "reason": "Not what the ministry said"}).status_code == 302
    revision = Revision.objects.get()
    assert (revision.state, revision.rejection_reason) == ("rejected", "Not what the ministry said")
    revised.refresh_from_db()
    assert (revised.quantity, revised.history.count()) == (18, 1)


def test_a_revision_the_record_refuses_is_not_published_and_changes_nothing(member_of, published):
    factories.delivery(published, quantity=16)
    review.propose(published, {"fields": {"quantity": 14}}, None, "Fewer tanks")
    with pytest.raises(review.ReviewError) as refused:
        review.publish(published, member_of("Reviewer"))
    assert "16 have already been delivered" in str(refused.value)
    published.refresh_from_db()
    assert (published.quantity, Revision.objects.get().state) == (18, "pending")


def test_a_release_lists_a_revised_fact_as_changed_never_as_withdrawn(member_of, revised):
    from pledges import releases

    releases.cut(None, datetime.date(2024, 1, 31))
    review.publish(revised, member_of("Reviewer"))
    second = releases.cut(None, datetime.date(2024, 2, 29))
    assert [(kind, table) for kind, table, *_ in releases.changes(second)[1]] == [("changed", "line_items")]


def test_an_edit_of_a_published_line_item_inline_is_sent_to_its_own_page(editor_client, published):
    from tests.test_admin import inline, line_item_row

    pledge = published.pledge
    data = {"donor": pledge.donor_id, "date": "2023-02-14", "date_precision": "day", "title": pledge.title}
    data.update({"notes": "", "loaded_at": published.history.get().history_date.isoformat()})
    data.update(inline("citations", []))
    data.update(inline("line_items", [line_item_row(id=published.pk, pledge=pledge.pk, quantity="20")], initial=1))
    response = editor_client.post(reverse("admin:pledges_pledge_change", args=[pledge.pk]), data)
    assert "change it on its own page" in response.content.decode()
    published.refresh_from_db()
    assert published.quantity == 18 and not Revision.objects.exists()

"""The article inbox in the admin: paste or upload, proposals accepted or dismissed, bad input refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pledges.inbox import intake
from pledges.models import Delivery, InboxText, LineItem, LineItemCitation, Pledge, Proposal, Source
from tests.inbox_set.labelled import HERE, SEEDS

ADD = "admin:pledges_inboxtext_add"


def seed_text(prefix):
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# a wire story holding one real pledge (Norway's air-defence money of 11 July 2024)
PLEDGE_STORY = (HERE / "no_air_defence_2024_07_11.txt").read_text(encoding="utf-8")


def paste(client, text, follow=False, **fields):
    data = {"text": text, "title": "", "published_on": "", "publisher": "", "url": "", "kind": "media"}
    data.update(fields)
    return client.post(reverse(ADD), data, follow=follow)


def decide(client, inbox_text, decisions, changes=None):
    """Post the text's change form with a decision ("accept", "dismiss", "") and changed fields per proposal."""
    proposals = list(inbox_text.proposals.order_by("position"))
    data = {
        "proposals-TOTAL_FORMS": len(proposals),
        "proposals-INITIAL_FORMS": len(proposals),
        "proposals-MIN_NUM_FORMS": 0,
        "proposals-MAX_NUM_FORMS": 0,
    }
    for number, proposal in enumerate(proposals):
        fields = {
            "id": proposal.pk,
            "inbox_text": inbox_text.pk,
            "kind": proposal.kind,
            "donor": proposal.donor_id,
            "category": proposal.category_id,
            "system": proposal.system_id or "",
            "quantity": proposal.quantity or "",
            "value": proposal.value if proposal.value is not None else "",
            "currency": proposal.currency,
            "date": proposal.date.isoformat() if proposal.date else "",
            "date_precision": proposal.date_precision,
            "meeting": proposal.meeting_id or "",
            "co_funders": [donor.pk for donor in proposal.co_funders.all()],
            "decision": decisions[number] if number < len(decisions) else "",
        }
        fields.update((changes or {}).get(number, {}))
        data.update({f"proposals-{number}-{key}": value for key, value in fields.items()})
    return client.post(reverse("admin:pledges_inboxtext_change", args=[inbox_text.pk]), data)


def counts():
    return [model.objects.count() for model in (InboxText, Source, Pledge, LineItem, Delivery, Proposal)]


def test_a_pasted_article_is_saved_then_read_into_proposals(editor_client, seed_record):
    response = paste(editor_client, seed_text("003"), published_on="2023-04-21", publisher="TVA")
    inbox_text = InboxText.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:pledges_inboxtext_change", args=[inbox_text.pk])
    assert inbox_text.source.title == "Kiev allies are coordinating their aid under pressure from Zelenskyy"
    assert inbox_text.status == "read" and inbox_text.source.publisher == "TVA"
    assert inbox_text.proposals.count() == 6
    page = editor_client.get(response.url).content.decode()
    assert "6 proposals, 6 to decide, 0 accepted, 0 dismissed" in page
    assert "Slovakia and Poland began supplying Ukraine with Soviet-designed Mig-29 fighters." in page
    assert "total since the start of the war</strong>: Westerners have provided more than $150 billion" in page


def test_a_value_is_shown_in_euros_at_the_rate_of_its_date(editor_client, seed_record):
    text = "Britain pledged 14 Challenger 2 tanks worth £100 million on Monday."
    response = paste(editor_client, text, published_on="2023-01-17", follow=True)
    assert "€112,665,900.54 (rate of 16 Jan 2023)" in response.content.decode()


def test_a_fact_already_in_the_record_is_shown_as_such(editor_client, seed_record):
    paste(editor_client, seed_text("003"), published_on="2023-04-21")
    mig = Proposal.objects.get(donor__code="SK")
    recorded = LineItem.objects.get(pledge__donor__code="SK", system__name="MiG-29")
    assert mig.recorded_as == recorded
    page = editor_client.get(reverse("admin:pledges_inboxtext_change", args=[mig.inbox_text_id])).content.decode()
    assert "already recorded</a>: accepting adds this text as a source" in page


def test_accepting_creates_a_draft_pledge_and_line_item_citing_the_text(editor_client, db):
    from django.core.management import call_command

    call_command("loaddata", "reference", verbosity=0)
    text = "Norway will donate two NASAMS air defence firing units to Ukraine, the government said on Friday."
    paste(editor_client, text, published_on="2023-03-10", title="Norway to give Ukraine two NASAMS units")
    inbox_text = InboxText.objects.get()
    decide(editor_client, inbox_text, ["accept"], {0: {"quantity": 3}})
    proposal = inbox_text.proposals.get()
    item = LineItem.objects.get()
    assert proposal.state == "accepted" and proposal.line_item == item and proposal.decided_by.username == "editor"
    assert (item.pledge.donor.code, item.system.name, item.quantity) == ("NO", "NASAMS", 3)
    assert (item.pledge.publication, item.publication) == ("draft", "draft")
    assert (item.pledge.date.isoformat(), item.pledge.date_precision) == ("2023-03-10", "day")
    citation = item.citations.get()
    assert citation.source == inbox_text.source and citation.quote == text
    assert item.pledge.citations.get().source == inbox_text.source
    assert item.history.get().history_change_reason == "From the inbox: Norway to give Ukraine two NASAMS units"


def test_accepting_a_delivery_creates_it_with_its_line_item(editor_client, db):
    from django.core.management import call_command

    call_command("loaddata", "reference", "seed_record", verbosity=0)
    text = "Poland delivered the first four Leopard 2A4 tanks to Ukraine on Friday, the prime minister said."
    paste(editor_client, text, published_on="2023-02-25")
    inbox_text = InboxText.objects.get()
    deliveries = Delivery.objects.count()
    decide(editor_client, inbox_text, ["accept"])
    delivery = Delivery.objects.latest("pk")
    assert Delivery.objects.count() == deliveries + 1
    assert (delivery.quantity, delivery.date.isoformat(), delivery.date_precision) == (4, "2023-02-24", "day")
    assert delivery.line_item.pledge.date_precision == "on_or_before" and delivery.publication == "draft"
    assert delivery.citations.get().source == inbox_text.source


def test_dismissing_keeps_the_decision_and_records_nothing(editor_client, seed_record):
    paste(editor_client, PLEDGE_STORY, published_on="2024-07-11")
    inbox_text = InboxText.objects.get()
    before = counts()
    decide(editor_client, inbox_text, ["dismiss"])
    proposal = inbox_text.proposals.get()
    assert proposal.state == "dismissed" and proposal.decided_at is not None
    assert counts() == before


def test_a_decided_proposal_can_no_longer_change(editor_client, seed_record):
    paste(editor_client, PLEDGE_STORY, published_on="2024-07-11")
    inbox_text = InboxText.objects.get()
    decide(editor_client, inbox_text, ["dismiss"])
    before = counts()
    response = decide(editor_client, inbox_text, [""], {0: {"quantity": 7}})
    assert "This proposal was dismissed: it can no longer change." in response.content.decode()
    assert inbox_text.proposals.get().quantity is None and counts() == before


def test_a_rewrite_of_a_text_in_the_inbox_attaches_as_a_second_source(editor_client, db):
    from django.core.management import call_command

    call_command("loaddata", "reference", verbosity=0)
    first = PLEDGE_STORY
    paste(editor_client, first, published_on="2024-07-11")
    original = InboxText.objects.get()
    decide(editor_client, original, ["accept"])
    rewrite = first.replace("Norway gives Ukraine", "Norway to give Ukraine").replace(
        "said at the NATO summit", "told reporters at the NATO summit"
    )
    paste(editor_client, rewrite, published_on="2024-07-11", publisher="Another outlet")
    second = InboxText.objects.latest("pk")
    assert second.duplicate_of == original.source
    pledges = Pledge.objects.count()
    decide(editor_client, second, ["accept"])
    item = LineItem.objects.get()
    assert Pledge.objects.count() == pledges
    assert set(LineItemCitation.objects.filter(line_item=item).values_list("source", flat=True)) == {
        original.source_id,
        second.source_id,
    }


def test_an_article_the_record_already_cites_is_recognised(editor_client, seed_record):
    paste(editor_client, seed_text("002"), published_on="2023-09-28")
    assert InboxText.objects.get().duplicate_of == Source.objects.get(archive_ref__endswith="002_738bcc84ace0ea55.txt")


def test_a_text_without_facts_is_kept_and_says_what_it_set_aside(editor_client, db):
    response = paste(editor_client, seed_text("001"), published_on="2023-02-14", follow=True)
    page = response.content.decode()
    assert "No aid facts found. Set aside: " in page
    assert "appeal or request: “date 2023-02-14 NATO Secretary General" in page
    assert InboxText.objects.get().proposals.count() == 0


def test_a_failure_while_reading_keeps_the_text(editor_client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the extractor broke")

    monkeypatch.setattr(intake, "extract", broken)
    response = paste(editor_client, "Norway will donate NASAMS.", title="Kept", follow=True)
    inbox_text = InboxText.objects.get()
    assert (inbox_text.text, inbox_text.status) == ("Norway will donate NASAMS.", "failed")
    assert "The text is saved, but reading it failed: RuntimeError: the extractor broke" in response.content.decode()


@pytest.mark.parametrize(
    "upload, field_error",
    [
        (None, "The text is empty."),
        (SimpleUploadedFile("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00"), "The file is not text: it holds binary data."),
        (SimpleUploadedFile("a.txt", "Panzer für die Ukraine".encode("latin-1")), "The file is not UTF-8 text"),
        (SimpleUploadedFile("a.txt", b"a" * 1024 * 1025), "The file is 1,049,600 bytes; the inbox takes files up to"),
        (SimpleUploadedFile("a.pdf", b"%PDF-1.7"), "Upload a .txt or .html file."),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_nothing_is_saved(editor_client, db, upload, field_error):
    before = counts()
    data = {"text": "   ", "title": "", "published_on": "", "publisher": "", "url": "", "kind": "media"}
    if upload:
        data.update(text="", upload=upload)
    response = editor_client.post(reverse(ADD), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field_error in " ".join(errors["upload" if upload else "text"])
    assert counts() == before


def test_an_html_upload_is_read_as_its_text(editor_client, db):
    from django.core.management import call_command

    call_command("loaddata", "reference", verbosity=0)
    html = (
        "<html><head><script>var ad = 1;</script></head><body><h1>Norway sends NASAMS</h1>"
        "<p>Norway will donate two NASAMS air defence firing units to Ukraine.</p>"
        "<aside>Subscribe now for $5 million</aside></body></html>"
    )
    upload = SimpleUploadedFile("story.html", html.encode("utf-8"))
    data = {"text": "", "title": "", "published_on": "2023-03-10", "publisher": "", "url": "", "kind": "official"}
    editor_client.post(reverse(ADD), {**data, "upload": upload})
    inbox_text = InboxText.objects.get()
    assert inbox_text.source.title == "Norway sends NASAMS" and inbox_text.file_name == "story.html"
    assert "script" not in inbox_text.text and "Subscribe" not in inbox_text.text
    assert inbox_text.source.kind == "official"
    assert inbox_text.proposals.get().quantity == 2


def test_the_inbox_list_costs_the_same_queries_however_many_texts(
    editor_client, seed_record, django_assert_num_queries
):
    for number in range(2):
        intake.read(intake.save(seed_text("004"), title=f"Text {number}", published_on=None))
    url = reverse("admin:pledges_inboxtext_changelist")
    editor_client.get(url)
    # the user, their own and their groups' permissions, the count of texts and of all texts, the page of texts
    with django_assert_num_queries(6) as first:
        editor_client.get(url)
    for number in range(5):
        intake.read(intake.save(seed_text("003"), title=f"More {number}", published_on=None))
    with django_assert_num_queries(len(first.captured_queries)):
        assert editor_client.get(url).status_code == 200


def test_analysts_read_the_inbox_but_add_nothing(client, member_of, db):
    client.force_login(member_of("Analyst"))
    assert client.get(reverse("admin:pledges_inboxtext_changelist")).status_code == 200
    assert client.get(reverse(ADD)).status_code == 403


def test_reviewers_use_the_inbox_like_editors(client, member_of, db):
    client.force_login(member_of("Reviewer"))
    assert client.get(reverse(ADD)).status_code == 200


def test_a_negative_value_or_a_zero_quantity_is_refused_beside_its_field(editor_client, seed_record):
    paste(editor_client, "Britain pledged 14 Challenger 2 tanks worth £100 million.", published_on="2023-01-16")
    inbox_text = InboxText.objects.get()
    before = counts()
    response = decide(editor_client, inbox_text, ["accept"], {0: {"value": "-5", "quantity": "0"}})
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert "Ensure this value is greater than or equal to 0." in errors["value"]
    assert "Ensure this value is greater than or equal to 1." in errors["quantity"]
    proposal = inbox_text.proposals.get()
    assert (proposal.state, proposal.quantity, proposal.value) == ("open", 14, 100000000) and counts() == before


def test_a_refusal_by_the_database_is_said_plainly_and_changes_nothing(editor_client, seed_record, monkeypatch):
    from django.db import IntegrityError

    paste(editor_client, PLEDGE_STORY, published_on="2024-07-11")
    inbox_text = InboxText.objects.get()
    before = counts()

    def refused(proposal, user):
        raise IntegrityError('new row violates check constraint "lineitem_value_not_negative"')

    monkeypatch.setattr(intake, "accept", refused)
    response = decide(editor_client, inbox_text, ["accept"])
    page = editor_client.get(response.url).content.decode()
    assert "not accepted, the record refused it; nothing was changed." in page
    assert "violates" not in page
    assert inbox_text.proposals.get().state == "open" and counts() == before


def test_a_proposal_without_a_date_cannot_be_accepted_until_given_one(editor_client, seed_record):
    paste(editor_client, "Norway will donate two NASAMS air defence firing units to Ukraine.", title="Undated")
    inbox_text = InboxText.objects.get()
    assert inbox_text.proposals.get().date is None
    before = counts()
    response = decide(editor_client, inbox_text, ["accept"])
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert errors["date"] == ["Give a date: neither the text nor its publication date says when."]
    assert counts() == before
    decide(editor_client, inbox_text, ["accept"], {0: {"date": "2023-03-10", "date_precision": "day"}})
    assert LineItem.objects.filter(pledge__date="2023-03-10", system__name="NASAMS", quantity=2).exists()

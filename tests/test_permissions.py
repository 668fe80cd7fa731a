"""The whole permission matrix through the test client: Editor, Reviewer, Analyst and anonymous
visitors × view, add, change, publish, retract, delete. Each refused action leaves the rows as they were."""

import pytest
from django.urls import reverse
from django.utils import timezone

from pledges.models import Delivery, LineItem, Pledge, Publication
from tests import factories
from tests.test_admin import inline

ROLES = ["Editor", "Reviewer", "Analyst", None]
MODELS = {"pledge": Pledge, "lineitem": LineItem, "delivery": Delivery}

# role -> action -> allowed
MATRIX = {
    "Editor": {"view": True, "add": True, "change": True, "publish": False, "retract": False, "delete_draft": True},
    "Reviewer": {"view": True, "add": True, "change": True, "publish": True, "retract": True, "delete_draft": True},
    "Analyst": {"view": True, "add": False, "change": False, "publish": False, "retract": False, "delete_draft": False},
    None: {"view": False, "add": False, "change": False, "publish": False, "retract": False, "delete_draft": False},
}


@pytest.fixture
def as_role(client, member_of):
    def login(role):
        if role:
            client.force_login(member_of(role))
        return client

    return login


@pytest.fixture
def facts(db):
    """A draft and a published fact of each reviewed model."""
    donor = factories.donor("DE")
    found = {}
    for state in (Publication.DRAFT, Publication.PUBLISHED):
        pledge = factories.cite(factories.pledge(donor, title=f"{state} pledge", publication=state))
        item = factories.line_item(pledge, quantity=18, publication=state)
        delivery = factories.cite(factories.delivery(item, quantity=6, publication=state))
        found[state] = {"pledge": pledge, "lineitem": item, "delivery": delivery}
    return found


def refused(response):
    """403 for a signed-in user without the right; the login page for an anonymous visitor."""
    if response.status_code == 302:
        return "/login/" in response["Location"]
    return response.status_code == 403


def pledge_form(donor, title, **extra):
    data = {"donor": donor.pk, "date": "2023-02-14", "date_precision": "day", "title": title, "notes": ""}
    data.update(inline("citations", []))
    data.update(inline("line_items", []))
    data.update(extra)
    return data


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS)
def test_view(as_role, facts, role, model):
    client = as_role(role)
    obj = facts[Publication.PUBLISHED][model]
    for url in (reverse(f"admin:pledges_{model}_changelist"), reverse(f"admin:pledges_{model}_change", args=[obj.pk])):
        response = client.get(url)
        assert (response.status_code == 200) is MATRIX[role]["view"], url
        if not MATRIX[role]["view"]:
            assert refused(response)


@pytest.mark.parametrize("role", ROLES)
def test_add(as_role, facts, role):
    donor = facts[Publication.DRAFT]["pledge"].donor
    response = as_role(role).post(reverse("admin:pledges_pledge_add"), pledge_form(donor, "Added"))
    created = Pledge.objects.filter(title="Added")
    if MATRIX[role]["add"]:
        assert response.status_code == 302 and created.get().publication == "draft"
    else:
        assert refused(response) and not created.exists()


@pytest.mark.parametrize("role", ROLES)
def test_change(as_role, facts, role):
    pledge = facts[Publication.DRAFT]["pledge"]
    url = reverse("admin:pledges_pledge_change", args=[pledge.pk])
    data = pledge_form(pledge.donor, "Changed", loaded_at=timezone.now().isoformat())
    response = as_role(role).post(url, data)
    pledge.refresh_from_db()
    if MATRIX[role]["change"]:
        assert response.status_code == 302 and pledge.title == "Changed"
    else:
        assert refused(response) and pledge.title == "draft pledge"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS)
def test_publish(as_role, facts, role, model):
    obj = facts[Publication.DRAFT][model]
    response = as_role(role).post(reverse(f"admin:pledges_{model}_review", args=[obj.pk]), {"action": "publish"})
    obj.refresh_from_db()
    if MATRIX[role]["publish"]:
        assert response.status_code == 302 and obj.publication == "published"
    else:
        assert refused(response) and obj.publication == "draft"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS)
def test_retract(as_role, facts, role, model):
    obj = facts[Publication.PUBLISHED][model]
    url = reverse(f"admin:pledges_{model}_review", args=[obj.pk])
    response = as_role(role).post(url, {"action": "retract", "reason": "Wrong figure"})
    obj.refresh_from_db()
    if MATRIX[role]["retract"]:
        assert response.status_code == 302 and obj.publication == "retracted"
    else:
        assert refused(response) and obj.publication == "published"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS)
def test_delete(as_role, facts, role, model):
    client = as_role(role)
    published = facts[Publication.PUBLISHED][model]
    response = client.post(reverse(f"admin:pledges_{model}_delete", args=[published.pk]), {"post": "yes"})
    # a published fact is never deleted, whoever asks
    assert refused(response) and MODELS[model].objects.filter(pk=published.pk).exists()

    draft = facts[Publication.DRAFT]["delivery"]  # a draft without published rows depending on it
    response = client.post(reverse("admin:pledges_delivery_delete", args=[draft.pk]), {"post": "yes"})
    if MATRIX[role]["delete_draft"]:
        assert response.status_code == 302 and not Delivery.objects.filter(pk=draft.pk).exists()
    else:
        assert refused(response) and Delivery.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("role", ROLES)
def test_publish_action_in_the_list(as_role, facts, role):
    draft = facts[Publication.DRAFT]["delivery"]
    data = {"action": "publish_selected", "_selected_action": [draft.pk]}
    as_role(role).post(reverse("admin:pledges_delivery_changelist"), data)
    draft.refresh_from_db()
    assert (draft.publication == "published") is MATRIX[role]["publish"]


@pytest.mark.parametrize("role", ROLES)
def test_drafts_on_public_pages(as_role, facts, role):
    client = as_role(role)
    page = client.get(reverse("pledges:line-item-list"), {"preview": "1"}).content.decode()
    # staff who may read the record preview drafts; anonymous visitors never see them
    assert ("draft pledge" in page) is (role is not None)
    assert "draft pledge" not in client.get(reverse("pledges:line-item-list")).content.decode()

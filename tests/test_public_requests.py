"""The public pages and exports read: GET and HEAD only (aidtracker/public_requests.py), one Cache-Control."""

import pytest

from pledges.models import LineItem, Pledge

PUBLIC = [
    "/",
    "/overview.csv",
    "/donors/",
    "/donors/de/",
    "/donors/de.json",
    "/categories/tanks/",
    "/systems/mig-29/",
    "/meetings/",
    "/meetings/udcg-9/",
    "/pledges/",
    "/pledges.csv",
    "/deliveries/",
    "/deliveries.json",
    "/gap/",
    "/compare/",
    "/data/",
    "/releases/",
    "/releases/1/changes/",
]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
@pytest.mark.parametrize("path", PUBLIC)
def test_a_public_page_answers_other_methods_with_a_405_naming_get_and_head(client, db, path, method):
    # answered before any view runs, so no record is needed; and none is written
    before = (Pledge.objects.count(), LineItem.objects.count())
    response = client.generic(method, path, "donor=de", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.content == b""  # not the page
    assert (Pledge.objects.count(), LineItem.objects.count()) == before


@pytest.mark.parametrize("path", PUBLIC)
def test_a_public_page_answers_get_and_head(client, released_seed_record, path):
    assert client.get(path).status_code == 200
    response = client.head(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and body == b""


def test_post_still_reaches_the_admin(client, seed_record):
    # a wrong password: the login form again, with the error (not a 405)
    response = client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200 and b"correct username and password" in response.content


def test_a_post_without_a_csrf_token_is_a_405_on_a_public_page_before_the_csrf_check(seed_record):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/pledges/")
    assert response.status_code == 405


@pytest.mark.parametrize("path", ["/", "/pledges/", "/pledges.csv", "/gap/?preview=1", "/admin/login/", "/data/"])
def test_each_cache_control_directive_is_sent_once(client, admin_client, seed_record, path):
    for who in (client, admin_client):
        value = who.get(path).headers.get("Cache-Control", "")
        directives = [directive.strip().partition("=")[0] for directive in value.split(",") if directive.strip()]
        assert len(directives) == len(set(directives)), value

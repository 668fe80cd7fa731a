"""The public pages and exports read: GET and HEAD only, under a time limit (aidtracker/public_requests.py);
one Cache-Control."""

import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory

from aidtracker import public_requests
from pledges.figures import reads
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


# a statement that runs for many seconds on either engine: counting to 10^9
SLOW = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT count(*) FROM n"


@pytest.fixture
def slow_page(monkeypatch, settings):
    """Every page and export runs SLOW first (when it reads the date of the data), under a 0.2 s limit."""
    settings.PUBLIC_STATEMENT_TIMEOUT = 0.2
    record_status = reads.record_status

    def slow_record_status(preview=False):
        with connection.cursor() as cursor:
            cursor.execute(SLOW)
        return record_status(preview)

    monkeypatch.setattr(reads, "record_status", slow_record_status)


# transactional (categories_again): as in production, the stopped statement fails no transaction around it
@pytest.mark.parametrize("path", ["/gap/?donor=de", "/pledges/?q=tanks", "/gap.json?donor=de"])
def test_a_query_past_the_time_limit_is_stopped_and_answered_with_a_503_that_says_why(
    client, categories_again, slow_page, path
):
    call_command("loaddata", "reference", "seed_record", verbosity=0)
    before = (Pledge.objects.count(), LineItem.objects.count())
    started = time.monotonic()
    response = client.get(path)
    assert time.monotonic() - started < 5  # the count to 10^9 was stopped, not finished
    assert response.status_code == 503
    assert "more than 0.2 seconds of the database" in response.content.decode()
    assert (Pledge.objects.count(), LineItem.objects.count()) == before
    if connection.vendor == "postgresql":  # the limit ends with the request
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone() == ("0",)


def test_a_page_within_the_time_limit_is_answered(client, seed_record, settings):
    settings.PUBLIC_STATEMENT_TIMEOUT = 5
    assert client.get("/gap/", {"donor": "de"}).status_code == 200


def test_the_admin_has_no_time_limit(admin_client, seed_record, settings, monkeypatch):
    settings.PUBLIC_STATEMENT_TIMEOUT = 1e-9  # any limited statement would be stopped
    monkeypatch.setattr(public_requests, "SQLITE_CHECK_EVERY", 1)
    assert admin_client.get("/admin/pledges/pledge/").status_code == 200
    assert not public_requests.is_public_read(RequestFactory().get("/admin/pledges/pledge/"))
    assert public_requests.is_public_read(RequestFactory().head("/gap.csv"))
    assert not public_requests.is_public_read(RequestFactory().post("/gap/"))

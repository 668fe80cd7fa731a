"""Accounts: the admin login locks out password guessing for one username from one address, and
production cookies are secure."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

LOGIN = reverse("admin:login")


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.create_user("alice", password="the-right-password-42", is_staff=True)


def log_in(client, password, username="alice", **meta):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, **meta)


def test_the_right_password_logs_in(client, staff):
    response = log_in(client, "the-right-password-42")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_five_wrong_passwords_lock_the_account_out_from_that_address(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "guess").status_code == 200
    assert log_in(client, "guess").status_code == 429
    # locked: even the right password is refused now
    response = log_in(client, "the-right-password-42")
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_five_failures_for_a_name_from_one_address_do_not_lock_that_name_from_another(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "guess", REMOTE_ADDR="203.0.113.9")
    assert log_in(client, "the-right-password-42", REMOTE_ADDR="203.0.113.9").status_code == 429
    assert log_in(client, "the-right-password-42", REMOTE_ADDR="198.51.100.4").status_code == 302


def test_guessing_many_names_from_one_address_locks_out_no_one_else_there(client, staff):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "guess", username=f"someone-{number}")
    assert log_in(client, "the-right-password-42").status_code == 302


def test_without_trusted_proxies_a_forwarded_for_header_cannot_dodge_the_lockout(client, staff):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert log_in(client, "the-right-password-42", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_behind_a_trusted_proxy_each_visitor_has_their_own_address(client, staff, settings):
    settings.TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for number in range(settings.AXES_FAILURE_LIMIT):
        # what a visitor writes in the header themselves comes before what the proxy appended
        log_in(client, "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.9", **proxy)
    assert log_in(client, "the-right-password-42", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code == 429
    assert log_in(client, "the-right-password-42", HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy).status_code == 302


def test_the_lockout_is_lifted_by_axes_reset(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "guess")
    from django.core.management import call_command

    call_command("axes_reset", verbosity=0)
    assert log_in(client, "the-right-password-42").status_code == 302


def test_production_cookies_are_secure_and_hidden_from_scripts():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY)"
    )
    environment = {"DEBUG": "False", "SECRET_KEY": "s3cret", "ALLOWED_HOSTS": "x", "PATH": "/usr/bin:/bin"}
    environment["DJANGO_SETTINGS_MODULE"] = "aidtracker.settings"
    output = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR
    )
    assert output.stdout.split() == ["True", "True", "True", "True"], output.stderr

"""Accounts: the admin login locks out password guessing, and production cookies are secure."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

LOGIN = reverse("admin:login")


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.create_user("alice", password="the-right-password-42", is_staff=True)


def log_in(client, password, username="alice"):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def test_the_right_password_logs_in(client, staff):
    response = log_in(client, "the-right-password-42")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_five_wrong_passwords_lock_the_account_out(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "guess").status_code == 200
    assert log_in(client, "guess").status_code == 429
    # locked: even the right password is refused now
    response = log_in(client, "the-right-password-42")
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_guessing_from_one_address_locks_it_for_every_username(client, staff):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "guess", username=f"someone-{number}")
    assert log_in(client, "the-right-password-42").status_code == 429


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

"""Production safety: with DEBUG off the app will not start half-configured."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

START = "import django; django.setup(); print('started')"


def start(**env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")}
    environment.update(env, DJANGO_SETTINGS_MODULE="aidtracker.settings")
    return subprocess.run(
        [sys.executable, "-c", START], env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR
    )


def test_without_a_secret_key_the_app_refuses_to_start():
    result = start(DEBUG="False", ALLOWED_HOSTS="aid.example.org")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_without_allowed_hosts_the_app_refuses_to_start():
    result = start(DEBUG="False", SECRET_KEY="s3cret")
    assert result.returncode != 0 and "ALLOWED_HOSTS must be set" in result.stderr


@pytest.mark.parametrize("value", ["yes", "1", "true"])
def test_debug_accepts_only_true_or_false(value):
    result = start(DEBUG=value, SECRET_KEY="s3cret", ALLOWED_HOSTS="x")
    assert result.returncode != 0 and "DEBUG must be True or False" in result.stderr


def test_a_complete_production_configuration_starts():
    result = start(DEBUG="False", SECRET_KEY="s3cret", ALLOWED_HOSTS="aid.example.org")
    assert result.stdout.strip() == "started", result.stderr


@pytest.mark.parametrize("value", ["-1", "one", "1.5"])
def test_trusted_proxies_accepts_only_a_whole_number(value):
    result = start(DEBUG="False", SECRET_KEY="s3cret", ALLOWED_HOSTS="x", TRUSTED_PROXIES=value)
    assert result.returncode != 0 and "TRUSTED_PROXIES must be a whole number" in result.stderr

"""Production serving: Django's deployment checks pass with the production environment, static files
are hashed and compressed, and public reads go to the replica when one is configured."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory

from aidtracker import routers

PRODUCTION = {
    "DEBUG": "False",
    "SECRET_KEY": "a-production-secret-of-more-than-fifty-characters-0123456789-xyz",
    "ALLOWED_HOSTS": "aid.example.org",
    "HTTPS": "True",
    "TRUST_X_FORWARDED_PROTO": "True",
    "DATABASE_URL": "postgres://aidtracker@db.example.org:5432/aidtracker",
    "REDIS_URL": "redis://cache.example.org:6379/0",
    "REPLICA_DATABASE_URL": "postgres://aidtracker@replica.example.org:5432/aidtracker",
}


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR
    )


def test_check_deploy_is_clean_under_production_settings():
    # --fail-level WARNING: any deployment warning fails the command
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_settings_use_whitenoise_redis_and_the_replica_router():
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.STORAGES['staticfiles']['BACKEND']); print(s.CACHES['default']['BACKEND']);"
        "print(s.DATABASE_ROUTERS); print(s.DATABASES['replica']['HOST']); print(s.SECURE_HSTS_SECONDS)"
    )
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION}
    environment.update(PRODUCTION, DJANGO_SETTINGS_MODULE="aidtracker.settings")
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR
    )
    assert result.stdout.split("\n")[:5] == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "django.core.cache.backends.redis.RedisCache",
        "['aidtracker.routers.ReplicaRouter']",
        "replica.example.org",
        "31536000",
    ], result.stderr


def test_collectstatic_writes_hashed_compressed_files(tmp_path):
    env = {**PRODUCTION, "STATIC_ROOT": str(tmp_path), "DATABASE_URL": "sqlite:///:memory:"}
    result = manage("collectstatic", "--noinput", **env)
    assert result.returncode == 0, result.stderr
    names = {path.name for path in tmp_path.rglob("aidtracker.*.css*")}
    assert any(name.endswith(".css.gz") for name in names), names
    assert (tmp_path / "staticfiles.json").exists()


@pytest.fixture
def replica_configured(monkeypatch):
    monkeypatch.setattr(routers, "replica_configured", lambda: True)


@pytest.mark.parametrize(
    ("method", "path", "database"),
    [
        ("get", "/", "replica"),
        ("get", "/pledges.csv", "replica"),
        ("get", "/admin/", "default"),
        ("post", "/", "default"),
    ],
)
def test_public_reads_go_to_the_replica_and_everything_else_to_the_primary(replica_configured, method, path, database):
    seen = {}

    def view(request):
        seen["read"] = routers.ReplicaRouter().db_for_read(None)
        seen["write"] = routers.ReplicaRouter().db_for_write(None)

    routers.public_reads_middleware(view)(getattr(RequestFactory(), method)(path))

    assert seen == {"read": database, "write": "default"}
    assert routers.ReplicaRouter().db_for_read(None) == "default"  # outside a request
    assert routers.ReplicaRouter().allow_migrate("replica", "pledges") is False


POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


@pytest.mark.parametrize(
    "path", ["/", "/pledges/?donor=de", "/pledges.csv", "/data/", "/admin/login/", "/no-such-page/"]
)
def test_every_response_carries_the_content_security_policy_and_the_other_security_headers(client, seed_record, path):
    response = client.get(path)
    assert response.headers["Content-Security-Policy"] == POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"

import os
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# The fuzz tests' budget: 50 random query strings per page or export in the suite (about 1,300 requests in
# all; a third to a half of the values are picked from TRICKY_VALUES), and 500 with HYPOTHESIS_PROFILE=thorough. The
# examples of a test share its database (the seed record), hence the function-scoped fixture check is off.
hypothesis_settings.register_profile(
    "suite", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
hypothesis_settings.register_profile("thorough", parent=hypothesis_settings.get_profile("suite"), max_examples=500)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Pages render without `collectstatic`: the hashed-name manifest storage of production needs it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Users made by tests hash their password with MD5: PBKDF2's deliberate slowness cost each created user ~0.3 s."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the summaries' reads, sessions (pledges/figures/cache.py)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """One transaction around a whole module, rolled back after its last test: what a module-scoped fixture
    builds in it (an imported tracker) is built once for the module's tests (once per xdist worker that runs
    some), and each test (asking for `db`) runs in a savepoint that rolls its own changes back. Not for a
    module with transactional tests: they would flush it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def seed_record_once(request):
    """In a module marked `seed_record_once`, the seed record loaded once, in the module's transaction: every
    test of it that asks for the record sees it, and each test's own writes roll back with the test. Loading it
    for each test cost 0.3 to 0.7 s a test."""
    if request.node.get_closest_marker("seed_record_once") is None:
        return False
    request.getfixturevalue("module_transaction")
    _load_seed_record()
    return True


@pytest.fixture
def seed_record(seed_record_once, db):
    """The record built from the five seed articles, as `make run` loads it: for this test, unless its module
    loaded it once."""
    if not seed_record_once:
        _load_seed_record()


def _load_seed_record():
    call_command("loaddata", "reference", "seed_record", verbosity=0)
    _refresh_summaries()


@pytest.fixture
def released_seed_record(seed_record):
    """The seed record and release 1 of it, so ?release=1 and /releases/1/changes/ have something to read."""
    import datetime

    from pledges import releases

    releases.cut(None, datetime.date(2023, 12, 31))


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", password="editor-password-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def member_of(db, django_user_model):
    """A staff user in one of the groups (Editor, Reviewer, Analyst): member_of("Reviewer")."""
    from django.contrib.auth.models import Group

    def make(group):
        user = django_user_model.objects.create_user(
            f"{group.lower()}-user", password="a-long-password-123", is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture(params=["seed record", "ten times the seed record"])
def record(request, seed_record):
    """For the query-count tests: the seed record, then again with ten times more data."""
    if request.param != "seed record":
        from . import records

        records.grow(10)
    _refresh_summaries()
    return request.param


def _refresh_summaries():
    """Bring the dashboards' summaries up to date as a commit would (tests never commit), so that the
    queries a page makes are counted without the refresh (pledges/figures/upkeep.py)."""
    from pledges.figures import upkeep

    upkeep.flush_pending()


@pytest.fixture
def categories_again(transactional_db):
    """The categories of data migration 0003 back, for a transactional test: the flush after each one empties them."""
    import_module("pledges.migrations.0003_categories").add_categories(django_apps, None)

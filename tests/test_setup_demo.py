import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from pledges.models import Pledge
from tests import factories


def test_the_demo_loads_the_seed_record_and_an_editor_account(db, settings, capsys):
    settings.DEBUG = True
    call_command("setup_demo")
    assert Pledge.objects.count() == 7
    # django-axes counts failed logins per request, so authenticating needs one
    editor = authenticate(RequestFactory().post("/admin/login/"), username="editor", password="aidtracker-demo")
    assert editor.is_staff and editor.has_perm("pledges.change_pledge")
    assert not editor.has_perm("pledges.review_pledge")
    reviewer = authenticate(RequestFactory().post("/admin/login/"), username="reviewer", password="aidtracker-demo")
    assert reviewer.has_perm("pledges.review_pledge") and reviewer.has_perm("pledges.add_release")
    assert "password aidtracker-demo" in capsys.readouterr().out


def test_the_demo_never_overwrites_an_existing_record(db, settings):
    settings.DEBUG = True
    call_command("setup_demo")
    Pledge.objects.filter(donor__code="US").update(title="Corrected by an editor")
    call_command("setup_demo")
    assert Pledge.objects.get(donor__code="US").title == "Corrected by an editor"


def test_the_demo_account_is_never_made_in_production(db, settings):
    settings.DEBUG = False
    factories.donor("DE")
    with pytest.raises(CommandError, match="DEBUG=True"):
        call_command("setup_demo")
    assert not Pledge.objects.exists()

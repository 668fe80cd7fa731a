"""The import pages of the admin: upload with a dry run first, the run log, the datasets."""

import hashlib

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from pledges.importers.runs import dataset_for
from pledges.models import ImportRun, LineItem

from .research_data import ORYX
from .stored_rows import dump

UPLOAD = "admin:pledges_importrun_upload"


@pytest.fixture
def reference(db):
    call_command("loaddata", "reference", verbosity=0)


def upload(client, data=None, **fields):
    fields.setdefault("format", "oryx")
    fields.setdefault("as_of", "2025-03-01")
    fields["file"] = SimpleUploadedFile("oryx.csv", data or ORYX.read_bytes(), content_type="text/csv")
    return client.post(reverse(UPLOAD), {key: value for key, value in fields.items() if value is not None})


def test_a_dry_run_shows_what_would_be_added_and_saves_nothing(editor_client, reference):
    response = upload(editor_client, dry_run="on")
    html = response.content.decode()
    run = ImportRun.objects.get()
    assert response.status_code == 200
    assert "Dry run: nothing was saved" in html
    assert f'<td id="rows-added">{run.rows_added}</td>' in html and run.rows_added > 0
    assert run.status == "dry_run" and run.user.username == "editor"
    assert not LineItem.objects.exists()
    assert f'value="{run.file_sha256}"' in html  # the confirm form accepts only this file


def test_importing_after_the_dry_run_saves_then_a_repeat_changes_nothing(editor_client, reference):
    upload(editor_client, dry_run="on")
    checked = ImportRun.objects.get()
    response = upload(editor_client, expected_sha256=checked.file_sha256)
    assert "Imported" in response.content.decode()
    assert LineItem.objects.count() == checked.rows_added
    upload(editor_client, dry_run="on")
    repeat = ImportRun.objects.order_by("-started_at").first()
    assert (repeat.rows_added, repeat.rows_changed, repeat.rows_unchanged) == (0, 0, checked.rows_added)


def test_only_the_checked_file_can_be_imported(editor_client, reference):
    response = upload(editor_client, expected_sha256=hashlib.sha256(b"another file").hexdigest())
    assert "This is not the file the dry run checked" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_wrong_file_fails_with_its_columns_named(editor_client, reference):
    response = upload(editor_client, data=b"a,b\n1,2\n", format="kiel", as_of=None)
    html = response.content.decode()
    assert "Failed: nothing was saved" in html
    assert "missing columns &#x27;ID&#x27;, &#x27;Countries&#x27;" in html
    assert ImportRun.objects.get().status == "failed"


def test_analysts_cannot_import(client, django_user_model, reference):
    analyst = django_user_model.objects.create_user("analyst", password="analyst-password-123", is_staff=True)
    analyst.groups.add(Group.objects.get(name="Analyst"))
    client.force_login(analyst)
    assert client.get(reverse(UPLOAD)).status_code == 403
    assert client.get(reverse("admin:pledges_importrun_changelist")).status_code == 200


def test_the_run_log_lists_counts_and_warnings_with_line_numbers(editor_client, reference):
    upload(editor_client, dry_run="on")
    run = ImportRun.objects.get()
    listing = editor_client.get(reverse("admin:pledges_importrun_changelist")).content.decode()
    assert "oryx.csv" in listing and "Import a file" in listing
    detail = editor_client.get(reverse("admin:pledges_importrun_change", args=[run.pk])).content.decode()
    line = next(w["line"] for w in run.warnings if w["line"])
    assert f"<td>{line}</td>" in detail


def test_editors_extend_the_system_aliases(editor_client, reference):
    response = editor_client.get(reverse("admin:pledges_systemalias_changelist"), {"q": "abrams"})
    assert response.status_code == 200 and "M-1A1 Abrams" in response.content.decode()
    assert editor_client.get(reverse("admin:pledges_systemalias_add")).status_code == 200
    assert editor_client.get(reverse("admin:pledges_dataset_changelist")).status_code == 200


def test_an_alias_already_mapped_is_refused_beside_the_field(editor_client, reference):
    from pledges.models import System

    response = editor_client.post(
        reverse("admin:pledges_systemalias_add"),
        {"name": "M-1A1  abrams", "format": "", "system": System.objects.get(name="M1 Abrams").pk},
    )
    assert response.status_code == 200
    assert "is already mapped (as &#x27;M-1A1 Abrams&#x27;)" in response.content.decode()


def test_a_binary_file_is_refused_with_a_message(editor_client, reference):
    response = upload(editor_client, data=b"\x00\x01garbage\x00", dry_run="on")
    assert response.status_code == 200
    run = ImportRun.objects.get()
    assert run.status == "failed" and "it is cut off. Nothing was imported." in response.content.decode()
    assert not LineItem.objects.exists()


def test_a_file_with_a_bad_row_is_refused_listing_it_unless_the_skip_box_is_ticked(editor_client, reference):
    lines = ORYX.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if ",Leopard 2A6,Tanks,Germany," in line)
    lines[number] = lines[number].replace(",UA,18,", ",UA,many,", 1)
    data = "".join(lines).encode()
    dataset_for("oryx")
    before = dump()
    html = upload(editor_client, data=data).content.decode()
    assert "Failed: nothing was saved" in html
    assert f"line {number + 1}, column &#x27;count&#x27;: &#x27;many&#x27; is not a whole number" in html
    assert dump() == before
    assert 'name="skip_bad_rows"' in html and 'name="allow_removals"' in html and 'name="encoding"' in html
    html = upload(editor_client, data=data, skip_bad_rows="on").content.decode()
    run = ImportRun.objects.order_by("-started_at").first()
    assert run.status == "ok" and run.rows_skipped >= 1 and "Imported" in html
    assert not LineItem.objects.filter(citations__quote__contains=f", line {number + 1},").exists()

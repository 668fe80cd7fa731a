"""The admin's EUR preview (/eur-preview.json): the conversion a line item gets when saved, before it is."""

import datetime

from django.urls import reverse

from pledges.models import LineItem

from . import factories

URL = reverse("pledges:eur-preview")


def test_the_preview_is_the_value_the_line_item_gets_when_saved(editor_client, db):
    answer = editor_client.get(URL, {"value": "30000000", "currency": "CAD", "date": "2023-04-21"}).json()
    pledge = factories.pledge(factories.donor("CA", "Canada"), date=datetime.date(2023, 4, 21))
    saved = factories.line_item(pledge, quantity=21000, value_reported="30000000", currency="CAD")
    assert answer["value_eur"] == str(saved.value_eur)
    assert answer["text"].startswith(f"€{saved.value_eur:,.0f} at {saved.eur_rate} EUR per CAD (ECB, ")


def test_a_currency_without_an_ecb_rate_previews_as_unknown_with_the_reason(editor_client, db):
    answer = editor_client.get(URL, {"value": "1000", "currency": "UAH", "date": "2023-04-21"}).json()
    assert answer == {"value_eur": None, "text": "unknown: the ECB publishes no reference rate for UAH"}


def test_bad_input_is_a_400_naming_each_parameter_and_nothing_is_stored(editor_client, db):
    response = editor_client.get(URL, {"value": "-5", "currency": "XYZ", "date": "21/04/2023"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"value", "currency", "date"}
    assert not LineItem.objects.exists()


def test_only_editors_signed_in_to_the_admin_get_a_preview(client, db):
    response = client.get(URL, {"value": "1000", "currency": "EUR", "date": "2023-04-21"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_pledge_form_loads_the_preview_script(editor_client, db):
    page = editor_client.get(reverse("admin:pledges_pledge_add")).content.decode()
    assert f'src="/static/js/eur_preview.js" data-endpoint="{URL}"' in page


def test_a_pledge_without_a_date_is_previewed_at_its_meetings_first_day(editor_client, db):
    ramstein = factories.meeting(11, datetime.date(2023, 4, 21))
    by_meeting = editor_client.get(URL, {"value": "30000000", "currency": "CAD", "meeting": ramstein.pk}).json()
    by_date = editor_client.get(URL, {"value": "30000000", "currency": "CAD", "date": "2023-04-21"}).json()
    assert by_meeting == by_date and by_meeting["value_eur"] == "20189783.97"
    neither = editor_client.get(URL, {"value": "30000000", "currency": "CAD", "date": "", "meeting": ""})
    assert neither.status_code == 400 and "date" in neither.json()["errors"]

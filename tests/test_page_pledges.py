import datetime
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from pledges.models import DonorGroup, LineItem

from . import factories

URL = reverse("pledges:line-item-list")


def chart_data(response, chart_id):
    html = response.content.decode()
    marker = f'<script id="{chart_id}-data" type="application/json">'
    start = html.index(marker) + len(marker)
    return json.loads(html[start : html.index("</script>", start)])


def test_pledges_page_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1-5 the donor, donor group, category, system and meeting choices, 6 row count, 7 the page of rows,
    # 8 the line items' sources, 9 the pledges' sources, 10 totals, 11 by category, 12 by month, 13 "data as of",
    # 14 the record's version (pledges/figures/cache.py)
    with django_assert_max_num_queries(14):
        response = client.get(URL, {"donor": ["de", "us"], "sort": "-value", "date_after": "2022-01-01"})
    assert response.status_code == 200


def test_the_unfiltered_pledges_page_makes_as_few_queries_however_much_data(
    client, record, django_assert_max_num_queries
):
    # 1-5 the filter choices, 6 totals (the summary cells; their count is the pager's), 7 the page of rows,
    # 8-9 their sources, 10 by category, 11 by month, 12 "data as of", 13 the record's version (summary_cache)
    with django_assert_max_num_queries(13):
        response = client.get(URL)
    assert response.context["page"].paginator.count == LineItem.objects.public().editorial().count() > 0


@pytest.fixture
def two_donors(db):
    germany, poland = factories.donor("DE"), factories.donor("PL")
    nato = DonorGroup.objects.create(slug="nato", name="NATO members")
    eu = DonorGroup.objects.create(slug="eu", name="EU members")
    germany.groups.add(nato, eu)
    poland.groups.add(nato)
    tanks = factories.line_item(
        factories.pledge(germany, date=datetime.date(2023, 1, 25)), quantity=14, value_reported="140000000"
    )
    factories.delivery(tanks, quantity=14, date=datetime.date(2023, 3, 27))
    factories.line_item(
        factories.pledge(poland, date=datetime.date(2023, 2, 24)),
        quantity=None,
        category_slug="ammunition",
        description="155 mm shells",
    )
    return germany, poland


def test_filters_by_donor_in_the_query_string(client, two_donors):
    response = client.get(URL, {"donor": "pl"})
    assert [item.pledge.donor.code for item in response.context["page"].object_list] == ["PL"]


def test_a_donor_in_two_chosen_groups_is_counted_once(client, two_donors):
    response = client.get(URL, {"donor_group": ["nato", "eu"]})
    assert response.context["totals"]["line_items"] == 2
    assert response.context["totals"]["value_pledged"] == Decimal("140000000.00")
    assert response.context["page"].paginator.count == 2


def test_filters_by_status_category_date_value_and_text(client, two_donors):
    def codes(**query):
        return [item.pledge.donor.code for item in client.get(URL, query).context["page"].object_list]

    assert codes(status="delivered") == ["DE"]
    assert codes(category="ammunition") == ["PL"]
    assert codes(date_after="2023-02-01") == ["PL"]
    assert codes(date_before="2023-02-01") == ["DE"]
    assert codes(value_min="1000") == ["DE"]
    assert codes(value_max="1000") == []
    assert codes(q="155 shells") == ["PL"]
    assert codes(q="germany") == ["DE"]


def test_charts_follow_the_filters(client, two_donors):
    everything = client.get(URL)
    poland = client.get(URL, {"donor": "pl"})
    # a category without any figure is in the table, not drawn as an empty bar
    assert chart_data(everything, "pledges-categories")["labels"] == ["Tanks"]
    assert everything.context["by_category"].labels == ["Tanks", "Ammunition"]
    # Poland's only line item has no value: no canvas, one sentence saying why
    assert 'id="pledges-categories"' not in poland.content.decode()
    assert "No figures to chart: 1 line item without a value in EUR." in poland.content.decode()


def test_an_invalid_filter_is_shown_beside_its_field_and_the_page_still_renders(client, two_donors):
    response = client.get(URL, {"date_after": "2023-13-45", "donor": "atlantis", "page": "-1", "value_min": "-5"})
    assert response.status_code == 200
    errors = response.context["filterset"].errors
    assert set(errors) == {"date", "donor", "value_min"}
    page = response.content.decode()
    assert 'id="id_donor-error"' in page
    assert "Select a valid choice. atlantis is not one of the available choices." in page
    assert "Page: “-1” is not a whole number: give one from 1 to 2147483647." in page
    # the invalid filters are left out; the valid ones (none here) still apply
    assert response.context["page"].paginator.count == 2


def test_sorting_puts_unknown_values_last_either_way(client, two_donors):
    for sort in ("value", "-value"):
        items = client.get(URL, {"sort": sort}).context["page"].object_list
        assert items[-1].value_eur is None


def test_pages_of_fifty_keep_the_filters_in_their_links(client, db):
    pledge = factories.pledge(factories.donor("DE"))
    LineItem.objects.bulk_create(
        LineItem(pledge=pledge, category=factories.category(), quantity=1 + n, publication="published")
        for n in range(60)
    )
    call_command("rebuild_summaries")  # a bulk load's figures, as after generate_demo_data
    response = client.get(URL, {"donor": "de", "page": "2"})
    assert len(response.context["page"].object_list) == 10
    assert "?donor=de&amp;page=1" in response.content.decode()


def test_each_row_links_its_sources_and_shows_unknowns_as_unknown(client, seed_record):
    page = client.get(URL).content.decode()
    assert "AidTracker seed archive, file 003_7a5daf0824b05627.txt" in page
    assert '<span class="unknown">unknown</span>' in page


def test_list_filters_are_checkboxes_that_keep_their_choices_in_the_address(client, two_donors):
    page = client.get(URL, {"donor": ["pl", "de"], "status": "announced"}).content.decode()
    # ticking needs no Ctrl-click and no script; each ticked box is one ?donor=… of the address
    assert 'type="checkbox" name="donor" value="pl"' in page
    assert 'type="checkbox" name="donor" value="de"' in page
    assert 'name="donor" value="pl" id="id_donor_' in page
    assert '<select name="donor"' not in page
    assert 'Donor <span class="muted">(2 chosen)</span>' in page
    assert page.count(" checked>") == 3  # two donors and one status, ticked as the address says


def test_the_filters_checkboxes_are_djangos_markup_without_its_per_option_template():
    import re

    from django import forms

    from pledges.filters import Checkboxes

    choices = [("de", "Germany"), ("pl", "Poland & <co>"), ("us", "United States")]
    # ticked choices already first: Django's order and ours are the same
    ours = Checkboxes(choices=choices).render("donor", ["de", "pl"], attrs={"id": "id_donor"})
    djangos = forms.CheckboxSelectMultiple(choices=choices).render("donor", ["de", "pl"], attrs={"id": "id_donor"})
    assert re.sub(r">\s+", ">", str(ours)) == re.sub(r">\s+", ">", str(djangos))
    assert 'value="pl" id="id_donor_1" checked> Poland &amp; &lt;co&gt;' in ours


def test_ticked_choices_are_listed_first_so_they_are_in_sight_in_a_long_list(client, two_donors):
    import re

    page = client.get(URL, {"donor": "pl"}).content.decode()
    donors = re.findall(r'name="donor" value="(\w+)" id="(id_donor_\d+)"', page)
    # Poland comes after Germany by name, but is ticked; it keeps the id of its place in the list
    assert donors[0] == ("pl", "id_donor_1") and ("de", "id_donor_0") in donors
    assert 'for="id_donor_1"><input type="checkbox" name="donor" value="pl" id="id_donor_1" checked>' in page


def test_a_selection_without_line_items_says_so_instead_of_unknown_figures(client, two_donors):
    page = client.get(URL, {"donor": "de", "category": "funding"}).content.decode()
    assert "No line items here match these filters" in page
    assert "Pledged value" not in page

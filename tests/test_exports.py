"""Exports: every list and chart page as CSV and JSON, with the page's filters, safe to open."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from pledges import exports
from pledges.models import Delivery, Donor, LineItem
from tests import factories

DELIVERIES_CSV = (
    "delivery_id,line_item_id,pledge_id,donor_code,donor_name,category_slug,category_name,system_slug,system_name,"
    "delivered_on,delivered_precision,quantity,quantity_uncertain,pledged_on,line_item_quantity,line_item_status,"
    "notes,dataset,source_urls,publication\r\n"
    "3,9,6,US,United States,air-defence,Air defence,patriot,Patriot,2023-04-21,on_or_before,,false,2023-04-21,,"
    'partially_delivered,The first systems arrived; the number is not stated.,,"AidTracker seed archive, file '
    '003_7a5daf0824b05627.txt",published\r\n'
    "2,7,4,PL,Poland,fighter-jets,Fighter jets,mig-29,MiG-29,2023-04-21,on_or_before,,false,2023-04-21,,"
    'partially_delivered,First deliveries reported; the number is not stated.,,"AidTracker seed archive, file '
    '003_7a5daf0824b05627.txt",published\r\n'
    "1,6,3,SK,Slovakia,fighter-jets,Fighter jets,mig-29,MiG-29,2023-04-21,on_or_before,,false,2023-04-21,,"
    'partially_delivered,First deliveries reported; the number is not stated.,,"AidTracker seed archive, file '
    '003_7a5daf0824b05627.txt",published\r\n'
    "5,11,8,DE,Germany,tanks,Tanks,,,2023-03-01,month,,false,2023-03-31,,partially_delivered,"
    'Supplied since the end of March 2023.,,"AidTracker seed archive, file 003_7a5daf0824b05627.txt",published\r\n'
    "4,10,7,GB,United Kingdom,tanks,Tanks,,,2023-03-01,month,,false,2023-03-31,,partially_delivered,"
    'Supplied since the end of March 2023.,,"AidTracker seed archive, file 003_7a5daf0824b05627.txt",published\r\n'
)

LINE_ITEMS_HEADER = (
    "line_item_id,pledge_id,pledge_title,donor_code,donor_name,announced_on,announced_precision,meeting_slug,"
    "meeting_name,category_slug,category_name,system_slug,system_name,description,quantity,quantity_uncertain,unit,"
    "quantity_delivered,delivery_count,status,value_reported,currency,value_basis,value_eur,eur_rate,eur_rate_date,"
    "value_eur_delivered,funding_mode,co_funder_codes,dataset,import_flag,source_urls,publication"
)
SEED_SOURCE = '"AidTracker seed archive, file 003_7a5daf0824b05627.txt"'
# the repair centre: one of a kind, no value, co-funded by Poland; the tanks: delivered, in numbers no source states
GERMAN_ROWS = (
    "8,5,Joint repair centre for Leopard 2 tanks in Poland,DE,Germany,2023-04-21,day,udcg-11,"
    "11th Ukraine Defense Contact Group,maintenance,Maintenance and repair,,,"
    "Joint repair centre in Poland for Ukraine's whole Leopard 2 fleet,1,false,repair centre,0,0,committed,,,unknown,"
    f",,,,joint,PL,,,{SEED_SOURCE},published\r\n"
    "11,8,Heavy tanks,DE,Germany,2023-03-31,on_or_before,,,tanks,Tanks,,,Heavy tanks,,false,units,0,1,"
    f"partially_delivered,,,unknown,,,,,unknown,,,,{SEED_SOURCE},published\r\n"
)


def download(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body.decode("utf-8")


def url(name, format_="csv", *args):
    return reverse(f"pledges:{name}-export", args=[*args, format_])


def test_the_deliveries_of_the_seed_record_as_exact_csv_bytes(client, seed_record):
    response, text = download(client, url("delivery-list"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="aidtracker-deliveries.csv"'
    assert text == DELIVERIES_CSV


def test_germanys_line_items_as_exact_csv_bytes(client, seed_record):
    _, text = download(client, url("line-item-list"), donor="de")
    assert text == LINE_ITEMS_HEADER + "\r\n" + GERMAN_ROWS


def test_a_byte_order_mark_on_request(client, seed_record):
    response = client.get(url("line-item-list"), {"bom": "1"})
    assert b"".join(response.streaming_content).startswith(b"\xef\xbb\xbfline_item_id,")


def test_every_line_item_reads_back_equal_from_csv_and_json(client, seed_record):
    _, text = download(client, url("line-item-list"))
    from_csv = {int(row["line_item_id"]): row for row in csv.DictReader(io.StringIO(text))}
    _, body = download(client, url("line-item-list", "json"), _all="1")
    from_json = {row["line_item_id"]: row for row in json.loads(body, parse_float=Decimal)["rows"]}
    items = LineItem.objects.select_related("pledge__donor", "category", "system")
    assert set(from_csv) == set(from_json) == {item.pk for item in items}
    for item in items:
        as_csv, as_json = from_csv[item.pk], from_json[item.pk]
        assert as_csv["donor_code"] == as_json["donor_code"] == item.pledge.donor.code
        assert as_csv["status"] == as_json["status"] == item.status
        assert as_csv["quantity"] == ("" if item.quantity is None else str(item.quantity))
        assert as_json["quantity"] == item.quantity
        assert (Decimal(as_csv["value_eur"]) if as_csv["value_eur"] else None) == item.value_eur
        assert as_json["value_eur"] == item.value_eur
        assert as_json["announced_on"] == item.pledge.date.isoformat()
        for source in [*item.pledge.sources.all(), *item.sources.all()]:
            assert source.archive_ref in as_csv["source_urls"]
        assert as_csv["source_urls"] == as_json["source_urls"]


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_a_text_cell_that_could_run_as_a_formula_is_neutralised(client, db, text):
    item = factories.line_item(quantity=5, description=text)
    factories.delivery(item, quantity=2, notes=text)
    _, items_csv = download(client, url("line-item-list"))
    row = next(csv.DictReader(io.StringIO(items_csv)))
    assert row["description"] == "'" + text
    assert row["quantity"] == "5" and row["quantity_delivered"] == "2"
    _, deliveries_csv = download(client, url("delivery-list"))
    assert next(csv.DictReader(io.StringIO(deliveries_csv)))["notes"] == "'" + text


def test_exports_keep_the_pages_filters(client, seed_record):
    _, text = download(client, url("line-item-list"), donor=["de", "pl"], category="tanks")
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = LineItem.objects.filter(pledge__donor__code__in=["DE", "PL"], category__slug="tanks")
    assert sorted(int(row["line_item_id"]) for row in rows) == sorted(expected.values_list("pk", flat=True))
    assert {row["donor_code"] for row in rows} == {"DE"}
    _, body = download(client, url("delivery-list", "json"), system="mig-29")
    data = json.loads(body)
    assert data["meta"]["filters"] == {"system": ["mig-29"]}
    assert sorted(row["donor_code"] for row in data["rows"]) == ["PL", "SK"]
    assert data["meta"]["row_count"] == Delivery.objects.filter(line_item__system__slug="mig-29").count() == 2


@pytest.mark.parametrize("name", ["gap", "line-item-list"])
def test_parameters_an_export_does_not_read_are_left_out_of_its_meta(client, seed_record, name):
    data = client.get(url(name, "json"), {"utm_source": "newsletter", "category": "tanks"}).json()
    assert data["meta"]["filters"] == {"category": ["tanks"]}
    assert "utm_source" not in json.dumps(data)


def test_an_invalid_filter_is_a_400_naming_the_parameter_in_csv(client, seed_record):
    response = client.get(url("line-item-list"), {"date_after": "2023-13-45"})
    assert response.status_code == 400
    assert response.content.decode() == "parameter,problem\r\ndate_after,Enter a valid date.\r\n"


def test_an_invalid_filter_is_a_400_naming_the_parameter_in_json(client, seed_record):
    response = client.get(url("delivery-list", "json"), {"donor": "atlantis"})
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {"parameter": "donor", "problem": "Select a valid choice. atlantis is not one of the available choices."}
        ]
    }


@pytest.mark.parametrize("path", ["/pledges.xml", "/pledges.csvx", "/donors.txt", "/overview.xlsx"])
def test_an_unknown_format_is_a_404(client, seed_record, path):
    assert client.get(path).status_code == 404


def test_a_negative_json_page_is_a_400(client, seed_record):
    response = client.get(url("line-item-list", "json"), {"page": "-1"})
    assert response.status_code == 400 and response.json()["errors"][0]["parameter"] == "page"


@pytest.fixture
def many_line_items(db):
    pledge = factories.pledge()
    tanks = factories.category("tanks")
    count = exports.CHUNK + 150
    LineItem.objects.bulk_create(
        [LineItem(pledge=pledge, category=tanks, quantity=n + 1, publication="published") for n in range(count)]
    )
    return count


def test_a_large_export_is_streamed_whole_in_chunks(client, many_line_items, django_assert_max_num_queries):
    # filter choices (5), the rows (1 cursor), then per chunk of rows: sources (2) and co-funders (1)
    with django_assert_max_num_queries(5 + 1 + 3 * 2):
        response = client.get(url("line-item-list"))
        text = b"".join(response.streaming_content).decode()
    assert response.streaming
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == many_line_items
    assert sum(int(row["quantity"]) for row in rows) == many_line_items * (many_line_items + 1) // 2


def test_json_pages_link_the_next_page_and_all_rows_stream_at_once(client, many_line_items):
    first = client.get(url("line-item-list", "json")).json()
    assert first["meta"]["row_count"] == many_line_items
    assert len(first["rows"]) == first["meta"]["page_size"]
    seen = [row["line_item_id"] for row in first["rows"]]
    next_url = first["meta"]["next"]
    while next_url:
        page = client.get(next_url).json()
        seen += [row["line_item_id"] for row in page["rows"]]
        next_url = page["meta"]["next"]
    assert sorted(seen) == sorted(LineItem.objects.values_list("pk", flat=True))
    _, body = download(client, url("line-item-list", "json"), _all="1")
    assert len(json.loads(body)["rows"]) == many_line_items


def test_the_data_page_cites_the_record_with_a_human_date(client, seed_record):
    page = client.get(reverse("pledges:data")).content.decode()
    assert "pledges and deliveries. Data as of 21 Nov 2026. http://testserver/" in page


def test_json_carries_how_to_cite_and_the_data_date(client, seed_record):
    meta = client.get(url("line-item-list", "json"), {"category": "tanks"}).json()["meta"]
    assert meta["data_as_of"].startswith("2026-11-21")
    assert meta["cite"].endswith("/pledges.json?category=tanks")
    assert "Data as of 2026-11-21" in meta["cite"]
    assert meta["data_dictionary"].endswith("/data/#line_items")


def test_the_series_behind_the_overview_charts(client, seed_record):
    shells = {"category_slug": "ammunition", "value_reported": "30000000", "currency": "CAD"}
    canada = factories.line_item(factories.pledge(Donor.objects.get(code="CA")), quantity=21000, **shells)
    _, text = download(client, url("overview"))
    rows = list(csv.DictReader(io.StringIO(text)))
    cumulative = [row for row in rows if row["chart_id"] == "overview-monthly" and row["series"].startswith("Pledged")]
    assert Decimal(cumulative[-1]["value"]) == canada.value_eur
    tanks = [row for row in rows if row["chart_id"] == "overview-categories" and row["label"] == "Tanks"]
    assert {row["value"] for row in tanks} == {""}  # no value is known for any tank: unknown, not zero


def test_the_donor_totals_export(client, seed_record):
    canada = factories.line_item(
        factories.pledge(Donor.objects.get(code="CA")), value_reported="30000000", currency="CAD"
    )
    _, text = download(client, url("donor-list"))
    rows = {row["donor_code"]: row for row in csv.DictReader(io.StringIO(text))}
    assert Decimal(rows["CA"]["value_pledged_eur"]) == canada.value_eur
    assert rows["UDCG"]["line_items"] == "3" and rows["UDCG"]["items_without_quantity"] == "3"


PAGES = [
    ("overview", ()),
    ("donor-list", ()),
    ("donor-detail", ("de",)),
    ("category-detail", ("tanks",)),
    ("system-detail", ("mig-29",)),
    ("meeting-list", ()),
    ("meeting-detail", ("udcg-11",)),
    ("line-item-list", ()),
    ("delivery-list", ()),
    ("gap", ()),
    ("compare", ()),
]


@pytest.mark.parametrize("name, args", PAGES)
def test_every_page_links_its_csv_and_json_and_they_answer(client, seed_record, name, args):
    page = client.get(reverse(f"pledges:{name}", args=args)).content.decode()
    for format_ in ("csv", "json"):
        link = reverse(f"pledges:{name}-export", args=[*args, format_])
        assert f'href="{link}' in page
        response = client.get(link)
        assert response.status_code == 200


def test_the_data_dictionary_lists_exactly_the_columns_written(client, seed_record):
    page = client.get(reverse("pledges:data")).content.decode()
    documented = {}
    for section in page.split('<h3 id="')[1:]:
        name = section.split('"', 1)[0]
        documented[name] = re.findall(r"<tr><td><code>(\w+)</code></td>", section)
    written = {
        "line_items": url("line-item-list"),
        "deliveries": url("delivery-list"),
        "donor_totals": url("donor-list"),
        "meeting_totals": url("meeting-list"),
        "comparison": url("compare"),
        "chart_series": url("overview"),
    }
    assert set(documented) == set(written)
    for name, address in written.items():
        _, text = download(client, address)
        assert documented[name] == text.splitlines()[0].split(","), name


def test_a_retracted_line_item_stays_in_the_export_as_retracted(client, seed_record):
    from pledges import review

    item = LineItem.objects.get(pledge__donor__code="DE", category__slug="maintenance")
    review.retract(item, None, "Counted twice")
    _, text = download(client, url("line-item-list"), donor="de")
    rows = {int(row["line_item_id"]): row["publication"] for row in csv.DictReader(io.StringIO(text))}
    assert rows[item.pk] == "retracted" and set(rows.values()) == {"published", "retracted"}
    page = client.get(reverse("pledges:line-item-list"), {"donor": "de"}).content.decode()
    assert item.description not in page


def test_drafts_never_reach_an_export(client, seed_record):
    LineItem.objects.filter(pledge__donor__code="DE").update(publication="draft")
    _, text = download(client, url("line-item-list"), donor="de")
    assert list(csv.DictReader(io.StringIO(text))) == []


def test_each_chart_links_its_own_numbers_and_a_line_to_cite_it(client, seed_record):
    from pledges import releases

    page = client.get(reverse("pledges:overview")).content.decode()
    assert 'href="/overview.csv?_series=1&amp;_chart=overview-categories"' in page
    assert "Cite as: AidTracker, “Pledged and delivered by category (EUR)”, data as of 21 Nov 2026." in page
    _, text = download(client, url("overview"), _series="1", _chart="overview-categories")
    assert {row["chart_id"] for row in csv.DictReader(io.StringIO(text))} == {"overview-categories"}

    releases.cut(None, datetime.date(2024, 1, 31), "The seed record")
    as_of_release = client.get(reverse("pledges:overview"), {"release": "1"}).content.decode()
    assert ", release 1. http://testserver/?release=1" in as_of_release
    # figures from an imported tracker cite its publisher too
    with_oryx = client.get(reverse("pledges:line-item-list"), {"dataset": ["aidtracker", "oryx"]}).content.decode()
    assert "Original data: Oryx (Stijn Mitzer, Joost Oliemans)." in with_oryx

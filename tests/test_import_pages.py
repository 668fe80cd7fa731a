"""Imported trackers on the analysts' pages: counted only when chosen, and labelled with their dataset."""

import datetime

import pytest
from django.urls import reverse

from pledges.filters import filter_deliveries, filter_line_items
from pledges.importers.runs import dataset_for, run_import
from pledges.models import LineItem

from .research_data import ORYX

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it


@pytest.fixture
def oryx(seed_record):
    run = run_import(dataset_for("oryx"), ORYX.read_bytes(), ORYX.name, as_of=datetime.date(2025, 3, 1))
    assert run.status == "ok", run.error
    return run


def test_pages_count_the_editorial_record_unless_a_tracker_is_chosen(oryx):
    editorial = LineItem.objects.filter(pledge__dataset=None)
    assert filter_line_items({}).qs.count() == editorial.count()
    assert filter_line_items({"dataset": ["oryx"]}).qs.count() == oryx.rows_added
    both = filter_line_items({"dataset": ["aidtracker", "oryx"]}).qs.count()
    assert both == editorial.count() + oryx.rows_added
    assert filter_deliveries({"dataset": ["oryx"]}).qs.filter(line_item__pledge__dataset=None).count() == 0


def test_imported_rows_carry_their_dataset_label_and_citation(client, oryx):
    page = client.get(reverse("pledges:line-item-list"), {"dataset": "oryx", "q": "Leopard"}).content.decode()
    assert "Oryx list: equipment from Germany" in page
    # the dataset is the source every imported row cites, with its row as the quote
    assert '<span class="publisher">Oryx (Stijn Mitzer, Joost Oliemans)</span>' in page
    assert '<blockquote class="quote">“Oryx list scraped 2025-03-01, line ' in page
    default = client.get(reverse("pledges:line-item-list"), {"q": "Leopard"}).content.decode()
    assert "Oryx list: equipment from" not in default


def test_compare_says_how_to_import_a_tracker_until_one_is_imported(client, seed_record):
    page = client.get(reverse("pledges:compare")).content.decode()
    assert "No other tracker has been imported yet" in page
    assert "python manage.py import_dataset kiel" in page
    assert reverse("admin:pledges_importrun_upload") in page
    run_import(dataset_for("oryx"), ORYX.read_bytes(), ORYX.name, as_of=datetime.date(2025, 3, 1))
    assert "No other tracker has been imported yet" not in client.get(reverse("pledges:compare")).content.decode()

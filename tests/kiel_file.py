"""The real Kiel 2024-03 main data sheet as the Kiel import tests read it: with the csv module, never with the
importer's own helpers, so that expected figures come from the file and not from the code under test."""

import csv
import re

from pledges.importers.runs import dataset_for, run_import
from pledges.models import LineItem, LineItemCitation

from .research_data import KIEL

# Kiel's donor names that are not the record's donor names
KIEL_DONORS = {
    "EU (Commission and Council)": "EU",
    "European Peace Facility": "EPF",
    "European Investment Bank": "EIB",
}


def kiel_rows():
    """(sheet row, row) for every data row: the header is row 1."""
    with KIEL.open(encoding="utf-8", newline="") as file:
        return list(enumerate(csv.DictReader(file), start=2))


def military_rows():
    return [(number, row) for number, row in kiel_rows() if row["Type of Aid General"].strip() == "Military"]


def whole_number(text):
    """A whole positive count as the sheet writes it, or None ('.', 'undisclosed', fractions, 0)."""
    return int(text) if re.fullmatch(r"\d+", text.strip()) and int(text) > 0 else None


def donor_code(name):
    from pledges.models import Donor

    return KIEL_DONORS.get(name) or Donor.objects.get(name=name).code


def import_kiel(data=None, name=KIEL.name, **options):
    return run_import(dataset_for("kiel"), data or KIEL.read_bytes(), name, **options)


def items_by_row(dataset):
    """The imported line item of each sheet row, found through its citation ('… row 412, package DEM2')."""
    found = {}
    dataset.refresh_from_db()
    for quote, item_id in LineItemCitation.objects.filter(source=dataset.source).values_list("quote", "line_item"):
        found[int(re.search(r"row (\d+),", quote)[1])] = item_id
    items = LineItem.objects.in_bulk(found.values())
    return {number: items[item_id] for number, item_id in found.items()}

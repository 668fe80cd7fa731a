"""Importers for the public trackers: one module per format, one engine (base.Importer) for all.

    manage.py import_dataset kiel  ../shared/research_data/kiel_ust_main_data_2024-03.csv   # or the .xlsx
    manage.py import_dataset sipri ../shared/research_data/sipri_register_ukraine_2025-03-13.csv
    manage.py import_dataset oryx  ../shared/research_data/oryx_donated_vehicles_2025.csv --as-of 2025-03-01
    (add --dry-run to see what would be added, changed and removed; --skip-bad-rows, --allow-removals and
    --encoding relax the strict defaults; the admin has the same as an upload page)

Flow: format.parse(bytes) reads the file whole or refuses it (reading.py: encoding, complete
records, columns by name), and turns rows into ParsedRows (messy values made explicit, warnings
with line numbers) and bad rows → base.Importer refuses bad rows and large removals unless told
otherwise, then maps the rows onto one Dataset's pledges, line items and deliveries, field by field
against what is stored, inside one transaction, new rows in bulk (bulk.py) → an ImportRun logs the
file hash and the counts. Each format module names its Dataset (slug, publisher, licence).
"""

from . import kiel, oryx, sipri

FORMATS = {"kiel": kiel, "sipri": sipri, "oryx": oryx}

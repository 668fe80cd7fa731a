"""Importers for the public trackers: one module per format, one engine (base.Importer) for all.

    manage.py import_dataset kiel  ../shared/research_data/kiel_ust_main_data_2024-03.csv   # or the .xlsx
    manage.py import_dataset sipri ../shared/research_data/sipri_register_ukraine_2025-03-13.csv
    manage.py import_dataset oryx  ../shared/research_data/oryx_donated_vehicles_2025.csv --as-of 2025-03-01
    (add --dry-run to see what would be added, changed and removed; the admin has the same as an upload page)

Flow: format.parse(bytes) checks the columns and turns rows into ParsedRows (messy values made
explicit, warnings with line numbers) → base.Importer maps them onto one Dataset's pledges, line
items and deliveries, field by field against what is stored, inside one transaction → an ImportRun
logs the file hash and the counts. Each format module names its Dataset (slug, publisher, licence).
"""

from . import kiel, oryx, sipri

FORMATS = {"kiel": kiel, "sipri": sipri, "oryx": oryx}

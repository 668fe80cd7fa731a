"""Where the tests find the real tracker extracts: ../shared/research_data/, read in place, never copied.

RESEARCH_DATA names another directory, for a checkout that does not sit beside shared/ (a git worktree).
"""

import os
from pathlib import Path

from django.conf import settings

DATA = Path(os.environ.get("RESEARCH_DATA") or Path(settings.BASE_DIR).parent / "shared" / "research_data")
KIEL = DATA / "kiel_ust_main_data_2024-03.csv"
SIPRI = DATA / "sipri_register_ukraine_2025-03-13.csv"
ORYX = DATA / "oryx_donated_vehicles_2025.csv"
ORYX_OLDER = DATA / "oryx_donated_vehicles_older.csv"

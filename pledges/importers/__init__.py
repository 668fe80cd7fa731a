"""Importers for the public trackers: one module per format, one engine (base.Importer) for all."""

from . import kiel, oryx, sipri

FORMATS = {"kiel": kiel, "sipri": sipri, "oryx": oryx}

"""What every importer shares: reading a file, checking its columns, and applying parsed rows to the record.

A format module (kiel.py, sipri.py, oryx.py) turns a file into ParsedRows: plain values with
the messy cases already made explicit. Importer then maps them onto pledges, line items and
deliveries of one Dataset, comparing field by field with what an earlier run stored, so that
re-importing a file changes nothing and a newer file changes only what differs. The run is
atomic: a row the database refuses fails the run and nothing is saved; a dry run goes through
the same steps and rolls back. Every run, failed and dry ones included, leaves an ImportRun.
"""

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from .. import dates
from ..dates import DatePrecision
from ..models import (
    Dataset,
    Delivery,
    DeliveryCitation,
    ImportRun,
    LineItem,
    LineItemCitation,
    Pledge,
    PledgeCitation,
    Publication,
    Source,
)
from .mapping import Categories, DonorResolver, SystemResolver

CENT = Decimal("0.01")
MAX_CHANGES_LOGGED = 2000


class ImportFailed(Exception):
    """The file cannot be imported at all; nothing was saved."""


class ColumnsChanged(ImportFailed):
    def __init__(self, format_label, missing, unexpected):
        self.missing, self.unexpected = missing, unexpected
        parts = []
        if missing:
            parts.append("missing columns: " + ", ".join(repr(name) for name in missing))
        if unexpected:
            parts.append("unexpected columns: " + ", ".join(repr(name) for name in unexpected))
        super().__init__(
            f"This is not a {format_label} file in the layout AidTracker knows ({'; '.join(parts)}). "
            "Nothing was imported."
        )


class RowFailed(ImportFailed):
    def __init__(self, line, message):
        self.line = line
        super().__init__(f"line {line}: {message}. Nothing was imported.")


@dataclass
class ParsedDelivery:
    date: datetime.date
    precision: str
    quantity: int | None
    notes: str = ""
    quantity_uncertain: bool = False
    # an "on or before <file date>" bound rather than a reported date: an earlier bound stays true
    bound_by_file_date: bool = False


@dataclass
class ParsedRow:
    """One source row, its messy values already made explicit."""

    line: int
    key: str  # the row's identity within the dataset, stable across releases
    donor: str
    pledge_key: str
    pledge_title: str
    pledge_date: datetime.date
    pledge_precision: str
    category: str  # a Category slug
    quote: str  # the citation: "Kiel UST, main data, row 412, package DEM2"
    system: str = ""  # as the source writes it; empty when the row names no system
    description: str = ""
    quantity: int | None = None
    quantity_uncertain: bool = False
    unit: str = "units"
    value: Decimal | None = None
    currency: str = ""
    value_basis: str = LineItem.ValueBasis.UNKNOWN
    funding_mode: str = LineItem.FundingMode.UNKNOWN
    co_funders: list = field(default_factory=list)  # donor names or codes
    stage: str = LineItem.Stage.ANNOUNCED
    over_delivery_confirmed: bool = False
    deliveries: list = field(default_factory=list)
    pledge_notes: str = ""
    date_uncertain: bool = False


@dataclass
class ParsedFile:
    version: str
    published_on: datetime.date | None
    rows: list
    rows_read: int
    skipped: int = 0
    warnings: list = field(default_factory=list)

    def warn(self, line, message):
        self.warnings.append({"line": line, "message": message})


# --- reading ------------------------------------------------------------------------------------


def decode(data):
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1 (SIPRI's own export)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def csv_records(text, skip_lines=0):
    """(line number where the record starts, fields) for each record after `skip_lines` lines."""
    lines = io.StringIO(text)
    for _ in range(skip_lines):
        lines.readline()
    reader = csv.reader(lines)
    line = skip_lines + 1
    try:
        for record in reader:
            yield line, record
            line = skip_lines + reader.line_num + 1
    except csv.Error as reason:
        raise ImportFailed(
            f"line {line}: this is not a readable CSV file ({reason}). Nothing was imported."
        ) from reason


def is_xlsx(data):
    return data[:4] == b"PK\x03\x04"


def check_columns(format_label, header, required, optional=(), ignored=None):
    """Raise ColumnsChanged naming the missing and unexpected columns; `ignored` is a regex of filler columns."""
    header = [name for name in header]
    missing = [name for name in required if name not in header]
    known = set(required) | set(optional)
    unexpected = [name for name in header if name not in known and not (ignored and re.fullmatch(ignored, name or ""))]
    if missing or unexpected:
        raise ColumnsChanged(format_label, missing, unexpected)


# --- small parsers the formats share -----------------------------------------------------------


UNKNOWN_MARKS = {"", ".", "undisclosed", "not given", "n/a", "na", "unknown", "no price", "?"}


def is_unknown(text):
    return (text or "").strip().casefold() in UNKNOWN_MARKS


def parse_decimal(text):
    """A number, or None for the trackers' ways of saying 'not known'; raises ValueError otherwise."""
    if is_unknown(text):
        return None
    return Decimal(text.strip().replace(",", ""))


def whole(number):
    """The integer a Decimal stands for, or None when it has a fractional part."""
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


# --- applying -----------------------------------------------------------------------------------


class _DryRun(Exception):
    pass


class Importer:
    """Applies one ParsedFile to one Dataset; see the module docstring."""

    def __init__(self, dataset, parsed, source_format):
        self.dataset = dataset
        self.parsed = parsed
        self.format = source_format
        self.counts = {"added": 0, "changed": 0, "unchanged": 0, "removed": 0, "skipped": parsed.skipped}
        self.changes = []
        self.warnings = list(parsed.warnings)

    def warn(self, line, message):
        self.warnings.append({"line": line, "message": message})

    def log(self, kind, line, what, detail=""):
        if len(self.changes) < MAX_CHANGES_LOGGED:
            self.changes.append({"kind": kind, "line": line, "what": what, "detail": detail})

    def apply(self):
        self.donors = DonorResolver()
        self.systems = SystemResolver(self.format)
        self.categories = Categories()
        self.source = self._update_dataset()
        rows = self._rows_with_donors()
        pledges = self._apply_pledges(rows)
        existing = {
            item.dataset_key: item
            for item in LineItem.objects.filter(pledge__dataset=self.dataset)
            .select_related("pledge")
            .prefetch_related("co_funders", "deliveries", "citations")
        }
        for row, _donor in rows:
            item = existing.pop(row.key, None)
            try:
                with transaction.atomic():
                    if item is None:
                        self._add(row, pledges[row.pledge_key])
                    else:
                        self._update(row, pledges[row.pledge_key], item)
            except (IntegrityError, ValidationError, DatabaseError) as reason:
                raise RowFailed(row.line, f"the record refuses this row ({reason})") from reason
        for item in existing.values():
            self.log("removed", None, self._describe_item(item), "not in this file")
            self.counts["removed"] += 1
            item.delete()
        emptied = Pledge.objects.filter(dataset=self.dataset, line_items__isnull=True)
        for pledge in emptied:
            self.log("removed", None, f"pledge {pledge.title}", "no rows left")
        emptied.delete()
        for donor in self.donors.created:
            self.warn(None, f"added donor {donor.name} ({donor.code}), which the record did not have")
        if self.systems.created:
            names = ", ".join(system.name for system in self.systems.created[:30])
            more = len(self.systems.created) - 30
            self.warn(
                None, f"added {len(self.systems.created)} systems: {names}{f' and {more} more' if more > 0 else ''}"
            )

    def _update_dataset(self):
        dataset, parsed = self.dataset, self.parsed
        dataset.version = parsed.version[:100]
        dataset.published_on = parsed.published_on
        source = dataset.source or Source(kind=Source.Kind.DATASET)
        source.title = f"{dataset.name}, {parsed.version}"[:300]
        source.url = dataset.url
        source.publisher = dataset.publisher
        source.published_on = parsed.published_on
        source.save()
        dataset.source = source
        dataset.save()
        return source

    def _rows_with_donors(self):
        rows = []
        for row in self.parsed.rows:
            donor = self.donors.resolve(row.donor)
            if donor is None:
                self.warn(row.line, f"skipped: {row.donor!r} names no donor AidTracker can identify")
                self.counts["skipped"] += 1
                continue
            rows.append((row, donor))
        return rows

    def _apply_pledges(self, rows):
        first_rows = {}
        for row, donor in rows:
            first_rows.setdefault(row.pledge_key, (row, donor))
        existing = {pledge.dataset_key: pledge for pledge in Pledge.objects.filter(dataset=self.dataset)}
        pledges = {}
        for key, (row, donor) in first_rows.items():
            wanted = {
                "donor": donor,
                "title": row.pledge_title[:300],
                "date": dates.period_start(row.pledge_date, row.pledge_precision),
                "date_precision": row.pledge_precision,
                "notes": row.pledge_notes,
                "date_uncertain": row.date_uncertain,
            }
            pledge = existing.get(key)
            try:
                with transaction.atomic():
                    if pledge is None:
                        pledge = Pledge.objects.create(dataset=self.dataset, dataset_key=key, **wanted, **_published())
                        PledgeCitation.objects.create(pledge=pledge, source=self.source, quote=row.quote)
                    else:
                        diff = _diff(pledge, wanted)
                        if diff:
                            self._drop_deliveries_before(pledge, wanted["date"], wanted["date_precision"])
                            for name, value in wanted.items():
                                setattr(pledge, name, value)
                            pledge.save()
                            self.log("changed", row.line, f"pledge {pledge.title}", "; ".join(diff))
            except (IntegrityError, ValidationError, DatabaseError) as reason:
                raise RowFailed(row.line, f"the record refuses this pledge ({reason})") from reason
            pledges[key] = pledge
        return pledges

    def _drop_deliveries_before(self, pledge, date, precision):
        """Deliveries the pledge's new date would put before it; the rows that follow re-create them."""
        for delivery in Delivery.objects.filter(line_item__pledge=pledge):
            if dates.certainly_before(delivery.date, delivery.date_precision, date, precision):
                delivery.delete()

    def _wanted_item(self, row, pledge):
        category = self.categories[row.category]
        system = self.systems.resolve(row.system, category) if row.system else None
        value = row.value.quantize(CENT) if row.value is not None else None
        return {
            "pledge": pledge,
            "category": category,
            "system": system,
            "description": row.description[:300],
            "quantity": row.quantity,
            "quantity_uncertain": row.quantity_uncertain,
            "unit": row.unit[:50],
            "value_reported": value,
            "currency": row.currency if value is not None else "",
            "value_basis": row.value_basis if value is not None else LineItem.ValueBasis.UNKNOWN,
            "funding_mode": row.funding_mode,
            "stage": row.stage,
            "over_delivery_confirmed": row.over_delivery_confirmed,
        }

    def _co_funders(self, row, donor_id):
        found = []
        for name in row.co_funders:
            donor = self.donors.resolve(name)
            if donor is None:
                self.warn(row.line, f"co-funder {name!r} names no donor AidTracker can identify; left out")
            elif donor.pk != donor_id and donor not in found:
                found.append(donor)
        return found

    def _add(self, row, pledge):
        wanted = self._wanted_item(row, pledge)
        item = LineItem.objects.create(dataset_key=row.key, **wanted, **_published())
        item.co_funders.set(self._co_funders(row, pledge.donor_id))
        LineItemCitation.objects.create(line_item=item, source=self.source, quote=row.quote)
        self._create_deliveries(item, row.deliveries, row.quote)
        self.counts["added"] += 1
        self.log("added", row.line, self._describe_row(row))

    def _create_deliveries(self, item, deliveries, quote):
        for parsed in deliveries:
            delivery = Delivery.objects.create(
                line_item=item,
                date=parsed.date,
                date_precision=parsed.precision,
                quantity=parsed.quantity,
                quantity_uncertain=parsed.quantity_uncertain,
                notes=parsed.notes,
                **_published(),
            )
            DeliveryCitation.objects.create(delivery=delivery, source=self.source, quote=quote)

    def _update(self, row, pledge, item):
        wanted = self._wanted_item(row, pledge)
        diff = _diff(item, wanted)
        co_funders = self._co_funders(row, pledge.donor_id)
        if {donor.pk for donor in co_funders} != {donor.pk for donor in item.co_funders.all()}:
            diff.append("co-funders")
        deliveries = _kept_bounds(row.deliveries, list(item.deliveries.all()))
        old_deliveries = sorted(_delivery_tuple(delivery) for delivery in item.deliveries.all())
        deliveries_changed = sorted(_delivery_tuple(delivery) for delivery in deliveries) != old_deliveries
        if deliveries_changed:
            diff.append(f"deliveries {_describe_deliveries(old_deliveries)} → {_describe_deliveries(deliveries)}")
        citation = next((c for c in item.citations.all() if c.source_id == self.source.pk), None)
        if citation is None:
            LineItemCitation.objects.create(line_item=item, source=self.source, quote=row.quote)
        elif citation.quote != row.quote:
            # the same fact on another row of a newer file: the citation follows it, the fact is unchanged;
            # saved one by one, so that each change to a published fact's citations is in their history
            for changed in [citation, *DeliveryCitation.objects.filter(delivery__line_item=item, source=self.source)]:
                changed.quote = row.quote
                changed.save(update_fields=["quote"])
        if not diff:
            self.counts["unchanged"] += 1
            return
        if deliveries_changed:
            item.deliveries.all().delete()
        for name, value in wanted.items():
            setattr(item, name, value)
        # the delivered counts in memory may be stale: the database triggers own them
        item.save(update_fields=[*wanted, "value_eur", "eur_rate", "eur_rate_date"])
        item.co_funders.set(co_funders)
        if deliveries_changed:
            self._create_deliveries(item, deliveries, row.quote)
        self.counts["changed"] += 1
        self.log("changed", row.line, self._describe_row(row), "; ".join(diff))

    def _describe_row(self, row):
        quantity = f"{row.quantity} × " if row.quantity else ""
        return f"{row.donor}: {quantity}{row.system or row.description or row.category}"[:200]

    def _describe_item(self, item):
        return f"{item.pledge.title}: {item}"[:200]


def _published():
    """Imported facts are another tracker's published record, shown under its label: published as imported."""
    return {"publication": Publication.PUBLISHED, "published_at": timezone.now()}


def _diff(obj, wanted):
    """'field: old → new' for each field of `obj` that differs from `wanted`."""
    changes = []
    for name, value in wanted.items():
        current = getattr(obj, name)
        if hasattr(value, "pk") or hasattr(current, "pk"):
            same = getattr(current, "pk", current) == getattr(value, "pk", value)
        else:
            same = current == value
        if not same:
            changes.append(f"{name}: {_show(current)} → {_show(value)}")
    return changes


def _show(value):
    if value is None or value == "":
        return "—"
    return str(value)[:60]


def _delivery_tuple(delivery):
    precision = getattr(delivery, "date_precision", None) or delivery.precision
    return (
        dates.period_start(delivery.date, precision),
        precision,
        delivery.quantity if delivery.quantity is not None else -1,
        delivery.quantity_uncertain,
        delivery.notes,
    )


def _kept_bounds(parsed, existing):
    """Parsed deliveries, keeping an earlier 'on or before' bound an earlier file already gave for the same facts.

    Delivered "on or before 1 Mar 2024" stays true when a later file is dated 1 Mar 2025.
    """
    result = []
    available = list(existing)
    for wanted in parsed:
        match = None
        if wanted.bound_by_file_date and wanted.precision == DatePrecision.ON_OR_BEFORE:
            for delivery in available:
                if (
                    delivery.date_precision == DatePrecision.ON_OR_BEFORE
                    and delivery.date <= wanted.date
                    and delivery.quantity == wanted.quantity
                    and delivery.quantity_uncertain == wanted.quantity_uncertain
                    and delivery.notes == wanted.notes
                ):
                    match = delivery
                    break
        if match is not None:
            available.remove(match)
            result.append(
                ParsedDelivery(
                    match.date, match.date_precision, match.quantity, match.notes, match.quantity_uncertain, True
                )
            )
        else:
            result.append(wanted)
    return result


def _describe_deliveries(deliveries):
    parts = []
    for delivery in deliveries:
        if isinstance(delivery, tuple):
            date, precision, quantity = delivery[0], delivery[1], delivery[2]
        else:
            date, precision, quantity = delivery.date, delivery.precision, delivery.quantity
        shown = "?" if quantity in (None, -1) else str(quantity)
        parts.append(f"{shown} {dates.describe(dates.period_start(date, precision), precision)}")
    return "[" + ", ".join(parts) + "]"


# --- running ------------------------------------------------------------------------------------


def run_import(dataset, data, file_name, *, dry_run=False, as_of=None, user=None):
    """Import `data` (the file's bytes) into `dataset`; returns the saved ImportRun, whatever happened."""
    from . import FORMATS

    started = timezone.now()
    run = ImportRun(
        dataset=dataset,
        file_name=file_name[:300],
        file_sha256=hashlib.sha256(data).hexdigest(),
        started_at=started,
        user=user if user is not None and user.is_authenticated else None,
    )
    source_format = FORMATS[dataset.format]
    importer = None
    try:
        parsed = source_format.parse(data, file_name=file_name, as_of=as_of)
        run.version = parsed.version[:100]
        run.rows_read = parsed.rows_read
        importer = Importer(dataset, parsed, dataset.format)
        with transaction.atomic():
            importer.apply()
            if dry_run:
                raise _DryRun
        run.status = ImportRun.Status.OK
    except _DryRun:
        run.status = ImportRun.Status.DRY_RUN
        dataset.refresh_from_db()
    except ImportFailed as failure:
        run.status = ImportRun.Status.FAILED
        run.error = str(failure)
        dataset.refresh_from_db()
    if importer is not None:
        counts = importer.counts
        if run.status == ImportRun.Status.FAILED:
            counts = dict.fromkeys(counts, 0)
        run.rows_added, run.rows_changed = counts["added"], counts["changed"]
        run.rows_unchanged, run.rows_removed, run.rows_skipped = (
            counts["unchanged"],
            counts["removed"],
            counts["skipped"],
        )
        run.warnings = importer.warnings
        run.changes = importer.changes if run.status != ImportRun.Status.FAILED else []
    run.finished_at = timezone.now()
    run.save()
    return run


def dataset_for(source_format):
    """The dataset a format imports into, created with its publisher's details on first use."""
    from . import FORMATS

    details = FORMATS[source_format].DATASET
    dataset, _ = Dataset.objects.get_or_create(slug=details["slug"], defaults={**details, "format": source_format})
    return dataset

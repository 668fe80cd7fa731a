"""What every importer shares: the parsed rows, and applying them to the record.

A format module (kiel.py, sipri.py, oryx.py) reads a file whole through reading.py and turns it
into ParsedRows (plain values, the messy cases made explicit) and a bad row for each cell no
convention of the format reads. Importer then maps them onto pledges, line items and deliveries
of one Dataset, comparing field by field with what an earlier run stored, so that re-importing a
file changes nothing and a newer file changes only what differs. It is strict: bad rows fail the
run unless skipped (what an earlier import stored for them is then kept), and so does removing
more than MAX_REMOVED_SHARE of the stored rows unless allowed. The run is atomic: a row the
database refuses fails the run and nothing is saved; a dry run goes through the same steps and
rolls back. Every run, failed and dry ones included, leaves an ImportRun.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from .. import dates
from ..dates import DatePrecision
from ..figures import cache
from ..models import (
    Delivery,
    DeliveryCitation,
    LineItem,
    LineItemCitation,
    Pledge,
    PledgeCitation,
    Publication,
    Source,
)
from .bulk import create_with_history
from .mapping import NOT_A_DONOR, Categories, DonorResolver, SystemResolver, fold
from .reading import BadValue, ImportFailed

CENT = Decimal("0.01")
MAX_CHANGES_LOGGED = 2000
# The most units one row of a category plausibly pledges: above it, a row is flagged (a typo, a unit mistaken
# for another: a million missiles). Ammunition, drones and the categories without counted units have no bound.
PLAUSIBLE_UNITS = {
    "tanks": 1000,
    "ifv-apc": 10000,  # Oryx's rows are cumulative: 5,000 HMMWVs from the US
    "artillery": 1000,
    "rocket-artillery": 300,
    "air-defence": 10000,  # MANPADS count in thousands
    "fighter-jets": 100,
    "helicopters": 100,
}
# a release that drops more than this share of a dataset's stored rows is more likely a damaged file
MAX_REMOVED_SHARE = Decimal("0.05")


class RowFailed(ImportFailed):
    def __init__(self, line, message):
        self.line = line
        super().__init__(f"line {line}: {message}. Nothing was imported.")


class BadRows(ImportFailed):
    """Rows no convention of the format reads: the import is refused unless told to skip them."""

    def __init__(self, bad_rows):
        self.bad_rows = bad_rows
        listed = "\n".join(describe_bad_row(bad) for bad in bad_rows)
        super().__init__(
            f"{len(bad_rows)} {'row' if len(bad_rows) == 1 else 'rows'} cannot be read, so nothing was imported "
            "(--skip-bad-rows imports the others and leaves what an earlier import stored for these rows as it "
            f"was):\n{listed}"
        )


def describe_bad_row(bad):
    """'line 704, column 'No. of Units': 'fourteen' is not a number', naming the spreadsheet row where it differs."""
    row = f" (spreadsheet row {bad['row']})" if bad["row"] != bad["line"] else ""
    return f"line {bad['line']}{row}, column {bad['column']!r}: {bad['value']!r} {bad['why']}"


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
    sheet_row: int | None = None  # the spreadsheet row, when it differs from the line
    implausible: str = ""  # why the row's own figures disagree, as the format can tell


@dataclass
class ParsedFile:
    version: str
    published_on: datetime.date | None
    rows: list
    rows_read: int
    donor_column: str  # where the rows name their donor, for a donor AidTracker cannot identify
    skipped: int = 0
    warnings: list = field(default_factory=list)
    # rows no convention reads ({line, row, column, value, why}) and the keys they would have had
    bad_rows: list = field(default_factory=list)
    bad_keys: set = field(default_factory=set)

    def warn(self, line, message):
        self.warnings.append({"line": line, "message": message})

    def bad(self, record, key, error):
        """Note a row that cannot be read; `key` is the identity it would have had, so its stored fact is kept."""
        self.bad_rows.append(
            {"line": record.line, "row": record.row, "column": error.column, "value": error.value, "why": error.why}
        )
        self.bad_keys.add(key)


# --- small parsers the formats share -----------------------------------------------------------


UNKNOWN_MARKS = {"", ".", "undisclosed", "not given", "n/a", "na", "unknown", "no price", "?"}


def is_unknown(text):
    return (text or "").strip().casefold() in UNKNOWN_MARKS


def parse_decimal(text, column):
    """A number, or None for the trackers' ways of saying 'not known'; raises BadValue otherwise."""
    if is_unknown(text):
        return None
    try:
        return Decimal(text.strip().replace(",", ""))
    except InvalidOperation as reason:
        raise BadValue(column, text, "is not a number") from reason


def whole(number):
    """The integer a Decimal stands for, or None when it has a fractional part."""
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


# --- applying -----------------------------------------------------------------------------------


class Importer:
    """Applies one ParsedFile to one Dataset; see the module docstring."""

    def __init__(self, dataset, parsed, source_format, *, skip_bad_rows=False, allow_removals=False, dry_run=False):
        self.dataset = dataset
        self.parsed = parsed
        self.format = source_format
        self.skip_bad_rows, self.allow_removals, self.dry_run = skip_bad_rows, allow_removals, dry_run
        self.counts = {"added": 0, "changed": 0, "unchanged": 0, "removed": 0, "skipped": parsed.skipped}
        self.changes = []
        self.warnings = list(parsed.warnings)
        self.bad_rows, self.bad_keys = list(parsed.bad_rows), set(parsed.bad_keys)
        self.changed_pledges = set()
        self.now = timezone.now()  # every version this run writes is dated alike

    def warn(self, line, message):
        self.warnings.append({"line": line, "message": message})

    def log(self, kind, line, what, detail=""):
        if len(self.changes) < MAX_CHANGES_LOGGED:
            self.changes.append({"kind": kind, "line": line, "what": what, "detail": detail})

    def apply(self):
        self.donors = DonorResolver()
        self.systems = SystemResolver(self.format)
        self.categories = Categories()
        rows = self._rows_with_donors()
        self._skip_bad_rows()
        existing = {
            item.dataset_key: item
            for item in LineItem.objects.filter(pledge__dataset=self.dataset)
            .select_related("pledge")
            .prefetch_related("co_funders", "deliveries", "citations")
        }
        wanted = {row.key for row, _donor in rows}
        # a row that could not be read keeps what an earlier import stored for it
        kept = {key: existing.pop(key) for key in self.bad_keys if key in existing}
        self._check_removals([item for key, item in existing.items() if key not in wanted], len(existing) + len(kept))
        self.source = self._update_dataset()
        for row, _donor in rows:
            if row.system:
                self.systems.resolve(row.system, self.categories[row.category])
        self.systems.save_new()
        pledges = self._apply_pledges(rows)
        new_rows = []
        for row, _donor in rows:
            item = existing.pop(row.key, None)
            if item is None:
                new_rows.append(row)
                continue
            try:  # no savepoint per row: a refusal fails the whole run
                self._update(row, pledges[row.pledge_key], item)
            except (IntegrityError, ValidationError, DatabaseError) as reason:
                raise RowFailed(row.line, f"the record refuses this row ({reason})") from reason
        self._add_all(new_rows, pledges)
        for item in existing.values():
            self.log("removed", None, self._describe_item(item), "not in this file")
        self.counts["removed"] += len(existing)
        LineItem.objects.filter(pk__in=[item.pk for item in existing.values()]).delete()
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
        # bulk writes send no signals: the pages' cached reads are renewed once, here
        cache.bump()

    def _skip_bad_rows(self):
        """Refuse the file over its unreadable rows, or, told to skip them, say so for each."""
        if not self.bad_rows:
            return
        self.bad_rows.sort(key=lambda bad: bad["line"])
        if not self.skip_bad_rows:
            raise BadRows(self.bad_rows)
        for bad in self.bad_rows:
            self.warn(bad["line"], f"skipped: {describe_bad_row(bad)}; what an earlier import stored for it is kept")
        self.counts["skipped"] += len(self.bad_rows)

    def _check_removals(self, removed, stored):
        """Refuse to remove more than MAX_REMOVED_SHARE of the stored rows unless allowed; a dry run only warns."""
        if self.allow_removals or len(removed) <= stored * MAX_REMOVED_SHARE:
            return
        message = (
            f"This file would remove {len(removed)} of the {stored} rows stored for {self.dataset.short_name} "
            f"({len(removed) / stored:.0%}), more than {MAX_REMOVED_SHARE:.0%}: is it a complete release? "
        )
        if self.dry_run:
            self.warn(None, message + "The import itself will be refused unless removals are allowed.")
            return
        raise ImportFailed(
            message + "Nothing was imported. If the release really dropped them, import it again allowing "
            "removals (--allow-removals, or the upload page's 'Allow removals' box); a dry run lists them."
        )

    def _update_dataset(self):
        """The dataset and the source its facts cite, saved (with a history version) only when the file changes them."""
        dataset, parsed = self.dataset, self.parsed
        source = dataset.source or Source(kind=Source.Kind.DATASET)
        wanted_source = {
            "title": f"{dataset.name}, {parsed.version}"[:300],
            "url": dataset.url,
            "publisher": dataset.publisher,
            "published_on": parsed.published_on,
        }
        if source.pk is None or _diff(source, wanted_source):
            for name, value in wanted_source.items():
                setattr(source, name, value)
            source.save()
        wanted_dataset = {"version": parsed.version[:100], "published_on": parsed.published_on, "source": source}
        diff = _diff(dataset, wanted_dataset)
        if diff:
            if dataset.source_id is not None:
                self.log("changed", None, f"dataset {dataset.short_name}", "; ".join(diff))
            for name, value in wanted_dataset.items():
                setattr(dataset, name, value)
            dataset.save()
        return source

    def _rows_with_donors(self):
        rows = []
        for row in self.parsed.rows:
            donor = self.donors.resolve(row.donor)
            if donor is not None:
                rows.append((row, donor))
            elif fold(row.donor) in NOT_A_DONOR:
                self.warn(row.line, f"skipped: {row.donor!r} names no donor")
                self.counts["skipped"] += 1
            else:
                line, sheet_row = row.line, row.sheet_row or row.line
                why = "names no donor AidTracker can identify"
                column = self.parsed.donor_column
                self.bad_rows.append({"line": line, "row": sheet_row, "column": column, "value": row.donor, "why": why})
                self.bad_keys.add(row.key)
        return rows

    def _apply_pledges(self, rows):
        first_rows = {}
        for row, donor in rows:
            first_rows.setdefault(row.pledge_key, (row, donor))
        existing = {pledge.dataset_key: pledge for pledge in Pledge.objects.filter(dataset=self.dataset)}
        pledges, new = {}, []
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
            if pledge is None:
                pledge = Pledge(dataset=self.dataset, dataset_key=key, **wanted, **_published())
                new.append((row, pledge))
            else:
                diff = _diff(pledge, wanted)
                if diff:
                    try:
                        with transaction.atomic():
                            self._drop_deliveries_before(pledge, wanted["date"], wanted["date_precision"])
                            for name, value in wanted.items():
                                setattr(pledge, name, value)
                            pledge.save()
                    except (IntegrityError, ValidationError, DatabaseError) as reason:
                        raise RowFailed(row.line, f"the record refuses this pledge ({reason})") from reason
                    self.changed_pledges.add(pledge.pk)
                    self.log("changed", row.line, f"pledge {pledge.title}", "; ".join(diff))
            pledges[key] = pledge
        try:
            with transaction.atomic():
                create_with_history(Pledge, [pledge for _, pledge in new], self.now)
                # keys, not instances: assigning a related instance costs more than the row's insert
                source_id = self.source.pk
                citations = [PledgeCitation(pledge_id=p.pk, source_id=source_id, quote=row.quote) for row, p in new]
                create_with_history(PledgeCitation, citations, self.now)
        except (IntegrityError, ValidationError, DatabaseError) as reason:
            raise ImportFailed(f"The record refuses the file's pledges ({reason}). Nothing was imported.") from reason
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
            "import_flag": implausibility(row)[:300],
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

    def _add_all(self, rows, pledges):
        """Insert the new rows' line items, co-funders, citations and deliveries in bulk, with their history.

        The database may still refuse a row (a delivery dated before its pledge): the rows are then
        inserted one by one to name the row it refuses, which fails the run.
        """
        try:
            with transaction.atomic():
                self._insert(rows, pledges)
        except (IntegrityError, ValidationError, DatabaseError) as reason:
            for row in rows:
                try:
                    self._insert([row], pledges)
                except (IntegrityError, ValidationError, DatabaseError) as refused:
                    raise RowFailed(row.line, f"the record refuses this row ({refused})") from refused
            raise ImportFailed(f"The record refuses the file's rows ({reason}). Nothing was imported.") from reason
        self.counts["added"] += len(rows)
        for row in rows:
            self.log("added", row.line, self._describe_row(row))

    def _insert(self, rows, pledges):
        items = []
        for row in rows:
            item = LineItem(dataset_key=row.key, **self._wanted_item(row, pledges[row.pledge_key]), **_published())
            item.convert_value()
            items.append(item)
        create_with_history(LineItem, items, self.now)
        pairs = list(zip(rows, items, strict=True))
        for row, item in pairs:
            if row.co_funders:
                # one by one, so that the line item's history records them (few rows are jointly funded)
                item.co_funders.set(self._co_funders(row, item.pledge.donor_id))
        source_id = self.source.pk
        citations = [LineItemCitation(line_item_id=i.pk, source_id=source_id, quote=row.quote) for row, i in pairs]
        create_with_history(LineItemCitation, citations, self.now)
        self._create_deliveries([(item, row.deliveries, row.quote) for row, item in pairs])

    def _create_deliveries(self, wanted):
        """Deliveries and their citations for [(line item, [ParsedDelivery], quote)], in bulk with their history."""
        deliveries, quotes = [], []
        for item, parsed_deliveries, quote in wanted:
            for parsed in parsed_deliveries:
                deliveries.append(
                    Delivery(
                        line_item_id=item.pk,
                        date=dates.period_start(parsed.date, parsed.precision),
                        date_precision=parsed.precision,
                        quantity=parsed.quantity,
                        quantity_uncertain=parsed.quantity_uncertain,
                        notes=parsed.notes,
                        **_published(),
                    )
                )
                quotes.append(quote)
        create_with_history(Delivery, deliveries, self.now)
        citations = [
            DeliveryCitation(delivery_id=delivery.pk, source_id=self.source.pk, quote=quote)
            for delivery, quote in zip(deliveries, quotes, strict=True)
        ]
        create_with_history(DeliveryCitation, citations, self.now)

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
            # a pledge's change (a date the file bounds by its own date, with --as-of) changes its rows' facts
            self.counts["changed" if pledge.pk in self.changed_pledges else "unchanged"] += 1
            return
        if deliveries_changed:
            item.deliveries.all().delete()
        for name, value in wanted.items():
            setattr(item, name, value)
        # the delivered counts in memory may be stale: the database triggers own them
        item.save(update_fields=[*wanted, "value_eur", "eur_rate", "eur_rate_date"])
        item.co_funders.set(co_funders)
        if deliveries_changed:
            self._create_deliveries([(item, deliveries, row.quote)])
        self.counts["changed"] += 1
        self.log("changed", row.line, self._describe_row(row), "; ".join(diff))

    def _describe_row(self, row):
        quantity = f"{row.quantity} × " if row.quantity else ""
        return f"{row.donor}: {quantity}{row.system or row.description or row.category}"[:200]

    def _describe_item(self, item):
        return f"{item.pledge.title}: {item.what}"[:200]


def implausibility(row):
    """Why a row looks implausible: the format's own reason, and a unit count beyond its category's range."""
    reasons = [row.implausible] if row.implausible else []
    bound = PLAUSIBLE_UNITS.get(row.category)
    if bound is not None and row.quantity is not None and row.quantity > bound:
        reasons.append(f"{row.quantity:,} units is more than one row of {row.category} plausibly holds ({bound:,})")
    return "; ".join(reasons)


def _published():
    """Imported facts are another tracker's published record, shown under its label: published as imported."""
    return {"publication": Publication.PUBLISHED, "published_at": timezone.now()}


def _diff(obj, wanted):
    """'field: old → new' for each field of `obj` that differs from `wanted`; related rows compare by key, unread."""
    changes = []
    for name, value in wanted.items():
        if obj._meta.get_field(name).is_relation:
            same = getattr(obj, f"{name}_id") == getattr(value, "pk", value)
            if not same:
                changes.append(f"{name}: {_show(getattr(obj, name))} → {_show(value)}")
        elif getattr(obj, name) != value:
            changes.append(f"{name}: {_show(getattr(obj, name))} → {_show(value)}")
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

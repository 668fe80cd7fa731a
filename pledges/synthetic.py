"""A synthetic record for demos and benchmarks: many donors, few large, and millions of rows.

`generate(line_items)` adds about 60 donors (real ISO 3166 codes), 300 systems over the 14
categories, 40 meetings, line_items / 5 pledges, `line_items` line items and about twice as many
deliveries, skewed like real aid (Zipf-like: a few donors pledge most). Values are in EUR, so no
conversion runs per row. Every synthetic pledge has a `dataset_key` starting with "synthetic:", and
a Source row with SYNTHETIC_MARKER says the record holds synthetic data: every page shows a
"synthetic data" banner while it exists (pledges.figures.reads.record_status()).

Rows are made CHUNK line items at a time in a worker thread, while the previous chunk loads with
PostgreSQL's COPY (SQLite: executemany): the server's work and the row making run on two cores at
once. Each row is a short tuple of the values that vary; what every row shares (constants, the
published review state, the defaults of columns added later) is written once per table (_Table).
The per-row invariant triggers (pledges/triggers.py) are off during the load: each line item's
quantity_delivered and delivery_count are set as its deliveries are made and checked against them
in one query, the new rows' foreign keys are checked in one anti-join per key, and the triggers
come back on. The rows are generated to respect every constraint (deliveries never before their
pledge, never more than pledged), so the database checks still hold without the triggers. On
PostgreSQL, a load that at least doubles the record drops the tables' plain indexes first and
builds them again at the end, which costs less than updating them row by row.
"""

import csv
import datetime
import io
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import accumulate

import pycountry
from django.db import connection, transaction
from django.utils import timezone

from . import triggers

SYNTHETIC_MARKER = "aidtracker:synthetic-data"
SYNTHETIC_KEY_PREFIX = "synthetic:"
DONORS = 60
SYSTEMS = 300
MEETINGS = 40
ITEMS_PER_PLEDGE = 5
CHUNK = 50_000
FIRST_DAY = datetime.date(2022, 2, 24)
LAST_DAY = datetime.date(2026, 10, 31)
# states that pledged beyond the 49 donors of fixtures/reference.json, in Zipf order after them
EXTRA_STATES = ["AZ", "BR", "CL", "GE", "IL", "KZ", "MX", "MD", "PH", "SA", "SG", "ZA", "TH", "AE", "UY"]
# a share of line items per category, roughly as the trackers report them
CATEGORY_WEIGHTS = {
    "ammunition": 22,
    "artillery": 10,
    "air-defence": 9,
    "ifv-apc": 9,
    "small-arms": 8,
    "drones": 8,
    "other-equipment": 8,
    "tanks": 5,
    "rocket-artillery": 4,
    "funding": 7,
    "maintenance": 4,
    "training": 3,
    "helicopters": 2,
    "fighter-jets": 1,
}

# the synthetic record is published at once (issue 5's review states), so the public pages show it,
# and protected like any published fact: published_at is set to the load's moment in _Table


def _published():
    return {"publication": "published", "published_at": timezone.now()}


TABLES = ("pledges_pledge", "pledges_lineitem", "pledges_delivery")
# the columns whose values vary from row to row, in the order the generator's tuples hold them,
# and the values the generator gives every row (the other columns get _published() or their default)
PLEDGE_COLUMNS = ["id", "date", "donor_id", "title", "meeting_id", "dataset_key"]
PLEDGE_FIXED = {"date_precision": "day", "notes": "", "dataset_id": None, "date_uncertain": False}
ITEM_COLUMNS = [
    "id",
    "pledge_id",
    "category_id",
    "system_id",
    "quantity",
    "value_reported",
    "currency",
    "value_basis",
    "value_eur",
    "eur_rate",
    "eur_rate_date",
    "stage",
    "quantity_delivered",
    "delivery_count",
]
ITEM_FIXED = {
    "description": "",
    "unit": "units",
    "funding_mode": "stocks",
    "over_delivery_confirmed": False,
    "quantity_uncertain": False,
    "dataset_key": "",
}
DELIVERY_COLUMNS = ["id", "date", "line_item_id", "quantity"]
DELIVERY_FIXED = {"date_precision": "day", "quantity_uncertain": False, "notes": ""}
# COPY text psycopg2 hands libpq per call (its default is 8 kB): fewer, larger sends load faster
COPY_READ_SIZE = 1 << 20


def is_present():
    from .models import Source

    return Source.objects.filter(archive_ref=SYNTHETIC_MARKER).exists()


def _donors():
    """About 60 donors, most pledging first: the reference donors, then more ISO 3166 states."""
    from .models import Donor

    if not Donor.objects.exists():
        from django.core.management import call_command

        call_command("loaddata", "reference", verbosity=0)
    existing = set(Donor.objects.values_list("code", flat=True))
    for code in EXTRA_STATES:
        if len(existing) >= DONORS:
            break
        if code not in existing:
            country = pycountry.countries.get(alpha_2=code)
            name = getattr(country, "common_name", country.name)
            if not Donor.objects.filter(name=name).exists():
                Donor.objects.create(code=code, name=name, slug=code.lower(), kind=Donor.Kind.STATE)
                existing.add(code)
    donors = list(Donor.objects.order_by("pk").values_list("pk", "code"))
    # the big donors first, so the Zipf weights land on them
    big = ["US", "DE", "GB", "EU", "PL", "NL", "DK", "NO", "CA", "SE", "FR", "FI"]
    donors.sort(key=lambda row: (big.index(row[1]) if row[1] in big else len(big), row[0]))
    return [pk for pk, _ in donors[:DONORS]]


def _systems():
    """300 systems spread over the countable categories, by category weight."""
    from .models import Category, System

    categories = list(Category.objects.order_by("position"))
    countable = [c for c in categories if c.is_countable]
    weights = [CATEGORY_WEIGHTS.get(c.slug, 1) for c in countable]
    total = sum(weights)
    wanted = []
    for category, weight in zip(countable, weights, strict=True):
        count = max(1, round(SYSTEMS * weight / total))
        wanted += [(category, number) for number in range(1, count + 1)]
    existing = set(System.objects.filter(slug__startswith="synthetic-").values_list("slug", flat=True))
    System.objects.bulk_create(
        System(name=f"Synthetic {category.name} system {number}", slug=slug, category=category)
        for category, number in wanted[:SYSTEMS]
        if (slug := f"synthetic-{category.slug}-{number}") not in existing
    )
    by_category = {}
    for pk, category_id in System.objects.filter(slug__startswith="synthetic-").values_list("pk", "category_id"):
        by_category.setdefault(category_id, []).append(pk)
    return categories, by_category


def _meetings():
    from .models import Meeting

    Meeting.objects.bulk_create(
        [
            Meeting(
                kind=Meeting.Kind.OTHER,
                name=f"Synthetic meeting {number}",
                slug=f"synthetic-meeting-{number}",
                starts_on=FIRST_DAY + datetime.timedelta(days=40 * number),
                place="Nowhere (synthetic)",
            )
            for number in range(1, MEETINGS + 1)
        ],
        ignore_conflicts=True,
    )
    return list(Meeting.objects.filter(slug__startswith="synthetic-meeting-").values_list("pk", "starts_on"))


def _next_id(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        return cursor.fetchone()[0]


def _null():
    """NULL as the generator's tuples spell it: COPY's \\N on PostgreSQL, None for SQLite's executemany."""
    return "\\N" if connection.vendor == "postgresql" else None


def _csv_field(value):
    """`value` as one field of COPY's csv text: NULL as \\N, quoted only where csv needs it."""
    if value is None:
        return "\\N"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([value])
    return buffer.getvalue()


class _Table:
    """How one table's rows are loaded: the columns the generator varies, then those every row shares.

    The generator makes each row a tuple of the `varying` columns' values, in that order, with NULL
    as _null() spells it. Every other column holds one value for the whole load: its `fixed` value,
    published, or the field's default (so the load keeps working when a later migration adds a NOT
    NULL column with a default). COPY and INSERT name their columns, so no row is rearranged and
    the shared values are written once: into PostgreSQL's line template, or onto each tuple for
    SQLite.
    """

    def __init__(self, model, varying, fixed):
        stored = {
            field.column: field for field in model._meta.concrete_fields if not getattr(field, "generated", False)
        }
        if unknown := (set(varying) | set(fixed)) - set(stored):
            raise ValueError(f"{model.__name__} has no columns {sorted(unknown)}")
        shared = [column for column in stored if column not in varying]
        self.name = model._meta.db_table
        self.columns = [*varying, *shared]
        published = _published()
        self.shared = tuple(_shared_value(stored[column], fixed, published) for column in shared)
        self.postgresql = connection.vendor == "postgresql"
        # the generator's values hold no comma, quote or line break: they go into the csv text as they are
        fields = ["%s"] * len(varying) + [_csv_field(value).replace("%", "%%") for value in self.shared]
        self.line = ",".join(fields) + "\n"

    def encode(self, rows):
        """The rows as they are sent: COPY's csv text on PostgreSQL, whole tuples for executemany on SQLite."""
        if self.postgresql:
            return "".join(map(self.line.__mod__, rows)).encode()
        return [row + self.shared for row in rows]

    def load(self, encoded):
        """Insert rows made by encode(): COPY on PostgreSQL, executemany on SQLite."""
        columns = ", ".join(self.columns)
        with connection.cursor() as cursor:
            if self.postgresql:
                sql = f"COPY {self.name} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
                cursor.cursor.copy_expert(sql, io.BytesIO(encoded), size=COPY_READ_SIZE)
            else:
                marks = ", ".join("?" for _ in self.columns)
                cursor.executemany(f"INSERT INTO {self.name} ({columns}) VALUES ({marks})", encoded)


def _shared_value(field, fixed, published):
    """The database value of a column that is the same in every row: fixed, published, or the default."""
    if field.column in fixed:
        value = fixed[field.column]
    elif field.column in published:
        value = published[field.column]
    else:
        value = field.get_default()
    return field.get_db_prep_save(value, connection)


def _triggers_off():
    """Turn the per-row triggers of the record's tables off, until _triggers_on().

    SQLite cannot disable a trigger: they are dropped, and installed again afterwards from their
    one definition (pledges/triggers.py).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # no trigger fires for this transaction's rows, not even the per-row foreign key checks:
            # _check_foreign_keys() checks them afterwards in one query per key; CHECK constraints hold
            cursor.execute("SET LOCAL session_replication_role = replica")
    else:
        triggers.drop(connection)


def _triggers_on():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = origin")
    else:
        triggers.install(connection)


def _indexes_off(first_ids, line_items):
    """Drop the plain indexes of the record's tables if the load at least doubles them; returns their definitions.

    COPY updates every index row by row, at random places for most keys; building an index once
    the rows are in sorts them in one go, which costs less as long as the new rows are most of the
    table. Only indexes that are no constraint's go (primary keys, unique indexes and constraints
    stay); the definitions come from the catalog, so indexes of later migrations come back as they
    were. The dropped indexes lock the tables until the load commits, so pages reading them wait:
    acceptable for a load that is most of the record. SQLite keeps its indexes.
    """
    # the largest id bounds the line items already there
    if connection.vendor != "postgresql" or first_ids["pledges_lineitem"] - 1 > line_items:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            " WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary"
            " AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
            [list(TABLES)],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    return [definition for _, definition in indexes]


def _indexes_on(definitions):
    """Build the indexes _indexes_off() dropped, sorting in memory where it can (about 15% faster at 1M line items)."""
    if not definitions:
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for definition in definitions:
            cursor.execute(definition)


FOREIGN_KEYS = [
    ("pledges_pledge", "donor_id", "pledges_donor"),
    ("pledges_pledge", "meeting_id", "pledges_meeting"),
    ("pledges_lineitem", "pledge_id", "pledges_pledge"),
    ("pledges_lineitem", "category_id", "pledges_category"),
    ("pledges_lineitem", "system_id", "pledges_system"),
    ("pledges_delivery", "line_item_id", "pledges_lineitem"),
]


def _check_foreign_keys(first_ids):
    """Refuse the load (rolling it back) if a new row points nowhere: one anti-join per key."""
    with connection.cursor() as cursor:
        for table, column, target in FOREIGN_KEYS:
            cursor.execute(
                f"SELECT COUNT(*) FROM {table} t LEFT JOIN {target} r ON r.id = t.{column}"
                f" WHERE t.id >= %s AND t.{column} IS NOT NULL AND r.id IS NULL",
                [first_ids[table]],
            )
            if missing := cursor.fetchone()[0]:
                raise ValueError(f"{missing} new rows of {table} point at no row of {target}")


def _check_counts(first_item_id):
    """Refuse the load if a new line item's delivered totals differ from its (published) deliveries.

    The generator sets quantity_delivered and delivery_count as it makes the deliveries, which saves
    rewriting every line item in an UPDATE; this one set-based query checks what the triggers would
    have counted.
    """
    from .models import Delivery

    reviewed = any(field.column == "publication" for field in Delivery._meta.concrete_fields)
    published = " AND publication = 'published'" if reviewed else ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM pledges_lineitem li LEFT JOIN"
            " (SELECT line_item_id, COALESCE(SUM(quantity), 0) AS units, COUNT(*) AS n"
            f"  FROM pledges_delivery WHERE line_item_id >= %s{published} GROUP BY line_item_id) AS totals"
            " ON totals.line_item_id = li.id"
            " WHERE li.id >= %s AND (li.quantity_delivered <> COALESCE(totals.units, 0)"
            "   OR li.delivery_count <> COALESCE(totals.n, 0))",
            [first_item_id, first_item_id],
        )
        if wrong := cursor.fetchone()[0]:
            raise ValueError(f"{wrong} new line items have delivered totals their deliveries do not add up to")


def _reset_sequences():
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )


@dataclass(frozen=True)
class _Draws:
    """What the rows are drawn from (existing ids, with cumulative weights), and NULL as the rows spell it."""

    donors: list
    donor_cum: list
    category_ids: list
    category_cum: list
    countable: set
    systems: dict
    meetings: list
    null: object


class _DayText(dict):
    """The ISO text of a day by its ordinal, made once per day rather than once per row."""

    def __missing__(self, day):
        text = self[day] = datetime.date.fromordinal(day).isoformat()
        return text


def _pledges(rng, draws, days, first_id, count):
    """`count` pledge rows from id `first_id` (PLEDGE_COLUMNS), and each one's day (an ordinal)."""
    pledge_donors = rng.choices(draws.donors, cum_weights=draws.donor_cum, k=count)
    span = (LAST_DAY - FIRST_DAY).days
    ordinal0 = FIRST_DAY.toordinal()
    rows, pledge_days = [], []
    for pledge_id, donor in enumerate(pledge_donors, start=first_id):
        day = ordinal0 + int(span * rng.random() ** 0.8)
        meeting = draws.null
        if rng.random() < 0.3:  # announced at a meeting: dated on its first day
            meeting, starts_on = draws.meetings[rng.randrange(len(draws.meetings))]
            day = starts_on.toordinal()
        title, key = f"Synthetic package {pledge_id}", f"{SYNTHETIC_KEY_PREFIX}{pledge_id}"
        rows.append((pledge_id, days[day], donor, title, meeting, key))
        pledge_days.append(day)
    return rows, pledge_days


def _items(rng, draws, days, pledge_id, pledge_days, item_id, delivery_id, count):
    """`count` line item rows (ITEM_COLUMNS) from id `item_id`, and their deliveries (DELIVERY_COLUMNS).

    The line items belong to the pledges from `pledge_id` on, whose days are `pledge_days`. Each
    one's quantity_delivered and delivery_count are set as its deliveries are made: _check_counts()
    checks them afterwards, in place of the triggers.
    """
    null, systems, countable, random = draws.null, draws.systems, draws.countable, rng.random
    last_day = LAST_DAY.toordinal()
    item_categories = rng.choices(draws.category_ids, cum_weights=draws.category_cum, k=count)
    randoms = [random() for _ in range(count * 4)]
    per_item = zip(item_categories, *(randoms[part::4] for part in range(4)), strict=True)
    items, deliveries = [], []
    for index, (category, r_quantity, r_value, r_stage, r_deliveries) in enumerate(per_item):
        pledge_index = index * len(pledge_days) // count
        category_systems = systems.get(category)
        system = category_systems[int(r_quantity * 997) % len(category_systems)] if category_systems else null
        quantity = int(1 + 400 * r_quantity**4) if category in countable and r_quantity < 0.8 else None
        day = pledge_days[pledge_index]
        if r_value < 0.7:
            cents = int(1_000_000 + 50_000_000_000 * r_value**6) * 100
            value = f"{cents // 100}.{cents % 100:02d}"
            currency, basis, rate, rate_date = "EUR", "reported", "1", days[day]
        else:
            value, currency, basis, rate, rate_date = null, "", "unknown", null, null
        stage = "cancelled" if r_stage < 0.04 else ("announced" if r_stage < 0.2 else "committed")
        # 0-4 deliveries (2.1 on average), never before the pledge, never more than pledged
        n = 0 if stage == "cancelled" else min(5, int(r_deliveries * 5.8))
        if quantity is not None:
            n = min(n, quantity)
        left, delivered, made = quantity, 0, 0
        for number in range(n):
            day = day + 1 + int(random() * 120)
            if day > last_day:
                break  # not delivered yet: the record ends on LAST_DAY
            if quantity is None:
                units = None if number % 3 == 2 else 1 + int(random() * 20)
            else:
                most = left - (n - number - 1)
                units = most if number == n - 1 and r_deliveries > 0.9 else max(1, int(most * random()))
                left -= units
            delivered += units or 0
            deliveries.append((delivery_id + made, days[day], item_id, null if units is None else units))
            made += 1
        delivery_id += made
        items.append(
            (
                item_id,
                pledge_id + pledge_index,
                category,
                system,
                null if quantity is None else quantity,
                value,
                currency,
                basis,
                value,
                rate,
                rate_date,
                stage,
                delivered,
                made,
            )
        )
        item_id += 1
    return items, deliveries


def _chunks(rng, draws, tables, line_items, first_ids):
    """Make the rows, CHUNK line items at a time: yields [(table, encoded rows, row count)] per chunk.

    Draws from `rng` in a fixed order, so the same seed always gives the same rows.
    """
    pledge_table, item_table, delivery_table = tables
    pledge_id, item_id, delivery_id = (first_ids[table.name] for table in tables)
    days = _DayText()
    remaining = line_items
    while remaining > 0:
        count = min(CHUNK, remaining)
        remaining -= count
        pledges, pledge_days = _pledges(rng, draws, days, pledge_id, max(1, count // ITEMS_PER_PLEDGE))
        items, deliveries = _items(rng, draws, days, pledge_id, pledge_days, item_id, delivery_id, count)
        pledge_id, item_id, delivery_id = pledge_id + len(pledges), item_id + len(items), delivery_id + len(deliveries)
        yield [
            (table, table.encode(rows), len(rows))
            for table, rows in ((pledge_table, pledges), (item_table, items), (delivery_table, deliveries))
        ]


def _built_ahead(chunks):
    """Iterate `chunks`, building the next one in a thread while the caller loads this one.

    Building rows is Python and holds the GIL; loading them is mostly the server's work, and psycopg2
    lets go of the GIL while it sends COPY data and waits for COPY's result: so on two cores the
    generator and PostgreSQL work at the same time. `chunks` only ever runs in the one worker thread
    and uses no database connection.
    """
    with ThreadPoolExecutor(max_workers=1) as builder:
        ahead = builder.submit(next, chunks, None)
        while (chunk := ahead.result()) is not None:
            ahead = builder.submit(next, chunks, None)
            yield chunk


def _draws():
    """The donors, systems and meetings the rows point at (made if missing), with their weights."""
    from .models import Source

    Source.objects.get_or_create(
        archive_ref=SYNTHETIC_MARKER,
        defaults={
            "title": "Synthetic record made by generate_demo_data: not real pledges",
            "kind": Source.Kind.DATASET,
            "publisher": "AidTracker",
        },
    )
    donors = _donors()
    categories, systems = _systems()
    return _Draws(
        donors=donors,
        donor_cum=list(accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(donors)))),
        category_ids=[c.pk for c in categories],
        category_cum=list(accumulate(CATEGORY_WEIGHTS.get(c.slug, 1) for c in categories)),
        countable={c.pk for c in categories if c.is_countable},
        systems=systems,
        meetings=_meetings(),
        null=_null(),
    )


def _tables():
    """The pledges, line items and deliveries tables, as the generator's rows fill them."""
    from .models import Delivery, LineItem, Pledge

    return (
        _Table(Pledge, PLEDGE_COLUMNS, {**PLEDGE_FIXED, "updated_at": timezone.now()}),
        _Table(LineItem, ITEM_COLUMNS, ITEM_FIXED),
        _Table(Delivery, DELIVERY_COLUMNS, DELIVERY_FIXED),
    )


def generate(line_items, seed=2022, progress=None):
    """Add a synthetic record of `line_items` line items; returns the number of rows added per table."""
    rng = random.Random(seed)
    counts = dict.fromkeys(("pledges", "line_items", "deliveries"), 0)  # in the order of each chunk's tables
    with transaction.atomic():
        draws = _draws()
        tables = _tables()
        _triggers_off()
        first_ids = {table: _next_id(table) for table in TABLES}
        indexes = _indexes_off(first_ids, line_items)
        for chunk in _built_ahead(_chunks(rng, draws, tables, line_items, first_ids)):
            for (table, encoded, rows), key in zip(chunk, counts, strict=True):
                table.load(encoded)
                counts[key] += rows
            if progress:
                progress(counts)
        _indexes_on(indexes)
        _check_counts(first_ids["pledges_lineitem"])
        _check_foreign_keys(first_ids)
        _triggers_on()
        _reset_sequences()
    with connection.cursor() as cursor:
        # fresh statistics, or the planner takes the new millions of rows for a few hundred
        for table in TABLES:
            cursor.execute(f"ANALYZE {table}")
    return counts


def remove():
    """Delete the synthetic record (pledges, their line items and deliveries, systems, meetings, marker)."""
    from .models import Delivery, LineItem, Meeting, Pledge, Source, System

    with transaction.atomic():
        synthetic = Pledge.objects.filter(dataset_key__startswith=SYNTHETIC_KEY_PREFIX, dataset__isnull=True)
        Delivery.objects.filter(line_item__pledge__in=synthetic).delete()
        LineItem.objects.filter(pledge__in=synthetic).delete()
        synthetic.delete()
        System.objects.filter(slug__startswith="synthetic-", line_items__isnull=True).delete()
        Meeting.objects.filter(slug__startswith="synthetic-meeting-").delete()
        Source.objects.filter(archive_ref=SYNTHETIC_MARKER).delete()

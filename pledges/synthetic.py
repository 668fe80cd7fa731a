"""A synthetic record for demos and benchmarks: many donors, few large, and millions of rows.

`generate(line_items)` adds about 60 donors (real ISO 3166 codes), 300 systems over the 14
categories, 40 meetings, line_items / 5 pledges, `line_items` line items and about twice as many
deliveries, skewed like real aid (Zipf-like: a few donors pledge most). Values are in EUR, so no
conversion runs per row. Every synthetic pledge has a `dataset_key` starting with "synthetic:", and
a Source row with SYNTHETIC_MARKER says the record holds synthetic data: every page shows a
"synthetic data" banner while it exists (pledges.summaries.record_status()).

Rows go in with PostgreSQL's COPY (SQLite: executemany), with the per-row invariant triggers of
migration 0002 off during the load; each line item's quantity_delivered and delivery_count are
are set as the deliveries are made and checked against them in one
query, and the triggers come back on. The rows are generated to respect every
constraint (deliveries never before their pledge, never more than pledged), so the database
checks still hold without the triggers.
"""

import csv
import datetime
import io
import random
from itertools import accumulate

import pycountry
from django.db import connection, transaction
from django.utils import timezone

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

# the synthetic record is published at once (issue 5's review states), so the public pages show it
PUBLISHED = {"publication": "published"}
TABLES = ("pledges_pledge", "pledges_lineitem", "pledges_delivery")


def is_present():
    from .models import Source

    return Source.objects.filter(archive_ref=SYNTHETIC_MARKER).exists()


def _donors(rng):
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


def _meetings(rng):
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


def _model_columns(model, generated):
    """Every stored column of `model` in order, with the generator's value index or the field's default.

    Columns the generator does not know (added by later migrations) get the field's default, so
    the load keeps working when a model grows a NOT NULL column with a default.
    """
    columns, fill = [], []
    for field in model._meta.concrete_fields:
        if getattr(field, "generated", False):
            continue
        columns.append(field.column)
        if field.column in generated:
            fill.append(generated.index(field.column))
        elif field.column in PUBLISHED:
            fill.append(("default", PUBLISHED[field.column]))
        else:
            default = field.get_db_prep_save(field.get_default(), connection)
            fill.append(("default", default))
    return columns, fill


def _arrange(rows, fill):
    for row in rows:
        yield [row[index] if not isinstance(index, tuple) else index[1] for index in fill]


def _load(table, columns, rows):
    """Insert rows (lists of column values) into `table`: COPY on PostgreSQL, executemany on SQLite."""
    if connection.vendor == "postgresql":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for row in rows:
            writer.writerow(["\\N" if value is None else value for value in row])
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer
            )
    else:
        marks = ", ".join("?" for _ in columns)
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def _bool(value):
    if connection.vendor == "postgresql":
        return "t" if value else "f"
    return 1 if value else 0


def _triggers_off():
    """Turn the per-row triggers of the record's tables off; returns what _triggers_on needs to restore them.

    SQLite cannot disable a trigger: its current definitions are read from sqlite_master, dropped,
    and created again afterwards (so whatever later migrations made of them is kept).
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # no trigger fires for this transaction's rows, not even the per-row foreign key checks:
            # _check_foreign_keys() checks them afterwards in one query per key; CHECK constraints hold
            cursor.execute("SET LOCAL session_replication_role = replica")
            return []
        marks = ", ".join("%s" for _ in TABLES)
        cursor.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})", TABLES)
        triggers = cursor.fetchall()
        for name, _ in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        return triggers


def _triggers_on(triggers):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = origin")
        for _, sql in triggers:
            cursor.execute(sql)


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


def generate(line_items, seed=2022, progress=None):
    """Add a synthetic record of `line_items` line items; returns the number of rows added per table."""
    from .models import Delivery, LineItem, Pledge, Source

    rng = random.Random(seed)
    counts = {"pledges": 0, "line_items": 0, "deliveries": 0}
    with transaction.atomic():
        Source.objects.get_or_create(
            archive_ref=SYNTHETIC_MARKER,
            defaults={
                "title": "Synthetic record made by generate_demo_data: not real pledges",
                "kind": Source.Kind.DATASET,
                "publisher": "AidTracker",
            },
        )
        donors = _donors(rng)
        categories, systems = _systems()
        meetings = _meetings(rng)
        category_ids = [c.pk for c in categories]
        countable = {c.pk for c in categories if c.is_countable}
        category_cum = list(accumulate(CATEGORY_WEIGHTS.get(c.slug, 1) for c in categories))
        donor_cum = list(accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(donors))))
        span = (LAST_DAY - FIRST_DAY).days
        ordinal0 = FIRST_DAY.toordinal()
        now = timezone.now().isoformat()

        pledge_columns, pledge_fill = _model_columns(
            Pledge,
            [
                "id",
                "date",
                "date_precision",
                "donor_id",
                "title",
                "meeting_id",
                "notes",
                "updated_at",
                "dataset_id",
                "dataset_key",
                "date_uncertain",
            ],
        )
        item_generated = [
            "id",
            "pledge_id",
            "category_id",
            "system_id",
            "description",
            "quantity",
            "unit",
            "value_reported",
            "currency",
            "value_basis",
            "value_eur",
            "eur_rate",
            "eur_rate_date",
            "funding_mode",
            "stage",
            "over_delivery_confirmed",
            "quantity_uncertain",
            "dataset_key",
            "quantity_delivered",
            "delivery_count",
        ]
        item_columns, item_fill = _model_columns(LineItem, item_generated)
        delivery_columns, delivery_fill = _model_columns(
            Delivery, ["id", "date", "date_precision", "line_item_id", "quantity", "quantity_uncertain", "notes"]
        )
        false = _bool(False)

        triggers = _triggers_off()
        pledge_id = _next_id("pledges_pledge")
        item_id = first_item_id = _next_id("pledges_lineitem")
        delivery_id = _next_id("pledges_delivery")
        first_ids = {"pledges_pledge": pledge_id, "pledges_lineitem": item_id, "pledges_delivery": delivery_id}
        remaining = line_items
        while remaining > 0:
            batch = min(CHUNK, remaining)
            remaining -= batch
            pledge_count = max(1, batch // ITEMS_PER_PLEDGE)
            pledge_donors = rng.choices(donors, cum_weights=donor_cum, k=pledge_count)
            pledges, items, deliveries = [], [], []
            pledge_dates = []
            for index in range(pledge_count):
                day = ordinal0 + int(span * rng.random() ** 0.8)
                meeting = None
                if rng.random() < 0.3:  # announced at a meeting: dated on its first day
                    meeting, starts_on = meetings[rng.randrange(len(meetings))]
                    day = starts_on.toordinal()
                date = datetime.date.fromordinal(day)
                pledges.append(
                    [
                        pledge_id + index,
                        date.isoformat(),
                        "day",
                        pledge_donors[index],
                        f"Synthetic package {pledge_id + index}",
                        meeting,
                        "",
                        now,
                        None,
                        f"{SYNTHETIC_KEY_PREFIX}{pledge_id + index}",
                        false,
                    ]
                )
                pledge_dates.append(day)
            item_categories = rng.choices(category_ids, cum_weights=category_cum, k=batch)
            randoms = [rng.random() for _ in range(batch * 4)]
            for index in range(batch):
                pledge_index = index * pledge_count // batch
                category = item_categories[index]
                r_quantity, r_value, r_stage, r_deliveries = randoms[4 * index : 4 * index + 4]
                is_countable = category in countable
                category_systems = systems.get(category)
                system = category_systems[int(r_quantity * 997) % len(category_systems)] if category_systems else None
                quantity = int(1 + 400 * r_quantity**4) if is_countable and r_quantity < 0.8 else None
                day = pledge_dates[pledge_index]
                if r_value < 0.7:
                    cents = int(1_000_000 + 50_000_000_000 * r_value**6) * 100
                    value = f"{cents // 100}.{cents % 100:02d}"
                    currency, basis, rate, rate_date = "EUR", "reported", "1", datetime.date.fromordinal(day)
                else:
                    value = currency = rate = rate_date = None
                    currency, basis = "", "unknown"
                stage = "cancelled" if r_stage < 0.04 else ("announced" if r_stage < 0.2 else "committed")
                items.append(
                    [
                        item_id,
                        pledge_id + pledge_index,
                        category,
                        system,
                        "",
                        quantity,
                        "units",
                        value,
                        currency,
                        basis,
                        value,
                        rate,
                        rate_date.isoformat() if rate_date else None,
                        "stocks",
                        stage,
                        false,
                        false,
                        "",
                        0,
                        0,
                    ]
                )
                # 0-4 deliveries (2.1 on average), never before the pledge, never more than pledged
                n = 0 if stage == "cancelled" else min(5, int(r_deliveries * 5.8))
                if quantity is not None:
                    n = min(n, quantity)
                left, delivered, made = quantity, 0, 0
                for number in range(n):
                    day = day + 1 + int(rng.random() * 120)
                    if day > LAST_DAY.toordinal():
                        break  # not delivered yet: the record ends on LAST_DAY
                    if quantity is None:
                        units = None if number % 3 == 2 else 1 + int(rng.random() * 20)
                    else:
                        most = left - (n - number - 1)
                        units = most if number == n - 1 and r_deliveries > 0.9 else max(1, int(most * rng.random()))
                        left -= units
                    delivered += units or 0
                    deliveries.append(
                        [
                            delivery_id,
                            datetime.date.fromordinal(day).isoformat(),
                            "day",
                            item_id,
                            units,
                            false,
                            "",
                        ]
                    )
                    delivery_id += 1
                    made += 1
                # what the triggers would count: set here, checked against the deliveries in _check_counts
                items[-1][18], items[-1][19] = delivered, made
                item_id += 1
            pledge_id += pledge_count
            _load("pledges_pledge", pledge_columns, _arrange(pledges, pledge_fill))
            _load("pledges_lineitem", item_columns, _arrange(items, item_fill))
            _load("pledges_delivery", delivery_columns, _arrange(deliveries, delivery_fill))
            counts["pledges"] += len(pledges)
            counts["line_items"] += len(items)
            counts["deliveries"] += len(deliveries)
            if progress:
                progress(counts)
        _check_counts(first_item_id)
        _check_foreign_keys(first_ids)
        _triggers_on(triggers)
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

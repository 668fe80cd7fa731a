"""The record's database triggers as they stand now, for both engines: the one place to read or change them.

- A line item's quantity_delivered and delivery_count always equal what its published deliveries
  add up to, so the named CHECK lineitem_delivered_within_pledged refuses any delivery that would
  exceed the pledged quantity. Draft and retracted deliveries change no public figure.
- delivery_not_before_pledge: a delivery whose latest possible date precedes the earliest possible
  date of its pledge is refused, whichever row changes (the delivery, the pledge's date, or the
  line item's pledge). A pledge dated "on or before" has no earliest date and never conflicts.

Migration 0002 created them and 0007 made them count published deliveries only; those migrations
keep their own copy of the SQL so that they replay as they always did. To change a trigger, change
it here and add a migration with its own copy of the new SQL (one importing this module would
replay differently once it changes again); tests/test_schema_changes.py fails until the migrated
database has exactly these triggers. Schema changes need nothing: PostgreSQL's ALTER TABLE keeps
triggers, and on SQLite the project's backend (aidtracker/sqlite_backend) keeps them through
Django's table rebuilds.
"""

from dataclasses import dataclass

from django.db.backends.base.schema import BaseDatabaseSchemaEditor

ERROR = "delivery_not_before_pledge"


@dataclass(frozen=True)
class Trigger:
    name: str  # on PostgreSQL also the name of the trigger's function
    table: str
    sql: str


def _pg_violation(d, p):
    """SQL that is true when delivery alias `d` certainly precedes pledge alias `p`."""
    end = (
        f"CASE {d}.date_precision"
        f" WHEN 'month' THEN (date_trunc('month', {d}.date) + interval '1 month' - interval '1 day')::date"
        f" WHEN 'quarter' THEN (date_trunc('quarter', {d}.date) + interval '3 months' - interval '1 day')::date"
        f" WHEN 'year' THEN (date_trunc('year', {d}.date) + interval '1 year' - interval '1 day')::date"
        f" ELSE {d}.date END"
    )
    return f"({p}.date_precision <> 'on_or_before' AND {end} < {p}.date)"


def _sqlite_violation(d, p):
    quarter_start = (
        f"date({d}.date, 'start of month', '-' || ((CAST(strftime('%m', {d}.date) AS INTEGER) - 1) % 3) || ' months')"
    )
    end = (
        f"CASE {d}.date_precision"
        f" WHEN 'month' THEN date({d}.date, 'start of month', '+1 month', '-1 day')"
        f" WHEN 'quarter' THEN date({quarter_start}, '+3 months', '-1 day')"
        f" WHEN 'year' THEN date({d}.date, 'start of year', '+1 year', '-1 day')"
        f" ELSE {d}.date END"
    )
    return f"({p}.date_precision <> 'on_or_before' AND {end} < {p}.date)"


def _pg(name, table, body, timing):
    return Trigger(
        name,
        table,
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $${body}$$;"
        f" CREATE TRIGGER {name} {timing} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();",
    )


POSTGRESQL = [
    _pg(
        "pledges_lineitem_delivered_totals",
        "pledges_lineitem",
        """
    BEGIN
      SELECT COALESCE(SUM(quantity), 0), COUNT(*) INTO NEW.quantity_delivered, NEW.delivery_count
        FROM pledges_delivery WHERE line_item_id = NEW.id AND publication = 'published';
      RETURN NEW;
    END """,
        "BEFORE INSERT OR UPDATE",
    ),
    _pg(
        "pledges_delivery_touch_lineitem",
        "pledges_delivery",
        """
    BEGIN
      -- touching the line item makes its BEFORE trigger recount, then its CHECKs run
      UPDATE pledges_lineitem SET delivery_count = delivery_count
        WHERE id IN (OLD.line_item_id, NEW.line_item_id);
      RETURN NULL;
    END """,
        "AFTER INSERT OR UPDATE OR DELETE",
    ),
    _pg(
        "pledges_delivery_not_before_pledge",
        "pledges_delivery",
        f"""
    BEGIN
      IF EXISTS (SELECT 1 FROM pledges_lineitem li JOIN pledges_pledge p ON p.id = li.pledge_id
                 WHERE li.id = NEW.line_item_id AND {_pg_violation("NEW", "p")}) THEN
        RAISE EXCEPTION '{ERROR}: a delivery dated % would come before its pledge', NEW.date
          USING ERRCODE = 'check_violation', CONSTRAINT = '{ERROR}';
      END IF;
      RETURN NEW;
    END """,
        "BEFORE INSERT OR UPDATE",
    ),
    _pg(
        "pledges_pledge_not_after_deliveries",
        "pledges_pledge",
        f"""
    BEGIN
      IF EXISTS (SELECT 1 FROM pledges_delivery d JOIN pledges_lineitem li ON li.id = d.line_item_id
                 WHERE li.pledge_id = NEW.id AND {_pg_violation("d", "NEW")}) THEN
        RAISE EXCEPTION '{ERROR}: the pledge would then come after one of its deliveries'
          USING ERRCODE = 'check_violation', CONSTRAINT = '{ERROR}';
      END IF;
      RETURN NULL;
    END """,
        "AFTER UPDATE OF date, date_precision",
    ),
    _pg(
        "pledges_lineitem_moved_not_after_deliveries",
        "pledges_lineitem",
        f"""
    BEGIN
      IF EXISTS (SELECT 1 FROM pledges_delivery d JOIN pledges_pledge p ON p.id = NEW.pledge_id
                 WHERE d.line_item_id = NEW.id AND {_pg_violation("d", "p")}) THEN
        RAISE EXCEPTION '{ERROR}: the line item''s deliveries would then come before its new pledge'
          USING ERRCODE = 'check_violation', CONSTRAINT = '{ERROR}';
      END IF;
      RETURN NULL;
    END """,
        "AFTER UPDATE OF pledge_id",
    ),
]


def _sqlite_recount(row, column):
    return (
        "UPDATE pledges_lineitem SET"
        " quantity_delivered = (SELECT COALESCE(SUM(quantity), 0) FROM pledges_delivery"
        f" WHERE publication = 'published' AND line_item_id = {row}.{column}),"
        " delivery_count = (SELECT COUNT(*) FROM pledges_delivery"
        f" WHERE publication = 'published' AND line_item_id = {row}.{column})"
        f" WHERE id = {row}.{column};"
    )


def _sqlite(name, table, timing, body, when=""):
    when = f" WHEN {when}" if when else ""
    return Trigger(name, table, f"CREATE TRIGGER {name} {timing} ON {table}{when} BEGIN {body} END;")


_SQLITE_RAISE = f"SELECT RAISE(ABORT, 'CHECK constraint failed: {ERROR}');"

SQLITE = [
    _sqlite(
        "pledges_delivery_insert_recount", "pledges_delivery", "AFTER INSERT", _sqlite_recount("NEW", "line_item_id")
    ),
    _sqlite(
        "pledges_delivery_delete_recount", "pledges_delivery", "AFTER DELETE", _sqlite_recount("OLD", "line_item_id")
    ),
    _sqlite(
        "pledges_delivery_update_recount",
        "pledges_delivery",
        "AFTER UPDATE",
        f"{_sqlite_recount('OLD', 'line_item_id')} {_sqlite_recount('NEW', 'line_item_id')}",
    ),
    # a save of a stale line item must not overwrite the counts the deliveries set
    _sqlite(
        "pledges_lineitem_update_recount",
        "pledges_lineitem",
        "AFTER UPDATE OF quantity_delivered, delivery_count",
        _sqlite_recount("NEW", "id"),
    ),
    *(
        _sqlite(
            f"pledges_delivery_{event.lower()}_not_before_pledge",
            "pledges_delivery",
            f"BEFORE {event}",
            _SQLITE_RAISE,
            when="EXISTS (SELECT 1 FROM pledges_lineitem li JOIN pledges_pledge p ON p.id = li.pledge_id"
            f" WHERE li.id = NEW.line_item_id AND {_sqlite_violation('NEW', 'p')})",
        )
        for event in ("INSERT", "UPDATE")
    ),
    _sqlite(
        "pledges_pledge_not_after_deliveries",
        "pledges_pledge",
        "AFTER UPDATE OF date, date_precision",
        _SQLITE_RAISE,
        when="EXISTS (SELECT 1 FROM pledges_delivery d JOIN pledges_lineitem li ON li.id = d.line_item_id"
        f" WHERE li.pledge_id = NEW.id AND {_sqlite_violation('d', 'NEW')})",
    ),
    _sqlite(
        "pledges_lineitem_moved_not_after_deliveries",
        "pledges_lineitem",
        "AFTER UPDATE OF pledge_id",
        _SQLITE_RAISE,
        when="EXISTS (SELECT 1 FROM pledges_delivery d JOIN pledges_pledge p ON p.id = NEW.pledge_id"
        f" WHERE d.line_item_id = NEW.id AND {_sqlite_violation('d', 'p')})",
    ),
]

TRIGGERS = {"postgresql": POSTGRESQL, "sqlite": SQLITE}


def for_vendor(vendor):
    if vendor not in TRIGGERS:
        raise NotImplementedError(f"No invariant triggers written for {vendor}")
    return TRIGGERS[vendor]


def _runner(target):
    """The vendor and a function running one statement, for a schema editor (so sqlmigrate shows it) or a connection."""
    if isinstance(target, BaseDatabaseSchemaEditor):
        # params=None: the SQL's % signs are not placeholders
        return target.connection.vendor, lambda sql: target.execute(sql, params=None)

    def run(sql):
        with target.cursor() as cursor:
            cursor.execute(sql)

    return target.vendor, run


def drop(target):
    """Drop those of the triggers that exist (on PostgreSQL with their functions); `target`: as for install()."""
    vendor, run = _runner(target)
    for trigger in for_vendor(vendor):
        if vendor == "postgresql":
            run(f"DROP TRIGGER IF EXISTS {trigger.name} ON {trigger.table}; DROP FUNCTION IF EXISTS {trigger.name}()")
        else:
            run(f"DROP TRIGGER IF EXISTS {trigger.name}")


def install(target):
    """Create the triggers as defined here, replacing any of the same name; `target`: a schema editor or connection."""
    drop(target)
    vendor, run = _runner(target)
    for trigger in for_vendor(vendor):
        run(trigger.sql)

"""Database triggers for the invariants that span tables.

- A line item's quantity_delivered and delivery_count always equal what its
  deliveries add up to, so the named CHECK lineitem_delivered_within_pledged
  refuses any delivery that would exceed the pledged quantity.
- delivery_not_before_pledge: a delivery whose latest possible date precedes the
  earliest possible date of its pledge is refused, whichever row changes (the
  delivery, the pledge's date, or the line item's pledge). A pledge dated "on or
  before" has no earliest date and never conflicts.

Written once per engine: PostgreSQL in PL/pgSQL, SQLite in its trigger dialect.

The triggers as they stand now (0007 changed them) are defined in pledges/triggers.py. This SQL
stays as this migration ran it, so that the migrations replay as they always did.
"""

from django.db import migrations

ERROR = "delivery_not_before_pledge"


def pg_violation(d, p):
    """SQL that is true when delivery alias `d` certainly precedes pledge alias `p`."""
    end = (
        f"CASE {d}.date_precision"
        f" WHEN 'month' THEN (date_trunc('month', {d}.date) + interval '1 month' - interval '1 day')::date"
        f" WHEN 'quarter' THEN (date_trunc('quarter', {d}.date) + interval '3 months' - interval '1 day')::date"
        f" WHEN 'year' THEN (date_trunc('year', {d}.date) + interval '1 year' - interval '1 day')::date"
        f" ELSE {d}.date END"
    )
    return f"({p}.date_precision <> 'on_or_before' AND {end} < {p}.date)"


def sqlite_violation(d, p):
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


RECOUNT_SQLITE = """
    UPDATE pledges_lineitem SET
      quantity_delivered = (SELECT COALESCE(SUM(quantity), 0) FROM pledges_delivery WHERE line_item_id = {row}.{column}),
      delivery_count = (SELECT COUNT(*) FROM pledges_delivery WHERE line_item_id = {row}.{column})
    WHERE id = {row}.{column};
"""

POSTGRESQL = [
    """
    CREATE FUNCTION pledges_lineitem_delivered_totals() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT COALESCE(SUM(quantity), 0), COUNT(*) INTO NEW.quantity_delivered, NEW.delivery_count
        FROM pledges_delivery WHERE line_item_id = NEW.id;
      RETURN NEW;
    END $$;
    CREATE TRIGGER pledges_lineitem_delivered_totals BEFORE INSERT OR UPDATE ON pledges_lineitem
      FOR EACH ROW EXECUTE FUNCTION pledges_lineitem_delivered_totals();
    """,
    """
    CREATE FUNCTION pledges_delivery_touch_lineitem() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- touching the line item makes its BEFORE trigger recount, then its CHECKs run
      UPDATE pledges_lineitem SET delivery_count = delivery_count
        WHERE id IN (OLD.line_item_id, NEW.line_item_id);
      RETURN NULL;
    END $$;
    CREATE TRIGGER pledges_delivery_touch_lineitem AFTER INSERT OR UPDATE OR DELETE ON pledges_delivery
      FOR EACH ROW EXECUTE FUNCTION pledges_delivery_touch_lineitem();
    """,
    f"""
    CREATE FUNCTION pledges_delivery_not_before_pledge() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM pledges_lineitem li JOIN pledges_pledge p ON p.id = li.pledge_id
                 WHERE li.id = NEW.line_item_id AND {pg_violation("NEW", "p")}) THEN
        RAISE EXCEPTION '{ERROR}: a delivery dated % would come before its pledge', NEW.date
          USING ERRCODE = 'check_violation', CONSTRAINT = '{ERROR}';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER pledges_delivery_not_before_pledge BEFORE INSERT OR UPDATE ON pledges_delivery
      FOR EACH ROW EXECUTE FUNCTION pledges_delivery_not_before_pledge();
    """,
    f"""
    CREATE FUNCTION pledges_pledge_not_after_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM pledges_delivery d JOIN pledges_lineitem li ON li.id = d.line_item_id
                 WHERE li.pledge_id = NEW.id AND {pg_violation("d", "NEW")}) THEN
        RAISE EXCEPTION '{ERROR}: the pledge would then come after one of its deliveries'
          USING ERRCODE = 'check_violation', CONSTRAINT = '{ERROR}';
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER pledges_pledge_not_after_deliveries AFTER UPDATE OF date, date_precision ON pledges_pledge
      FOR EACH ROW EXECUTE FUNCTION pledges_pledge_not_after_deliveries();
    """,
    f"""
    CREATE FUNCTION pledges_lineitem_moved_not_after_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM pledges_delivery d JOIN pledges_pledge p ON p.id = NEW.pledge_id
                 WHERE d.line_item_id = NEW.id AND {pg_violation("d", "p")}) THEN
        RAISE EXCEPTION '{ERROR}: the line item''s deliveries would then come before its new pledge'
          USING ERRCODE = 'check_violation', CONSTRAINT = '{ERROR}';
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER pledges_lineitem_moved_not_after_deliveries AFTER UPDATE OF pledge_id ON pledges_lineitem
      FOR EACH ROW EXECUTE FUNCTION pledges_lineitem_moved_not_after_deliveries();
    """,
]

SQLITE_RAISE = f"SELECT RAISE(ABORT, 'CHECK constraint failed: {ERROR}');"

SQLITE = [
    f"CREATE TRIGGER pledges_delivery_insert_recount AFTER INSERT ON pledges_delivery BEGIN"
    f" {RECOUNT_SQLITE.format(row='NEW', column='line_item_id')} END;",
    f"CREATE TRIGGER pledges_delivery_delete_recount AFTER DELETE ON pledges_delivery BEGIN"
    f" {RECOUNT_SQLITE.format(row='OLD', column='line_item_id')} END;",
    f"CREATE TRIGGER pledges_delivery_update_recount AFTER UPDATE ON pledges_delivery BEGIN"
    f" {RECOUNT_SQLITE.format(row='OLD', column='line_item_id')}"
    f" {RECOUNT_SQLITE.format(row='NEW', column='line_item_id')} END;",
    # a save of a stale line item must not overwrite the counts the deliveries set
    f"CREATE TRIGGER pledges_lineitem_update_recount AFTER UPDATE OF quantity_delivered, delivery_count"
    f" ON pledges_lineitem BEGIN {RECOUNT_SQLITE.format(row='NEW', column='id')} END;",
]
for event in ("INSERT", "UPDATE"):
    SQLITE.append(
        f"CREATE TRIGGER pledges_delivery_{event.lower()}_not_before_pledge BEFORE {event} ON pledges_delivery"
        f" WHEN EXISTS (SELECT 1 FROM pledges_lineitem li JOIN pledges_pledge p ON p.id = li.pledge_id"
        f" WHERE li.id = NEW.line_item_id AND {sqlite_violation('NEW', 'p')})"
        f" BEGIN {SQLITE_RAISE} END;"
    )
SQLITE += [
    f"CREATE TRIGGER pledges_pledge_not_after_deliveries AFTER UPDATE OF date, date_precision ON pledges_pledge"
    f" WHEN EXISTS (SELECT 1 FROM pledges_delivery d JOIN pledges_lineitem li ON li.id = d.line_item_id"
    f" WHERE li.pledge_id = NEW.id AND {sqlite_violation('d', 'NEW')})"
    f" BEGIN {SQLITE_RAISE} END;",
    f"CREATE TRIGGER pledges_lineitem_moved_not_after_deliveries AFTER UPDATE OF pledge_id ON pledges_lineitem"
    f" WHEN EXISTS (SELECT 1 FROM pledges_delivery d JOIN pledges_pledge p ON p.id = NEW.pledge_id"
    f" WHERE d.line_item_id = NEW.id AND {sqlite_violation('d', 'p')})"
    f" BEGIN {SQLITE_RAISE} END;",
]


def create_triggers(apps, schema_editor):
    statements = {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(schema_editor.connection.vendor)
    if statements is None:
        raise NotImplementedError(f"No invariant triggers written for {schema_editor.connection.vendor}")
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("pledges", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, migrations.RunPython.noop)]

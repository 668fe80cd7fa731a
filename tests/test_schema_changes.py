"""Schema changes keep the record's triggers (pledges/triggers.py), on SQLite and PostgreSQL.

SQLite rebuilds a table to add a NOT NULL column or change one, which dropped the triggers, or
failed on them, until the project's backend (aidtracker/sqlite_backend) kept them through it;
PostgreSQL alters the table in place. These tests change the schema for real, so they run outside
a test transaction and undo their change; the flush after each empties the data of the migrations,
which `categories_again` brings back.
"""

import datetime

import pytest
from django.db import IntegrityError, OperationalError, connection, models, transaction
from django.test.utils import CaptureQueriesContext

from pledges import triggers
from pledges.models import Delivery, LineItem, Pledge
from tests import factories

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite rebuilds tables; PostgreSQL does not")


def installed():
    """The names of the triggers in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return sorted(name for (name,) in cursor.fetchall())


def defined():
    return sorted(trigger.name for trigger in triggers.for_vendor(connection.vendor))


def definitions():
    """Each trigger's definition as the database has it, whitespace aside (on PostgreSQL with its function)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname, pg_get_triggerdef(oid), pg_get_functiondef(tgfoid) FROM pg_trigger"
                " WHERE NOT tgisinternal ORDER BY tgname"
            )
        else:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        return [tuple(" ".join(value.split()).rstrip(";") for value in row) for row in cursor.fetchall()]


def probe_field(model):
    # NOT NULL, so SQLite rebuilds the table to add it; the model class does not know the column,
    # so the database default fills it in the ORM's inserts
    field = models.CharField(max_length=40, blank=True, default="", db_default="")
    field.set_attributes_from_name("probe_note")
    field.model = model
    return field


def assert_the_triggers_work(item):
    """The triggers count the item's published deliveries and refuse what breaks the invariants."""
    factories.delivery(item, quantity=6)
    factories.delivery(item, quantity=4, publication="draft")
    item.refresh_from_db()
    assert (item.quantity_delivered, item.delivery_count, item.status) == (6, 1, "partially_delivered")
    with pytest.raises(IntegrityError, match="lineitem_delivered_within_pledged"), transaction.atomic():
        factories.delivery(item, quantity=13)
    with pytest.raises(IntegrityError, match="delivery_not_before_pledge"), transaction.atomic():
        factories.delivery(item, date=datetime.date(2023, 2, 13))


@pytest.fixture
def probe_column(categories_again):
    """add(model) adds probe_note to the model's table and returns the SQL run; the column goes after the test."""
    added = []

    def add(model):
        field = probe_field(model)
        with CaptureQueriesContext(connection) as queries, connection.schema_editor() as editor:
            editor.add_field(model, field)
        added.append((model, field))
        return [query["sql"] for query in queries]

    yield add
    for model, field in added:
        with connection.schema_editor() as editor:
            editor.remove_field(model, field)
    assert installed() == defined()


def test_the_migrations_leave_the_triggers_pledges_triggers_defines(db):
    assert installed() == defined()
    migrated = definitions()
    triggers.install(connection)
    assert definitions() == migrated


@pytest.mark.parametrize("model", [LineItem, Pledge, Delivery], ids=lambda model: model.__name__)
def test_the_triggers_still_count_after_a_column_is_added(probe_column, model):
    item = factories.line_item(quantity=18)
    item.co_funders.add(factories.donor("PL"))  # a row pointing at the line item, as in the seed record
    statements = probe_column(model)
    if connection.vendor == "sqlite":
        # the rebuild, not an ALTER TABLE ADD COLUMN: the case that lost the triggers
        assert any(f'"new__{model._meta.db_table}"' in sql for sql in statements)
    assert installed() == defined()
    assert_the_triggers_work(item)


def test_the_triggers_still_count_after_a_column_is_changed(categories_again):
    item = factories.line_item(quantity=18)
    old = LineItem._meta.get_field("description")
    longer = old.clone()
    longer.set_attributes_from_name("description")
    longer.max_length += 1
    with connection.schema_editor() as editor:
        editor.alter_field(LineItem, old, longer)
    try:
        assert installed() == defined()
        assert_the_triggers_work(item)
    finally:
        with connection.schema_editor() as editor:
            editor.alter_field(LineItem, longer, old)
    assert installed() == defined()


@sqlite_only
def test_a_failed_rebuild_reports_its_own_error_not_a_foreign_key(categories_again):
    item = factories.line_item()
    item.co_funders.add(factories.donor("PL"))
    with connection.cursor() as cursor:
        # SQLite checks views too when it renames a table: this one fails the rebuild after the drop,
        # when the rows pointing at the line items seem to point nowhere
        cursor.execute("CREATE VIEW probe_view AS SELECT id FROM pledges_lineitem")
    try:
        with pytest.raises(OperationalError, match="probe_view"), connection.schema_editor() as editor:
            editor.add_field(LineItem, probe_field(LineItem))
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP VIEW probe_view")
    assert installed() == defined()
    assert list(item.co_funders.values_list("code", flat=True)) == ["PL"]


@sqlite_only
def test_a_rebuild_refuses_a_foreign_key_pointing_nowhere_naming_the_table(categories_again):
    item = factories.line_item()
    donor = factories.donor("PL")
    connection.disable_constraint_checking()
    try:
        with connection.cursor() as cursor:
            orphan = [item.pk + 1, donor.pk]
            cursor.execute("INSERT INTO pledges_lineitem_co_funders (lineitem_id, donor_id) VALUES (%s, %s)", orphan)
    finally:
        connection.enable_constraint_checking()
    with pytest.raises(IntegrityError, match="Rebuilding table pledges_lineitem left a foreign key pointing nowhere"):
        with connection.schema_editor() as editor:
            editor.add_field(LineItem, probe_field(LineItem))
    assert installed() == defined()

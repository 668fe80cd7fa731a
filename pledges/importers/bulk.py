"""An import's new rows written in bulk with their history, a few statements per table.

Django's bulk_create spends most of an import's time composing its SQL value by value; here each
model's columns are prepared once and the rows go in multi-row INSERTs that return their keys (the
same RETURNING Django's bulk_create relies on, SQLite 3.35+ and PostgreSQL), and their first
history versions (what django-simple-history's own save would write, dated alike) in one
executemany, since nothing refers to them. Values are prepared by the fields themselves
(get_db_prep_save), so they are stored exactly as a save() stores them.
"""

from django.db import connections, router

MAX_PARAMETERS = 999  # per statement: SQLite's default limit, well within PostgreSQL's


def create_with_history(model, objs, when):
    """Insert `objs` (unsaved instances of `model`, their keys set afterwards) and a creation version of each
    dated `when`; returns `objs`. Sends no signals: the caller renews what they would have."""
    if not objs:
        return objs
    connection = connections[router.db_for_write(model)]
    fields = [field for field in model._meta.concrete_fields if not field.generated and not field.primary_key]
    rows = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="create_with_history")
        rows.append([field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields])
    keys = _insert(connection, model._meta.db_table, [field.column for field in fields], rows, model._meta.pk.column)
    for obj, key in zip(objs, keys, strict=True):
        obj.pk = key
        obj._state.adding, obj._state.db = False, connection.alias

    history = model.history.model
    pairs = [(field, history._meta.get_field(field.name)) for field in history.tracked_fields]
    stamp = history._meta.get_field("history_date").get_db_prep_save(when, connection)
    versions = [
        [
            *(own.get_db_prep_save(getattr(obj, field.attname), connection) for field, own in pairs),
            stamp,
            None,  # no change reason, as a save outside the admin writes none
            "+",
            None,  # no user: the ImportRun says who imported
        ]
        for obj in objs
    ]
    columns = [own.column for _, own in pairs]
    columns += ["history_date", "history_change_reason", "history_type", "history_user_id"]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(map(quote, columns))}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})",
            versions,
        )
    return objs


def _insert(connection, table, columns, rows, key):
    """Insert `rows` into `table` in statements of up to MAX_PARAMETERS values; the new keys, in row order."""
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) VALUES "
    placeholders = f"({', '.join(['%s'] * len(columns))})"
    per_statement = max(1, MAX_PARAMETERS // len(columns))
    keys = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(
                head + ", ".join([placeholders] * len(chunk)) + f" RETURNING {quote(key)}",
                [value for row in chunk for value in row],
            )
            keys.extend(key for (key,) in cursor.fetchall())
    return keys

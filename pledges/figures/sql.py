"""SQL the ORM does not write."""

from django.db import connections, router


def insert_select(model, fields, sql, params):
    """INSERT INTO the table of `model` (these fields' columns) the rows of a SELECT: nothing passes through Python."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(model._meta.db_table)} ({columns}) {sql}", params)

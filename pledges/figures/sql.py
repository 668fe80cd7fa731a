"""SQL the ORM does not write."""

from django.db import connections, router


def insert_select(model, fields, sql, params):
    """INSERT INTO the table of `model` (these fields' columns) the rows of a SELECT: nothing passes through Python."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(model._meta.db_table)} ({columns}) {sql}", params)


def analyze(*models):
    """Fresh planner statistics for these tables after a bulk load: the planner takes a table loaded since it was
    last analysed for nearly empty, and picks nested loops and on-disk sorts (at 1M line items the category page's
    systems took 575 ms instead of 135 ms, the overview's categories 139 ms instead of 66 ms)."""
    connection = connections[router.db_for_write(models[0])]
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")

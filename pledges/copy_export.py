"""A table export's CSV written by PostgreSQL itself: `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)`.

The Python path (exports.csv_text) reads rows into Python and formats every cell there. Here the same
filtered, ordered queryset is annotated with one text expression per column computing the very cell
exports.csv_cell() writes (CELL_SQL), and PostgreSQL quotes and writes the rows. The bytes are the
same, which tests/test_exports_copy.py checks:

- every cell is text or NULL. COPY writes NULL as an empty unquoted field, and no cell is ever an empty
  string, which COPY would write as "" where Python's csv module writes nothing;
- COPY quotes a field when csv.QUOTE_MINIMAL does (it holds a comma, a quote, CR or LF) and doubles
  quotes, but ends rows with LF where csv.writer ends them with CRLF. The server sends one row per
  CopyData message, libpq's PQgetCopyData() returns one row at a time and psycopg2's copy_expert()
  passes each to write() on its own, so a row's last byte is its terminator whatever newlines its
  quoted fields hold: _Rows replaces it;
- the computed columns (sources, co-funders) are subqueries aggregated for every row at once and
  joined (exports.ComputedSql), which PostgreSQL hashes: a subquery per row costs ~10 µs a row.

copy_expert() pushes rows into a file while a StreamingHttpResponse pulls them, so the COPY runs in a
thread on the request's own database connection and hands chunks over through a bounded queue: memory
stays at a few chunks. When the client goes away the server closes the response, which closes the
generator: it cancels the statement and waits for the thread before the connection is used again.
"""

import queue
import threading
import time

from django.db import connections
from django.db.models import Expression, F, TextField
from django.db.models.expressions import RawSQL
from django.db.models.sql.constants import LOUTER

from . import exports

CHUNK_BYTES = 256 * 1024  # rows leave in chunks of about this size
QUEUED_CHUNKS = 8  # at most this many chunks wait for the client
_DONE = object()

# The SQL of the text csv_cell() writes, by column type; {0} is the value, NULL an empty cell.
_FORMULA_CODES = ", ".join(str(ord(prefix)) for prefix in exports.FORMULA_PREFIXES)
CELL_SQL = {
    "integer": "({0})::text",
    # numeric as text keeps the scale Django's Decimal has, and never uses an exponent: format(value, "f")
    "decimal": "({0})::text",
    "date": "to_char({0}, 'YYYY-MM-DD')",
    "boolean": "CASE WHEN {0} THEN 'true' WHEN NOT {0} THEN 'false' END",
    # neutralise(): ascii() is the code point of the first character (UTF8 database), 0 for an empty string
    "text": f"NULLIF(CASE WHEN ascii({{0}}) IN ({_FORMULA_CODES}) THEN '''' || {{0}} ELSE {{0}} END, '')",
}


def supports(export, queryset):
    """Whether PostgreSQL can write this export: psycopg2 (for copy_expert) and SQL for every computed column."""
    if connections[queryset.db].vendor != "postgresql":
        return False
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    computed = {column.name for column in export.columns if not column.lookup}
    return not is_psycopg3 and computed <= set(export.computed_sql().values)


def csv_bytes(export, queryset, bom=False):
    """The CSV file as bytes: the header as the Python path writes it, then COPY's rows in chunks."""
    yield next(exports.csv_text(export, [], bom=bom)).encode()
    sql, params = select(export, queryset)
    yield from _copy(connections[queryset.db], sql, params)


class CsvCell(Expression):
    """The CSV text of an expression's value, as exports.csv_cell() writes it for a column's type."""

    output_field = TextField()

    def __init__(self, expression, type_):
        super().__init__()
        self.expression, self.type = expression, type_

    def get_source_expressions(self):
        return [self.expression]

    def set_source_expressions(self, expressions):
        (self.expression,) = expressions

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.expression)
        template = CELL_SQL[self.type]
        return template.format(sql), tuple(params) * template.count("{0}")


class _AggregateJoin:
    """`LEFT OUTER JOIN (sql) AS alias ON alias.key = parent.column`, as an entry of a query's alias_map:
    Django joins models only."""

    join_type = LOUTER
    nullable = True
    filtered_relation = None

    def __init__(self, parent_alias, column, alias, sql):
        self.parent_alias, self.column, self.sql = parent_alias, column, sql
        self.table_name = self.table_alias = alias

    def as_sql(self, compiler, connection):
        parent = compiler.quote_name_unless_alias(self.parent_alias)
        on = f"{self.table_alias}.key = {parent}.{connection.ops.quote_name(self.column)}"
        return f"LEFT OUTER JOIN ({self.sql}) AS {self.table_alias} ON ({on})", ()

    def relabeled_clone(self, change_map):
        raise NotImplementedError("an export's COPY query is never nested in another query")


def select(export, queryset):
    """The SELECT (sql, params) of the CSV cells of `queryset`'s rows in its order, one text column per column."""
    computed = export.computed_sql()
    cells = {}
    for index, column in enumerate(export.columns):
        value = F(column.lookup) if column.lookup else RawSQL(computed.values[column.name], (), TextField())
        cells[f"csv_{index}"] = CsvCell(value, column.type)
    query = queryset.annotate(**cells).values_list(*cells).query
    base = query.get_initial_alias()
    for alias, (column, sql) in computed.joins.items():
        if alias in query.alias_map:
            raise ValueError(f"{alias!r} is already an alias in the export's query")
        query.alias_map[alias] = _AggregateJoin(base, column, alias, sql)
        query.alias_refcount[alias] = 1
    return query.get_compiler(using=queryset.db).as_sql()


class _Rows:
    """copy_expert()'s file: each write() is one row ending in LF; they leave in chunks, each row ending in CRLF."""

    def __init__(self, put):
        self.put, self.rows, self.size = put, [], 0

    def write(self, row):
        self.rows.append(row[:-1])
        self.size += len(row)
        if self.size >= CHUNK_BYTES:
            self.flush()

    def flush(self):
        if self.rows:
            self.rows.append(b"")
            self.put(b"\r\n".join(self.rows))
            self.rows, self.size = [], 0


def _copy(connection, sql, params):
    """The rows of COPY (sql) in chunks of bytes, read by a thread on `connection`'s database connection."""
    connection.ensure_connection()
    with connection.cursor() as cursor:
        query = cursor.mogrify(sql, params).decode()
    # One simple query runs in one implicit transaction: jit is off for this COPY alone. Compiling the
    # cells' expressions took 4.5 s of an 11 s export of 1M rows, for a plan that gains nothing from it.
    statement = f"SET LOCAL jit = off; COPY ({query}) TO STDOUT WITH (FORMAT csv)"
    raw = connection.connection
    chunks = queue.Queue(maxsize=QUEUED_CHUNKS)
    stopped = threading.Event()

    def put(item):
        while not stopped.is_set():  # once the reader has gone, whatever is left is dropped
            try:
                chunks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def produce():
        try:
            rows = _Rows(put)
            with raw.cursor() as cursor:
                cursor.copy_expert(statement, rows)
            rows.flush()
            put(_DONE)
        except BaseException as error:  # raised again in the request's thread
            put(error)

    thread = threading.Thread(target=produce, name="copy-export", daemon=True)
    started = time.monotonic()
    thread.start()
    finished = False
    try:
        while (item := chunks.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item
        finished = True
    finally:
        stopped.set()
        if not finished:
            raw.cancel()  # the client left, or the COPY failed: stop the statement
        thread.join()
        if connection.queries_logged:  # counted like any other query
            connection.queries_log.append({"sql": statement, "time": f"{time.monotonic() - started:.3f}"})
        if not finished and connection.in_atomic_block:
            connection.needs_rollback = True  # the cancelled statement aborted the transaction
        elif not finished:
            connection.close()  # whatever state the cancelled COPY left it in, the next request opens a new one

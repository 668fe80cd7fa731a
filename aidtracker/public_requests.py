"""What a request to the public pages and exports may do: read, with GET or HEAD, and not for long.

- The public pages (the `pledges` URLs) only read. Any other method (POST, PUT, OPTIONS, TRACE…) is a
  405 naming the two they answer, before the CSRF check or the view runs: without it a view answered
  OPTIONS and TRACE with the whole page, and a POST met the CSRF check's 403, which says nothing of why.
- Their SQL runs under a time limit per statement, settings.PUBLIC_STATEMENT_TIMEOUT seconds: a query
  that runs longer is stopped by the database, and the visitor gets a 503 page that says so, instead of
  a worker held for minutes by a filter nobody can answer quickly. PostgreSQL stops it itself
  (statement_timeout); SQLite has no such setting, so a progress handler interrupts the query once the
  request's time is up. The limit covers what a view reads; an export's rows stream after the view has
  returned, so a long download is never cut off (slow readers: see gunicorn.conf.py).
"""

import contextlib
import time

from django.conf import settings
from django.db import OperationalError, connections, router
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve

PUBLIC_NAMESPACE = "pledges"
READ_METHODS = ("GET", "HEAD")
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement stopped by statement_timeout
PQTRANS_INERROR = 3  # libpq's transaction status: in a transaction that an error has failed
SQLITE_CHECK_EVERY = 10_000  # virtual machine instructions between two looks at the clock
TOO_SLOW = (
    "This request needs more than {seconds:g} seconds of the database, the most a public page may take. "
    "Try fewer filters or a narrower date range, or download the whole table and filter it yourself."
)


def is_public_read(request):
    """A GET or HEAD of a public page or export (one of the `pledges` URLs)."""
    if request.method not in READ_METHODS:
        return False
    try:
        return resolve(request.path_info).namespace == PUBLIC_NAMESPACE
    except Resolver404:
        return False


class ReadOnlyPublicPagesMiddleware:
    """A 405 for a public page asked with any method but GET or HEAD. Before CsrfViewMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.namespace == PUBLIC_NAMESPACE and request.method not in READ_METHODS:
            return HttpResponseNotAllowed(READ_METHODS)
        return None


class StatementTimeoutMiddleware:
    """Public reads' SQL under settings.PUBLIC_STATEMENT_TIMEOUT seconds a statement (0: no limit); a 503 past it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PUBLIC_STATEMENT_TIMEOUT
        if not seconds or not is_public_read(request):
            return self.get_response(request)
        # the database public reads go to: the replica when there is one (aidtracker/routers.py)
        with statement_timeout(router.db_for_read(None), seconds):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError) and _stopped_by_the_limit(exception):
            return too_slow(request)
        return None


@contextlib.contextmanager
def statement_timeout(using, seconds):
    """Every statement run on database `using` inside the block stops after `seconds` (an OperationalError).

    The setting is sent through the driver's own cursor: it is not a read of the page, and stays out of
    the query counts the tests assert.
    """
    connection = connections[using]
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.connection.cursor() as cursor:
            # whole milliseconds, at least one: 0 would mean no limit
            cursor.execute("SET statement_timeout = %s", [f"{max(1, round(seconds * 1000))}ms"])
        try:
            yield
        finally:
            # in a transaction the cancelled statement failed (tests), its rollback undoes the SET as well,
            # and until then the server refuses any other statement
            if connection.connection is not None and connection.connection.info.transaction_status != PQTRANS_INERROR:
                with connection.connection.cursor() as cursor:
                    cursor.execute("RESET statement_timeout")
    elif connection.vendor == "sqlite":
        deadline = time.monotonic() + seconds
        connection.connection.set_progress_handler(lambda: time.monotonic() > deadline, SQLITE_CHECK_EVERY)
        try:
            yield
        finally:
            if connection.connection is not None:
                connection.connection.set_progress_handler(None, 0)
    else:
        yield


def _stopped_by_the_limit(error):
    cause = error.__cause__
    return getattr(cause, "pgcode", None) == QUERY_CANCELED or str(cause) == "interrupted"


def too_slow(request):
    """The 503 of a request stopped by the time limit: a page for people, plain text for an export."""
    reason = TOO_SLOW.format(seconds=settings.PUBLIC_STATEMENT_TIMEOUT)
    if request.resolver_match.kwargs.get("format"):
        return HttpResponse(reason, status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse(render_to_string("503.html", {"reason": reason}), status=503)

"""Reads of the summaries kept in Django's cache, under a version that changes with every change to the record.

`SummaryVersion.token` is a new random value after every change that can alter what a page reads: a
refresh of the summary cells and lag counts (pledges/figures/upkeep.py, which follows every saved or
deleted pledge, line item or delivery), a rebuild, a release's snapshot, and a save or delete of a
donor, category, system or alias, meeting, source, citation or dataset (upkeep.RECEIVERS),
each in the transaction that makes the change. A read looks the token up (one indexed one-row query)
and keeps its rows in the cache under the token and its own SQL: until the next change, every app
server answers it from the cache (Redis with REDIS_URL, each process's memory otherwise), and a
change is seen by the next read after its commit, because the old token is never asked for again.
Rows written around the models (raw SQL, QuerySet.update) need `rebuild_summaries`, which also bumps
it.

With no version row (a database flushed by a test), reads go to the database every time.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections, models, transaction

TIMEOUT = 24 * 3600  # a version's entries outlive it by at most a day; a newer version never reads them


class SummaryVersion(models.Model):
    """One row: the token of the summaries' current state (see above)."""

    token = models.CharField(max_length=32)

    def __str__(self):
        return self.token


def bump(using="default"):
    """A new token: every cached read of the summaries is stale from this transaction's commit on.

    Once per transaction is enough while nothing has been read under the new token: an import saving a
    thousand citations writes one token, not a thousand. Whether this transaction's token still stands is
    told by a marker registered with on_commit: Django drops it with the savepoint or transaction whose
    rollback undid the token's UPDATE, and a read under the token forgets it (see read).
    """
    connection = connections[using]
    marker = getattr(connection, "summary_bump", None)
    if marker is not None and any(callback is marker for _, callback, _ in connection.run_on_commit):
        return
    token = uuid.uuid4().hex
    if not SummaryVersion.objects.using(using).filter(pk=1).update(token=token):
        SummaryVersion.objects.using(using).create(pk=1, token=token)
    if connection.in_atomic_block:
        connection.summary_bump = _Bumped()
        transaction.on_commit(connection.summary_bump, using=using)


class _Bumped:
    """The on_commit marker of a token written in the current transaction (bump); a distinct object each time."""

    def __call__(self):
        pass


def token(using):
    """The current token: one indexed one-row query; None with no version row."""
    return SummaryVersion.objects.using(using).filter(pk=1).values_list("token", flat=True).first()


def read(using, key, compute, keep=None, page_version=None):
    """`compute()` (a read identified by `key`: its SQL, its parameters, its shape, or a page's address), from
    the cache if the record has not changed since it was last computed; kept only if `keep(value)`, if given.

    `page_version`: the (database alias, token) a page looked up once for all its reads (reads.Reading); without
    it, or for another database, the read looks the token up itself.
    """
    current = page_version[1] if page_version and page_version[0] == using else token(using)
    if current is None:
        return compute()
    # what is kept under this token now may not be kept under it after a later change: that one needs its own
    connections[using].summary_bump = None
    name = "aidtracker:summaries:" + hashlib.sha256(f"{current}|{key!r}".encode()).hexdigest()
    found = cache.get(name)
    if found is None:
        found = compute()
        if keep is None or keep(found):
            cache.set(name, found, TIMEOUT)
    return found


def read_query(queryset, shape, compute, page_version=None):
    """`compute()`, a read of `queryset` (its rows, or an aggregate named by `shape`), from the cache if the
    record has not changed since it was last computed."""
    try:
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return compute()
    return read(queryset.db, (shape, sql, params), compute, page_version=page_version)


def read_rows(queryset, page_version=None):
    """The rows of `queryset` as a list, from the cache until the record changes."""
    return read_query(queryset, "rows", lambda: list(queryset), page_version)

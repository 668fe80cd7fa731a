"""Reads of the public pages and exports go to a PostgreSQL read replica when one is configured.

Public pages only read, and a replica a fraction of a second behind the primary serves them as
well; the admin, every write and everything outside a public GET stay on the primary. Enabled by
REPLICA_DATABASE_URL (aidtracker/settings.py).
"""

import contextvars

from django.conf import settings

public_read = contextvars.ContextVar("public_read", default=False)

REPLICA = "replica"


def replica_configured():
    return REPLICA in settings.DATABASES


def public_reads_middleware(get_response):
    """Mark GET and HEAD requests outside the admin as public reads, for ReplicaRouter."""

    def middleware(request):
        if not replica_configured():
            return get_response(request)
        is_public = request.method in ("GET", "HEAD") and not request.path.startswith("/admin/")
        token = public_read.set(is_public)
        try:
            return get_response(request)
        finally:
            public_read.reset(token)

    return middleware


class ReplicaRouter:
    """The replica for reads of a public request; the primary (default) for everything else."""

    def db_for_read(self, model, **hints):
        return REPLICA if public_read.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"

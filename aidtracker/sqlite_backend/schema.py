"""SQLite's schema editor, keeping triggers and foreign keys intact through Django's table rebuilds.

SQLite alters little in place, so Django rebuilds the table for most schema changes (a NOT NULL
column, a changed column): it creates new__<table>, copies the rows, drops <table> and renames the
copy. Dropping the table drops the triggers on it, and the rename fails on the triggers of other
tables that name it ("error in trigger …: no such table: main.<table>"): SQLite checks the whole
schema when it renames a table. So the triggers on or naming the table are dropped before the
rebuild and created again after it from their stored definition, as the database had them: a
rebuild changes no trigger, whichever migration (historical or new) runs it.

Django's editor checks every foreign key when it exits, even when it exits with an error. After a
rebuild failed between the drop and the rename, the table is missing, so that check reports rows
pointing at it ("… has an invalid foreign key") instead of the error that happened. This editor
checks on a clean exit only, so the real error is the one reported, and checks the keys into and
out of each rebuilt table right after the rebuild, naming the table.
"""

import re

from django.db import IntegrityError
from django.db.backends.sqlite3 import schema


class DatabaseSchemaEditor(schema.DatabaseSchemaEditor):
    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            return super().__exit__(exc_type, exc_value, traceback)
        # the parent of Django's SQLite editor: roll back, without the foreign key check
        super(schema.DatabaseSchemaEditor, self).__exit__(exc_type, exc_value, traceback)
        self.connection.enable_constraint_checking()

    def _remake_table(self, model, create_field=None, delete_field=None, alter_fields=None):
        table = model._meta.db_table
        triggers = self._triggers_naming(table)
        for name, _ in triggers:
            self.execute(f"DROP TRIGGER {self.quote_name(name)}", params=None)
        super()._remake_table(model, create_field=create_field, delete_field=delete_field, alter_fields=alter_fields)
        for _, sql in triggers:
            # params=None: a % in the trigger's SQL is no placeholder
            self.execute(sql, params=None)
        if not self.collect_sql:
            self._check_foreign_keys(table)

    def _triggers_naming(self, table):
        """(name, SQL) of the triggers on `table` or whose body names it, in the order they were created."""
        named = re.compile(rf"(?<![\w$]){re.escape(table)}(?![\w$])", re.IGNORECASE)
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid")
            return [
                (name, sql) for name, on, sql in cursor.fetchall() if on.lower() == table.lower() or named.search(sql)
            ]

    def _check_foreign_keys(self, table):
        """Raise IntegrityError, naming the rebuild, if a row of `table` or a row pointing at it points nowhere."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                " WHERE m.type = 'table' AND f.\"table\" = %s COLLATE NOCASE",
                [table],
            )
            referencing = [name for (name,) in cursor.fetchall()]
        try:
            self.connection.check_constraints(table_names=[table, *referencing])
        except IntegrityError as error:
            raise IntegrityError(f"Rebuilding table {table} left a foreign key pointing nowhere: {error}") from error

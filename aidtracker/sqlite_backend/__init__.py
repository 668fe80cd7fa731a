"""Django's SQLite backend with a schema editor that keeps triggers through table rebuilds (schema.py)."""

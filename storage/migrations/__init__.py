"""SQL schema migrations, installed as the package ``bot.migrations``.

Each file ``NNN_name.sql`` moves the schema from version NNN-1 to NNN; applied versions
are recorded in ``schema_migrations``. Never edit an applied file: add a new one.
"""

"""The only package that touches SQLite: opening the database, migrations, backups, stores."""

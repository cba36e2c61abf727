"""Optuna's relational schema, as Optuna itself creates it, for the Swift storage tests.

Optuna 5.0.0 creates a study in a new SQLite file (and, given a PostgreSQL URL, in that
database, which must be empty); the schema is then read back from the database: every
statement in `sqlite_master`, each table's columns (`PRAGMA table_info`) and, for PostgreSQL,
`information_schema.columns`, the enum types and the constraints and indexes. The rows Optuna
checks before reading (`alembic_version`, `version_info`) are recorded too.

Usage: optuna_schema.py OUT.json [POSTGRESQL_URL]
"""
import importlib.metadata as metadata
import json
import os
import sqlite3
import sys
import tempfile

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
OUT = sys.argv[1]
PG_URL = sys.argv[2] if len(sys.argv) > 2 else None


def sqlite_schema():
    path = os.path.join(tempfile.mkdtemp(), "optuna.db")
    optuna.create_study(study_name="schema", storage=f"sqlite:///{path}")
    db = sqlite3.connect(path)
    statements = [
        {"type": t, "name": n, "table": tbl, "sql": sql}
        for t, n, tbl, sql in db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
    ]
    tables = {}
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        tables[name] = [
            {"name": c, "type": t, "notnull": bool(nn), "pk": pk}
            for _, c, t, nn, _, pk in db.execute(f"PRAGMA table_info({name})")
        ]
    rows = {
        "alembic_version": [r[0] for r in db.execute("SELECT version_num FROM alembic_version")],
        "version_info": [list(r) for r in db.execute(
            "SELECT version_info_id, schema_version, library_version FROM version_info")],
    }
    return {"statements": statements, "tables": tables, "rows": rows}


def postgresql_schema(url):
    import psycopg2

    optuna.create_study(study_name="schema", storage=url.replace("postgresql://", "postgresql+psycopg2://", 1))
    db = psycopg2.connect(url)
    cur = db.cursor()
    cur.execute("""SELECT table_name, column_name, data_type, udt_name, character_maximum_length,
                          is_nullable, column_default IS NOT NULL AND column_default LIKE 'nextval%%'
                   FROM information_schema.columns WHERE table_schema = 'public'
                   ORDER BY table_name, ordinal_position""")
    tables = {}
    for table, column, data_type, udt, length, nullable, serial in cur.fetchall():
        tables.setdefault(table, []).append({
            "name": column, "data_type": data_type, "udt_name": udt, "max_length": length,
            "nullable": nullable == "YES", "serial": bool(serial)})
    cur.execute("""SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
                   ORDER BY t.typname, e.enumsortorder""")
    enums = {}
    for name, label in cur.fetchall():
        enums.setdefault(name, []).append(label)
    # Constraints by table and kind, with their definitions (names differ only if created otherwise).
    cur.execute("""SELECT c.conrelid::regclass::text, c.contype, pg_get_constraintdef(c.oid)
                   FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                   WHERE n.nspname = 'public' ORDER BY 1, 2, 3""")
    constraints = [list(r) for r in cur.fetchall()]
    cur.execute("""SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'
                   ORDER BY tablename, indexdef""")
    indexes = [list(r) for r in cur.fetchall()]
    return {"tables": tables, "enums": enums, "constraints": constraints, "indexes": indexes}


fixture = {
    "generated_by": "scripts/optuna-schema-fixture",
    "versions": {name: metadata.version(name) for name in ("optuna", "SQLAlchemy", "alembic", "psycopg2-binary")},
    "sqlite": sqlite_schema(),
}
if PG_URL:
    fixture["postgresql"] = postgresql_schema(PG_URL)
with open(OUT, "w") as f:
    json.dump(fixture, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {OUT}: sqlite{' and postgresql' if PG_URL else ''} schema of optuna {fixture['versions']['optuna']}")

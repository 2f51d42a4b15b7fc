"""Alembic migrations of csbm's database, from the first version on (`csbm db upgrade`)."""

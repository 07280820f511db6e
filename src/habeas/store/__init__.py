"""Persistence: SQLAlchemy models, Alembic migrations, repositories and search."""

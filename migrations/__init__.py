"""Alembic migrations (Flask-Migrate), installed as ``quiz.resources.migrations``.

This file only makes the folder a package (see pyproject.toml); the folder is found through
:func:`quiz.resources.migrations_dir`.
"""

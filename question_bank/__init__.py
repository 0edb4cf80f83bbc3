"""Bank files and the themed-day keyword map, installed as ``quiz.resources.question_bank``.

This file only makes the folder a package (see pyproject.toml); its files are found through
:mod:`quiz.resources`.
"""

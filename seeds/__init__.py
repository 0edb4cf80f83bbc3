"""Source articles, installed as the data package ``quiz.resources.seeds``.

This file only makes the folder a package (see pyproject.toml); a bank file's ``source.path``
(``seeds/...txt``) resolves through :func:`quiz.resources.source_root`.
"""

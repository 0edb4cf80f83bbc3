"""Page templates (Jinja2), installed as the data package ``quiz.resources.templates``.

This file only makes the folder a package (see pyproject.toml); templates are found through
:func:`quiz.resources.templates_dir`.
"""

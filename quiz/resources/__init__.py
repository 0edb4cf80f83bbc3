"""Where the app's data files are, in a checkout and in an installed wheel alike.

The product keeps its data folders at the repository root (``templates/``, ``migrations/``,
``question_bank/``, ``seeds/``). pyproject.toml ships each one as a subpackage of this package
(``quiz.resources.templates`` ...), mapped onto the root folder by ``package-dir``: in a wheel
they are copied under ``site-packages/quiz/resources/``, in an editable install they stay where
they are. Either way :mod:`importlib.resources` finds them, so callers never build a path from
``__file__``. Pure: no Flask, so the question-bank generator uses it too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

TEMPLATES = "quiz.resources.templates"
MIGRATIONS = "quiz.resources.migrations"
QUESTION_BANK = "quiz.resources.question_bank"
SEEDS = "quiz.resources.seeds"
THEMED_DAYS_FILE = "themed_days.toml"


def package_dir(package: str) -> Path:
    """The folder of an installed package (a real directory: Flask and Alembic need one)."""
    folder = files(package)
    if not isinstance(folder, Path) or not folder.is_dir():
        raise RuntimeError(f"{package} is not an unpacked folder ({folder!r}); install unzipped")
    return folder


def templates_dir() -> Path:
    """The Jinja2 template folder (``templates/``)."""
    return package_dir(TEMPLATES)


def migrations_dir() -> Path:
    """The Alembic migrations folder (``migrations/``, with ``alembic.ini`` and ``versions/``)."""
    return package_dir(MIGRATIONS)


def question_bank_dir() -> Path:
    """The folder of bank files and the themed-day keyword map (``question_bank/``)."""
    return package_dir(QUESTION_BANK)


def themed_days_path() -> Path:
    """The editable themed-day keyword map (``question_bank/themed_days.toml``)."""
    return question_bank_dir() / THEMED_DAYS_FILE


def bank_data_dir() -> Path:
    """The generator's curated word lists (``quiz/bank/data/``: places, surnames, hotlines...)."""
    return package_dir("quiz.bank") / "data"


def source_root() -> Path:
    """The folder that repository-relative data paths resolve against.

    A bank file names its article by such a path (``source.path`` = ``seeds/<id>.txt``), and
    the demo data name the seed bank ``question_bank/<id>.json``. The data folders are siblings
    in both layouts: under the checkout's root in an editable install, under
    ``site-packages/quiz/resources/`` in a wheel.
    """
    return package_dir(SEEDS).parent

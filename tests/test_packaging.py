"""The package is self-contained: its data ship inside it, and the generator loads without Flask.

Run from a checkout (editable install) these tests check that every data file is found through
:mod:`quiz.resources`. CI also runs the whole suite against the built wheel, from a folder that
holds only ``tests/`` and ``pyproject.toml``, with ``QUIZ_TEST_INSTALLED=1``: then
:func:`test_suite_runs_against_the_installed_wheel` makes sure it really did.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

import quiz
from quiz import resources
from quiz.bank import lexicon, themes

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
SEED_ID = "sichuan-2021-cybersecurity-week"


def _setuptools() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_generator_runs_without_the_web_stack(tmp_path):
    """``import quiz.bank`` and a whole build of the seed load neither Flask nor SQLAlchemy."""
    script = f"""
import sys
from quiz.bank import generate, load_article
from quiz.resources import source_root

build = generate([load_article(source_root() / "seeds" / "{SEED_ID}.txt")])
web = sorted(
    name for name in sys.modules
    if name.split(".")[0] in {{"flask", "flask_sqlalchemy", "sqlalchemy", "werkzeug", "jinja2"}}
)
print(len(build.bank["questions"]), web)
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    count, web = result.stdout.split(" ", 1)
    assert int(count) > 100
    assert web.strip() == "[]"


def test_factory_api_is_importable_from_quiz():
    from quiz import create_app, secret_key_missing, write_secret_key

    assert callable(create_app) and callable(write_secret_key) and callable(secret_key_missing)


def test_app_reads_templates_and_migrations_from_the_package(app):
    assert app.jinja_loader.searchpath == [str(resources.templates_dir())]
    assert (resources.templates_dir() / "base.html").is_file()
    migrations = Path(app.extensions["migrate"].directory)
    assert migrations == resources.migrations_dir()
    assert (migrations / "alembic.ini").is_file() and (migrations / "env.py").is_file()
    assert sorted((migrations / "versions").glob("*.py"))


def test_sqlite_pragmas_are_registered_by_the_factory(app):
    from quiz.extensions import db

    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas only")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_generator_data_come_from_the_package():
    assert resources.themed_days_path() == themes.DEFAULT_THEMES_PATH
    assert themes.load_theme_map().keywords
    assert resources.bank_data_dir() == lexicon.DATA_DIR
    assert {"places.tsv", "surnames.txt", "hotlines.txt"} <= {
        path.name for path in lexicon.DATA_DIR.iterdir()
    }
    assert lexicon.places()


def test_seed_bank_source_path_resolves_under_the_source_root():
    root = resources.source_root()
    assert root / "question_bank" == resources.question_bank_dir()
    bank = json.loads(
        (resources.question_bank_dir() / f"{SEED_ID}.json").read_text(encoding="utf-8")
    )
    [source] = bank["sources"]
    assert source["path"] == f"seeds/{SEED_ID}.txt"
    assert (root / source["path"]).is_file()


def test_every_subpackage_of_quiz_is_listed_in_pyproject():
    """pyproject.toml lists its packages (package-dir needs that): a new one must be added."""
    listed = set(_setuptools()["packages"])
    package_dir = Path(quiz.__file__).parent
    found = {
        ".".join(("quiz", *init.parent.relative_to(package_dir).parts))
        for init in package_dir.rglob("__init__.py")
    }
    missing = sorted(found - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    unimportable = sorted(name for name in listed if importlib.util.find_spec(name) is None)
    assert not unimportable, unimportable


def test_data_packages_map_the_repository_folders():
    setuptools = _setuptools()
    mapped = setuptools["package-dir"]
    assert mapped == {
        f"quiz.resources.{folder}": folder
        for folder in ("migrations", "question_bank", "seeds", "templates")
    }
    assert set(mapped) <= set(setuptools["packages"])
    assert set(mapped) <= set(setuptools["package-data"])


@pytest.mark.skipif(
    os.environ.get("QUIZ_TEST_INSTALLED") != "1",
    reason="only when the suite runs against a wheel install (QUIZ_TEST_INSTALLED=1, .ci/run)",
)
def test_suite_runs_against_the_installed_wheel():
    site_packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    package = Path(quiz.__file__).resolve().parent
    assert package.is_relative_to(site_packages), quiz.__file__
    assert not (Path(__file__).resolve().parents[1] / "quiz").exists(), "a checkout is beside"
    for folder in (
        resources.templates_dir(),
        resources.migrations_dir(),
        resources.question_bank_dir(),
        resources.source_root(),
        resources.bank_data_dir(),
    ):
        assert folder.resolve().is_relative_to(package), folder

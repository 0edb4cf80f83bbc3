"""The lock files: a deploy and CI install exactly what was tested (issue 11 item 7).

``requirements/app.txt`` (the app) and ``requirements/test.txt`` (the app and its test extras)
are compiled from ``pyproject.toml`` by ``pip-compile`` (the command is in the README). These
tests read the files as text; they need the checkout, not the network.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCKS = {"app": ROOT / "requirements" / "app.txt", "test": ROOT / "requirements" / "test.txt"}

needs_checkout = pytest.mark.skipif(
    not (ROOT / ".ci" / "run").exists(), reason="reads the checkout's lock files and CI script"
)
pytestmark = needs_checkout


def _name(requirement: str) -> str:
    """The normalized project name of a requirement line (PEP 503)."""
    name = re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", line):
            pins[_name(match.group(1))] = match.group(2)
    return pins


def _declared() -> tuple[list[str], list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["dependencies"], project["optional-dependencies"]["test"]


def test_every_declared_dependency_is_pinned_in_its_lock():
    runtime, test_extras = _declared()
    app, test = _pins(LOCKS["app"]), _pins(LOCKS["test"])
    assert {_name(r) for r in runtime} <= set(app)
    assert {_name(r) for r in runtime + test_extras} <= set(test)


def test_both_locks_agree_on_the_apps_own_dependencies():
    app, test = _pins(LOCKS["app"]), _pins(LOCKS["test"])
    assert {name: version for name, version in test.items() if name in app} == app


def test_ci_installs_through_the_lock_and_audits_it():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "PIP_CONSTRAINT" in ci and "requirements/test.txt" in ci
    assert "pip-audit" in ci


def test_the_deploy_guide_installs_through_the_lock():
    assert "requirements/app.txt" in (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")

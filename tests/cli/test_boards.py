"""``flask boards rebuild``: recomputes a contest's standings."""

from __future__ import annotations

import pytest

from tests.helpers.boards import attempt

pytestmark = pytest.mark.db


def test_rebuild_command(runner, factories, contest):
    attempt(contest, factories.student(), score=10)
    result = runner.invoke(args=["boards", "rebuild", "--contest", str(contest.id)])
    assert result.exit_code == 0 and "1 名学生" in result.output
    assert runner.invoke(args=["boards", "rebuild", "--contest", "999"]).exit_code != 0

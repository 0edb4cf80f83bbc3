"""``flask bank import|load`` name a deeply nested JSON file's problem instead of crashing."""

from __future__ import annotations

import pytest

DEPTH = 100_000


@pytest.mark.parametrize("command", ["import", "load"])
def test_deep_bank_file_is_refused(runner, tmp_path, command):
    path = tmp_path / "deep.json"
    path.write_text("[" * DEPTH + "]" * DEPTH, encoding="utf-8")
    result = runner.invoke(args=["bank", command, str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "嵌套" in result.output

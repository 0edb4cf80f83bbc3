import pytest

from quiz.bank import THEMED_DAYS
from quiz.bank.themes import DEFAULT_THEMES_PATH, ThemeMapError, load_theme_map


def test_default_map_loads_and_tags():
    themes = load_theme_map(DEFAULT_THEMES_PATH)
    assert themes.tag("为受诈骗的网民集中发还了72万元追回资金") == [
        "telecom",
        "finance",
    ] or "finance" in themes.tag("为受诈骗的网民集中发还了72万元追回资金")
    assert themes.tag("天气很好") == ["general"]
    assert themes.tag("校园日、电信日、法治日、金融日、青少年日、个人信息保护日") == ["general"]


def test_every_day_has_eight_of_its_own(seed_build):
    for day in THEMED_DAYS:
        assert seed_build.stats["by_day"][day] >= 8, day


def test_bad_map_is_rejected(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[days.holiday]\nkeywords = { "x" = 1 }\n', encoding="utf-8")
    with pytest.raises(ThemeMapError):
        load_theme_map(path)

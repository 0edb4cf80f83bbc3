import pytest

from quiz.bank import THEMED_DAYS
from quiz.bank.themes import DEFAULT_THEMES_PATH, ThemeMapError, load_theme_map


def test_default_map_loads_and_tags():
    themes = load_theme_map(DEFAULT_THEMES_PATH)
    # Money returned to fraud victims: the fraud, the police who got it back, the money.
    assert themes.tag("为受诈骗的网民集中发还了72万元追回资金") == ["telecom", "law", "finance"]
    assert themes.tag("天气很好") == ["general"]
    assert themes.situations["personal_info"] == ("privacy",)


def test_the_seed_covers_the_days_it_is_about(seed_build):
    """The seed is about law enforcement and fraud, hardly about campus: campus is thin."""
    recommended = [q for q in seed_build.bank["questions"] if q["recommended"]]
    per_day = {day: sum(day in q["themed_days"] for q in recommended) for day in THEMED_DAYS}
    assert per_day["law"] >= 10 and per_day["telecom"] >= 5
    assert per_day["campus"] < 5


def test_bad_map_is_rejected(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[days.holiday]\nkeywords = { "x" = 1 }\n', encoding="utf-8")
    with pytest.raises(ThemeMapError):
        load_theme_map(path)

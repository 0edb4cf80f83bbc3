"""Themed-day tagging from the editable keyword map ``question_bank/themed_days.toml``.

A day is tagged when the weights of its keywords found in a question's stem and correct
answer add up to ``threshold``; a question matching more than ``general_above`` days (e.g. the
list of all six days) or none at all is about the week itself and is tagged ``general``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from quiz.resources import themed_days_path

from .constants import GENERAL_TAG, THEMED_DAYS

DEFAULT_THEMES_PATH = themed_days_path()


class ThemeMapError(ValueError):
    """The keyword map file is malformed."""


@dataclass(frozen=True)
class ThemeMap:
    """Keywords and weights per themed day."""

    keywords: dict[str, dict[str, float]]
    threshold: float
    general_above: int

    def tag(self, text: str) -> list[str]:
        """Themed-day codes for ``text`` (in THEMED_DAYS order), or ["general"]."""
        lowered = text.lower()
        matched = []
        for code in THEMED_DAYS:
            score = sum(
                weight
                for word, weight in self.keywords.get(code, {}).items()
                if word.lower() in lowered
            )
            if score >= self.threshold:
                matched.append(code)
        if not matched or len(matched) > self.general_above:
            return [GENERAL_TAG]
        return matched


def load_theme_map(path: str | Path = DEFAULT_THEMES_PATH) -> ThemeMap:
    """Read a keyword map (see the comments in question_bank/themed_days.toml for the format)."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ThemeMapError(f"无法读取主题日关键词表 {path}：{exc}") from exc
    days = data.get("days", {})
    unknown = sorted(set(days) - set(THEMED_DAYS))
    if unknown:
        raise ThemeMapError(f"主题日关键词表含未知主题日：{', '.join(unknown)}")
    keywords = {}
    for code, table in days.items():
        words = table.get("keywords", {})
        if not isinstance(words, dict) or not all(
            isinstance(w, int | float) for w in words.values()
        ):
            raise ThemeMapError(f"主题日 {code} 的 keywords 必须是“词 = 权重”表")
        keywords[code] = {str(word): float(weight) for word, weight in words.items()}
    return ThemeMap(
        keywords=keywords,
        threshold=float(data.get("threshold", 2)),
        general_above=int(data.get("general_above", 3)),
    )

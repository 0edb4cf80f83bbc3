"""Themed-day tagging from the editable topic map ``question_bank/themed_days.toml``.

:meth:`ThemeMap.tag` tags a text: a day is tagged when the weights of its keywords found in it
add up to ``threshold``; a text matching more than ``general_above`` days or none is about the
week itself and is tagged ``general``. ``situations`` maps a fraud situation
(``data/situations.toml``) to the days of its advice and scenario questions. What text a
question is tagged on - what it tests - is decided in :mod:`tagging`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
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
    situations: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def _folded(self) -> dict[str, dict[str, float]]:
        """Keywords lower-cased, a word once at its higher weight (APP and App are one word)."""
        cached = self.__dict__.get("_folded_keywords")
        if cached is None:
            cached = {}
            for code, words in self.keywords.items():
                folded: dict[str, float] = {}
                for word, weight in words.items():
                    folded[word.lower()] = max(weight, folded.get(word.lower(), 0))
                cached[code] = folded
            object.__setattr__(self, "_folded_keywords", cached)
        return cached

    def tag(self, text: str) -> list[str]:
        """Themed-day codes for ``text`` (in THEMED_DAYS order), or ["general"]."""
        lowered = text.lower()
        scores = {}
        folded = self._folded()
        for code in THEMED_DAYS:
            score = sum(weight for word, weight in folded.get(code, {}).items() if word in lowered)
            if score >= self.threshold:
                scores[code] = score
        if not scores:
            return [GENERAL_TAG]
        if len(scores) > self.general_above:
            # Many days touched (a list of crime types): keep the strongest ones only.
            best = max(scores.values())
            scores = {code: s for code, s in scores.items() if s == best}
            if len(scores) > self.general_above:
                return [GENERAL_TAG]
        return [code for code in THEMED_DAYS if code in scores]


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
    situations = {}
    for key, days_of in data.get("situations", {}).items():
        if not isinstance(days_of, list) or set(days_of) - set(THEMED_DAYS):
            raise ThemeMapError(f"情境 {key} 的主题日必须是主题日代码列表")
        situations[str(key)] = tuple(days_of)
    return ThemeMap(
        keywords=keywords,
        threshold=float(data.get("threshold", 2)),
        general_above=int(data.get("general_above", 3)),
        situations=situations,
    )

"""The :class:`Fact` record every extractor returns, with its stable id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .segment import Sentence
from .textutil import nfkc


@dataclass(frozen=True)
class Fact:
    """One askable fact: an answer span inside one sentence plus what kind of thing it is.

    ``start``/``end`` are absolute offsets of the answer in the article text. Enumerations keep
    each item's span in ``items``; ``closed`` says whether the list is complete (no 等).
    ``attrs`` carries extractor-specific data (unit, level, roles, category, ...).
    """

    kind: str
    extractor: str
    sentence: Sentence
    start: int
    end: int
    text: str
    attrs: dict = field(default_factory=dict, hash=False, compare=False)
    items: tuple[tuple[int, int], ...] = ()
    closed: bool = False

    @property
    def id(self) -> str:
        """Stable id: kind + hash of the sentence, the answer's offset in it and the answer."""
        key = "|".join(
            [
                nfkc("".join(self.sentence.text.split())),
                str(self.start - self.sentence.start),
                nfkc(self.text),
            ]
        )
        digest = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
        return f"{self.kind}-{digest}"

    @property
    def relative(self) -> tuple[int, int]:
        """Answer span relative to the sentence start."""
        return self.start - self.sentence.start, self.end - self.sentence.start

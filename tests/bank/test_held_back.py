"""The ``--held-back`` count of tests/bank/quality_sample.py: why an article's questions are not
recommended, by veto (docs/question-quality.md, after round 40)."""

from __future__ import annotations

from quiz.bank.recommend import VETO_REASONS
from quiz.resources import source_root

from .quality_sample import held_back

# Through the package, so the test also runs against an installed wheel (no checkout).
SEED = source_root() / "seeds" / "sichuan-2021-cybersecurity-week.txt"


def test_the_seeds_held_back_questions_are_counted_by_veto(seed_build):
    counts = held_back([SEED])
    questions = seed_build.bank["questions"]
    assert counts["_questions"] == len(questions)
    assert counts["_recommended"] == sum(1 for q in questions if q.get("recommended"))
    assert set(counts) - {"_questions", "_recommended", "no_veto", "same_fact"} <= set(VETO_REASONS)
    # the initiative's wording is what the seed holds back most (docs/question-quality.md)
    assert counts["initiative_text"] >= 15

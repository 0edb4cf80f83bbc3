"""A student's paper: a seed the pool cannot serve is retried with the attempt's other seeds."""

from __future__ import annotations

import pytest

from quiz.services import DomainError
from quiz.services.contests import papers
from quiz.services.contests.draw import DrawError

pytestmark = pytest.mark.db


def _refusing(seeds_that_fail, missing=None):
    """draw_paper as the pool would answer: DrawError for ``seeds_that_fail``."""
    real, tried = papers.draw_paper, []

    def draw(candidates, **kwargs):
        tried.append(kwargs["seed"])
        if seeds_that_fail == "all" or kwargs["seed"] in seeds_that_fail:
            raise DrawError(missing or {"total": 1})
        return real(candidates, **kwargs)

    return draw, tried


def test_a_seed_that_runs_the_pool_dry_is_retried_with_another(factories, monkeypatch, clock):
    contest = factories.contest()
    draw, tried = _refusing({7})
    monkeypatch.setattr(papers, "draw_paper", draw)
    paper = papers.build_paper(contest, 7)
    assert len(paper) == contest.question_count
    assert tried[0] == 7 and len(tried) == 2 and tried[1] != 7


def test_a_pool_no_seed_can_serve_is_refused_in_chinese(factories, monkeypatch, clock):
    contest = factories.contest()
    draw, tried = _refusing("all")
    monkeypatch.setattr(papers, "draw_paper", draw)
    with pytest.raises(DomainError, match="题库中已通过的题目不足") as refused:
        papers.build_paper(contest, 7)
    assert refused.value.code == "not_enough_questions"
    assert len(tried) == papers.STUDENT_DRAW_RETRIES + 1


def test_a_type_short_in_the_pool_is_not_retried(factories, monkeypatch, clock):
    contest = factories.contest()
    draw, tried = _refusing("all", missing={"single_choice": 2})
    monkeypatch.setattr(papers, "draw_paper", draw)
    with pytest.raises(DomainError):
        papers.build_paper(contest, 7)
    assert tried == [7]

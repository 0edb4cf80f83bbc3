"""Paging of long organizer lists: the page count, neighbours, and clamping a tampered page."""

from __future__ import annotations

import pytest

from quiz.services.paging import Page, clamp_page


@pytest.mark.parametrize(("total", "pages"), [(0, 1), (1, 1), (50, 1), (51, 2), (100, 2)])
def test_pages_round_up_and_an_empty_list_has_one(total, pages):
    assert Page([], total, 1, 50).pages == pages


def test_the_first_and_last_pages_have_one_neighbour():
    assert (Page([], 120, 1, 50).has_prev, Page([], 120, 1, 50).has_next) == (False, True)
    assert (Page([], 120, 2, 50).has_prev, Page([], 120, 2, 50).has_next) == (True, True)
    assert (Page([], 120, 3, 50).has_prev, Page([], 120, 3, 50).has_next) == (True, False)


@pytest.mark.parametrize(
    ("page", "expected"), [(-5, 1), (0, 1), (1, 1), (3, 3), (4, 3), (10**12, 3)]
)
def test_a_page_outside_the_list_is_clamped(page, expected):
    assert clamp_page(page, 120, 50) == expected


def test_an_empty_list_clamps_to_page_one():
    assert clamp_page(7, 0, 50) == 1

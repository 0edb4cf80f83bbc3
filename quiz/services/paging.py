"""Paging of long organizer lists (students, questions): one page and the numbers around it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Page:
    """One page of a list, with what a pager needs."""

    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def clamp_page(page: int, total: int, per_page: int) -> int:
    """``page`` within 1..last page (a tampered ``?page=`` shows the last page, never a 500)."""
    return min(max(1, page), max(1, -(-total // per_page)))

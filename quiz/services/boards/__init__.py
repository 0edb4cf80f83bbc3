"""Boards: the one ranking rule, the standings tables written when an attempt ends, and the
boards read from them (SQL or Redis), with their version tokens, cache, freeze and units.
"""

from .cache import NullCache, app_cache
from .entries import counted_attempts
from .freeze import set_freeze
from .organizations import LEVELS, org_board_page
from .pages import attempt_rank, board_page
from .ranking import SCORE_DIGITS, mask_name
from .refs import BoardRef, Viewer
from .sources import SqlSource
from .standings import rebuild_standings
from .state import board_state

__all__ = [
    "BoardRef",
    "LEVELS",
    "NullCache",
    "SCORE_DIGITS",
    "SqlSource",
    "Viewer",
    "app_cache",
    "attempt_rank",
    "board_page",
    "board_state",
    "counted_attempts",
    "mask_name",
    "org_board_page",
    "rebuild_standings",
    "set_freeze",
]

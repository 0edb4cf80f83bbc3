"""Boards: the one ranking rule, the standings tables written when an attempt ends, and the
boards read from them (SQL or Redis), with their version tokens, cache, freeze and units.
"""

from .cache import NullCache, app_cache
from .freeze import set_freeze
from .organizations import LEVELS, org_board_page
from .pages import attempt_rank, board_page, board_state
from .ranking import SCORE_DIGITS, mask_name
from .refs import BoardRef, Viewer, resolve, viewer_for
from .sources import SqlSource
from .standings import rebuild_standings

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
    "mask_name",
    "org_board_page",
    "rebuild_standings",
    "resolve",
    "set_freeze",
    "viewer_for",
]

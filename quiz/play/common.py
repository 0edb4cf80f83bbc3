"""The student menu, shown on student pages (organizers use the organizer back office)."""

from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user


def student_nav() -> dict:
    """The menu entries of the student pages (organizers use the organizer back office)."""
    if not current_user.is_authenticated or current_user.is_organizer:
        return {}
    return {
        "nav_items": [
            {"url": url_for("play.contests"), "label": _l("比赛")},
            {"url": url_for("play.review"), "label": _l("错题本")},
            {"url": url_for("play.practice"), "label": _l("练习")},
        ]
    }

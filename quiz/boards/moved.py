"""Organizer tools and certificates used to live under /boards. Their old GET URLs answer with a
permanent redirect (bookmarks and printed links keep working); the old POST URLs are gone."""

from __future__ import annotations

from flask import redirect, url_for

from quiz.boards import bp

#: (old rule under /boards, endpoint it moved to)
MOVED = [
    ("/contests/<int:contest_id>/freeze", "admin.freeze"),
    ("/contests/<int:contest_id>/results", "admin.results"),
    ("/contests/<int:contest_id>/participation.json", "admin.participation"),
    ("/contests/<int:contest_id>/export/<kind>.<fmt>", "admin.export_contest"),
    ("/events/<int:event_id>/export/<board>.<fmt>", "admin.export_event"),
    ("/certificates/<int:attempt_id>", "play.certificate_page"),
    ("/certificates/<int:attempt_id>.pdf", "play.certificate_download"),
]


def _moved_to(endpoint: str):
    def view(**args):
        return redirect(url_for(endpoint, **args), code=301)

    view.__doc__ = f"Moved permanently to {endpoint}."
    return view


for rule, endpoint in MOVED:
    bp.add_url_rule(rule, f"moved_{endpoint.replace('.', '_')}", _moved_to(endpoint))

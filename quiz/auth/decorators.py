"""Role decorators that stack on views, CTFd-style: ``@organizer_required`` etc."""

from __future__ import annotations

from functools import wraps

from flask import abort, request
from flask_login import current_user

from quiz.extensions import login_manager


def _require(predicate):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            if not predicate(current_user):
                abort(403)
            return view(*args, **kwargs)

        # Lets tests find every organizer-only route by walking app.url_map.
        wrapped.organizer_only = True
        return wrapped

    return decorator


organizer_required = _require(lambda user: user.is_organizer)
admin_required = _require(lambda user: user.is_admin)


def require_organizer_blueprint():
    """``before_request`` hook for organizer blueprints: every route refuses students/anonymous."""
    if not current_user.is_authenticated:
        if request.blueprint == "api":
            abort(401)
        return login_manager.unauthorized()
    if not current_user.is_organizer:
        abort(403)
    return None

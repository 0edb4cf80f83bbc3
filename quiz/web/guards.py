"""One lookup-and-guard idiom for every view, in the spirit of flaskr's ``get_post(id)`` and
CTFd's stacked decorators.

* Role decorators stack on views: ``@organizer_required``, ``@admin_required`` (anonymous → 401
  or the login page, the wrong role → 403).
* Scope decorators turn an id in the URL into the object, or refuse: ``@manages_contest`` hands
  the view ``contest`` instead of ``contest_id``, ``@manages_event`` hands ``event``.
* Lookups for ids that are not the first URL argument: :func:`owned_attempt`,
  :func:`managed_attempt`.

Refusals are raised as :class:`~quiz.services.DomainError` (NotFound / Forbidden) and answered by
:mod:`quiz.web.errors`, so no view catches them.
"""

from __future__ import annotations

from functools import wraps

from flask import abort, request
from flask_login import current_user

from quiz.extensions import login_manager
from quiz.models import Attempt
from quiz.services.attempts import get_own_attempt
from quiz.services.contests import get_managed_contest, get_managed_event
from quiz.services.results import get_attempt


def _require(predicate):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                if request.blueprint == "api":
                    abort(401)
                return login_manager.unauthorized()
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


def manages_contest(view):
    """The view receives ``contest`` (one the current organizer manages) for ``contest_id``."""

    @wraps(view)
    def wrapped(*args, contest_id: int, **kwargs):
        return view(*args, contest=get_managed_contest(contest_id, current_user), **kwargs)

    return wrapped


def manages_event(view):
    """The view receives ``event`` (one the current organizer manages) for ``event_id``."""

    @wraps(view)
    def wrapped(*args, event_id: int, **kwargs):
        return view(*args, event=get_managed_event(event_id, current_user), **kwargs)

    return wrapped


def owned_attempt(attempt_id: int) -> Attempt:
    """The current student's attempt ``attempt_id`` (404 missing, 403 someone else's)."""
    return get_own_attempt(attempt_id, current_user)


def managed_attempt(attempt_id: int) -> Attempt:
    """An attempt at a contest the current organizer manages (404 / 403 otherwise)."""
    return get_attempt(attempt_id, current_user)

"""The app's JSON provider: Flask's default, with the nesting of parsed JSON bounded.

``request.get_json()`` (and ``request.json``) parse through ``app.json.loads``; bounding it here
covers every view that reads a JSON body — login, answers, focus events, join codes, the
practice checker and any added later — in one place. A body nested deeper than
:data:`quiz.bounded_json.MAX_DEPTH` is then invalid JSON like any other: ``get_json(silent=True)``
gives None (the views answer 422 with their JSON error), ``get_json()`` a 400.
"""

from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider

from quiz import bounded_json


class BoundedJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider, refusing documents nested deeper than ``bounded_json.MAX_DEPTH``."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        """Parse ``s`` like ``json.loads``; raise ``bounded_json.TooDeep`` when too deep."""
        return bounded_json.loads(s, **kwargs)

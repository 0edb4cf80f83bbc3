"""JSON parsing with bounded nesting, for everything a user sends or uploads.

``json.loads`` recurses once per ``[`` or ``{``, so 100,000 brackets (a 200 kB request body)
exhaust the interpreter's stack and raise RecursionError — a 500 in a view, a traceback in the
CLI. :func:`loads` counts the nesting first (outside string literals, with C-speed string
operations) and refuses anything deeper than :data:`MAX_DEPTH` with :class:`TooDeep`, a
``json.JSONDecodeError`` — so every existing "malformed JSON" path (Werkzeug's ``get_json``,
the bank readers' ``except json.JSONDecodeError``) already handles it.

Pure: no Flask. Used by the bank readers and by the web app's JSON provider
(:mod:`quiz.web.json_provider`).
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

#: The deepest document accepted. Real payloads nest at most 6 levels (a bank file: bank →
#: questions → question → source or generator → …; an answer body: object → choice list), so
#: 32 never refuses a genuine file and stays far below the interpreter's recursion limit (1,000).
MAX_DEPTH = 32

#: A complete JSON string literal (escapes included); brackets inside it are text, not nesting.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_TOKEN = re.compile(_STRING.pattern + r"|[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class TooDeep(json.JSONDecodeError):
    """The document nests deeper than allowed; ``pos``/``lineno`` point at the first bracket
    beyond the limit and ``msg`` says so in Chinese."""

    def __init__(self, doc: str, pos: int, max_depth: int):
        super().__init__(f"嵌套超过 {max_depth} 层", doc, pos)
        self.max_depth = max_depth


def loads(s: str | bytes | bytearray, *, max_depth: int = MAX_DEPTH, **kwargs: Any) -> Any:
    """``json.loads(s, **kwargs)``, refusing a document nested deeper than ``max_depth``.

    Bytes are decoded as ``json.loads`` decodes them (UTF-8, -16 or -32, detected). Raises
    :class:`TooDeep` (a ``json.JSONDecodeError``) for a document that is too deep, and whatever
    ``json.loads`` raises for one that is malformed.
    """
    text = s.decode(json.detect_encoding(s), "surrogatepass") if not isinstance(s, str) else s
    position = too_deep_at(text, max_depth)
    if position is not None:
        raise TooDeep(text, position, max_depth)
    return json.loads(text, **kwargs)


def too_deep_at(text: str, max_depth: int = MAX_DEPTH) -> int | None:
    """Where ``text`` first nests deeper than ``max_depth`` (an index), or None if it never does.

    Exact for valid JSON. An unterminated string's brackets count as nesting, which can only
    turn one error (malformed) into another (too deep).
    """
    if text.count("[") + text.count("{") <= max_depth:
        return None  # every request body the app expects ends here
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if max(accumulate(map(_STEP.__getitem__, brackets)), default=0) <= max_depth:
        return None
    depth = 0
    for token in _TOKEN.finditer(text):  # only for a refused document: find the spot to name
        step = _STEP.get(token.group())
        if step is None:
            continue
        depth += step
        if depth > max_depth:
            return token.start()
    return None  # unreachable: the scan above found the same depth

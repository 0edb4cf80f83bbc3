"""quiz.bounded_json: nesting is counted outside strings, refused past the limit, located."""

from __future__ import annotations

import json

import pytest

from quiz import bounded_json
from quiz.bounded_json import MAX_DEPTH, TooDeep, too_deep_at


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_the_limit_itself_is_accepted_and_one_more_refused():
    assert bounded_json.loads(nested(MAX_DEPTH)) == json.loads(nested(MAX_DEPTH))
    with pytest.raises(TooDeep) as caught:
        bounded_json.loads(nested(MAX_DEPTH + 1))
    assert caught.value.pos == MAX_DEPTH and f"{MAX_DEPTH} 层" in caught.value.msg


def test_too_deep_is_a_json_decode_error_with_a_line_number():
    text = '{\n  "questions":\n' + nested(100_000) + "\n}"
    with pytest.raises(json.JSONDecodeError) as caught:
        bounded_json.loads(text)
    assert isinstance(caught.value, ValueError) and caught.value.lineno == 3


def test_brackets_inside_strings_are_text():
    text = json.dumps({"stem": "[" * 1000 + '\\"{' * 1000, "options": ["]]]", "{{{"]})
    assert bounded_json.loads(text)["options"] == ["]]]", "{{{"]
    assert too_deep_at(text) is None


def test_many_shallow_containers_are_fine():
    text = "[" + ",".join(['{"a": [1, {"b": []}]}'] * 10_000) + "]"
    assert len(bounded_json.loads(text)) == 10_000


def test_bytes_in_any_json_encoding_and_keyword_arguments_pass_through():
    data = json.dumps({"题干": [1, 2]}, ensure_ascii=False).encode("utf-16")
    assert bounded_json.loads(data, object_hook=dict) == {"题干": [1, 2]}
    with pytest.raises(TooDeep):
        bounded_json.loads(nested(MAX_DEPTH + 1).encode("utf-32"))


def test_a_lower_limit_can_be_asked_for():
    assert bounded_json.loads(nested(3), max_depth=3) == [[[]]]
    with pytest.raises(TooDeep):
        bounded_json.loads('{"a": {"b": {"c": {}}}}', max_depth=3)


def test_malformed_json_still_raises_what_json_raises():
    with pytest.raises(json.JSONDecodeError) as caught:
        bounded_json.loads('{"a": ')
    assert not isinstance(caught.value, TooDeep)


def test_the_app_parses_request_json_through_the_bound(app):
    with pytest.raises(TooDeep):
        app.json.loads(nested(MAX_DEPTH + 1))
    assert app.json.loads('{"ok": [true]}') == {"ok": [True]}

"""When answers are disclosed, and what a disclosed item shows (pure)."""

from __future__ import annotations

import pytest

from quiz.services.attempts.disclosure import answers_visible, revealed_item


@pytest.mark.parametrize(
    ("policy", "finished", "closed", "visible"),
    [
        ("after_submit", False, False, False),
        ("after_submit", False, True, False),  # never while the attempt is open
        ("after_submit", True, False, True),
        ("after_close", True, False, False),
        ("after_close", True, True, True),
        ("after_close", False, True, False),
        ("never", True, True, False),
        ("bogus", True, True, False),
    ],
)
def test_answers_visible(policy, finished, closed, visible):
    assert answers_visible(policy, finished, closed) is visible


def test_revealed_item_has_key_and_provenance():
    item = {
        "key": [2],
        "explanation": "见原文",
        "source": {"title": "文", "publisher": "报", "date": "2021-10-11", "sentence": "句。"},
    }
    revealed = revealed_item(item)
    assert revealed["key"] == [2] and revealed["explanation"] == "见原文"
    assert revealed["source"]["sentence"] == "句。" and revealed["source"]["start"] is None

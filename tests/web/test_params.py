"""Reading request parameters safely: bounded integers, paging, ETags, local redirects, ids."""

from __future__ import annotations

import pytest
from werkzeug.exceptions import NotFound

from quiz.services import MAX_ID
from quiz.web.params import BadParameter, etag_for, int_arg, paging, safe_next


def test_a_missing_or_empty_parameter_is_the_default(app):
    with app.test_request_context("/?page="):
        assert int_arg("page", 1, low=1) == 1 and int_arg("other", 5, low=1) == 5


@pytest.mark.parametrize(
    ("query", "high", "message"),
    [
        ("page=x", 10, "参数 page 须为整数。"),
        ("page=0", 10, "参数 page 须在 1–10 之间。"),
        ("page=11", 10, "参数 page 须在 1–10 之间。"),
        ("page=-3", None, "参数 page 须在 ≥ 1 之间。"),
    ],
)
def test_a_bad_integer_is_a_422_in_chinese(app, query, high, message):
    with app.test_request_context(f"/?{query}"), pytest.raises(BadParameter) as refused:
        int_arg("page", 1, low=1, high=high)
    assert refused.value.status == 422 and refused.value.code == "bad_parameter"
    assert refused.value.message == message


def test_paging_defaults_and_bounds(app):
    with app.test_request_context("/"):
        assert paging() == (0, 50)
    with app.test_request_context("/?offset=100&limit=200"):
        assert paging() == (100, 200)
    with app.test_request_context("/?limit=201"), pytest.raises(BadParameter):
        paging()


def test_an_etag_is_quoted_stable_and_differs_per_part():
    tag = etag_for("c:1", 3, "viewer-7")
    assert tag.startswith('"') and tag.endswith('"') and len(tag) == 34
    assert tag == etag_for("c:1", 3, "viewer-7") != etag_for("c:1", 3, "viewer-8")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/auth/password", "/auth/password"),
        ("/boards/?day=campus", "/boards/?day=campus"),
        ("http://localhost/admin/?x=1", "/admin/?x=1"),  # our own host: reduced to the path
        ("http://localhost//evil.example", None),
        ("https://evil.example/steal", None),
        ("//evil.example", None),
        ("/\\evil.example", None),
        ("javascript:alert(1)", None),
        ("", None),
        (None, None),
    ],
)
def test_only_local_paths_are_followed(app, target, expected):
    with app.test_request_context("/", base_url="http://localhost"):
        assert safe_next(target) == expected


def test_ids_past_the_database_range_do_not_route(client):
    assert client.get(f"/contests/{MAX_ID + 1}").status_code == 404
    assert client.get(f"/api/v1/contests/{MAX_ID + 1}/leaderboard").get_json()["error"]["code"] == (
        "not_found"
    )


@pytest.mark.parametrize("segment", ["a\x00b", "\x00", "tab\there", "del\x7f"])
def test_a_control_character_in_a_path_segment_matches_no_route(app, segment):
    """``%00`` in a token or an article id is a 404 at routing: PostgreSQL refuses NUL in text."""
    urls = app.url_map.bind("localhost")
    with pytest.raises(NotFound):
        urls.match(f"/admin/roster/{segment}")
    with pytest.raises(NotFound):
        urls.match(f"/admin/bank/sources/{segment}/approve-recommended", method="POST")


def test_ordinary_text_segments_still_match(app):
    endpoint, values = app.url_map.bind("localhost").match("/admin/roster/3f2a-广元")
    assert endpoint == "admin.roster_result" and values == {"token": "3f2a-广元"}

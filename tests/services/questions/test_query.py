"""Browsing the bank: filters, NFKC text search, pages, counts, source choices and exports."""

from __future__ import annotations

import json

import pytest

from quiz.extensions import db
from quiz.models import Source
from quiz.services import DomainError
from quiz.services.questions.query import (
    BankFilters,
    day_counts,
    export_payload,
    find_questions,
    page_of_questions,
    pickable_questions,
    source_choices,
    status_counts,
)

pytestmark = pytest.mark.db


def ids(questions) -> list[int]:
    return [q.id for q in questions]


@pytest.fixture
def bank(factories):
    """Five questions differing in day, type, difficulty, status and text."""
    return {
        "campus": factories.question(
            days=("campus",), stem="校园网络安全知识竞赛共有10所学校参加？"
        ),
        "telecom": factories.question(
            type="true_false", days=("telecom",), difficulty=2, stem="Telecom 诈骗一律先核实。"
        ),
        "draft": factories.question(days=("campus", "law"), status="draft", stem="草稿题？"),
        "fill": factories.question(
            type="fill_blank",
            days=("finance",),
            difficulty=3,
            stem="挽回损失____。",
            answer=["3500万元"],
        ),
        "options": factories.question(
            days=("law",), stem="下列哪项正确？", options=["国家反诈中心APP", "乙", "丙", "丁"]
        ),
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (BankFilters(day="campus"), ["campus", "draft"]),
        (BankFilters(type="true_false"), ["telecom"]),
        (BankFilters(difficulty=3), ["fill"]),
        (BankFilters(status="draft"), ["draft"]),
        (BankFilters(day="law", status="approved"), ["options"]),
    ],
)
def test_filters_narrow_the_bank_in_id_order(bank, filters, expected):
    assert ids(find_questions(filters)) == [bank[name].id for name in expected]


def test_a_source_filter_keeps_its_questions(bank, factories):
    other = factories.source("other-article")
    bank["options"].source_id = other.id
    db.session.commit()
    assert ids(find_questions(BankFilters(source="other-article"))) == [bank["options"].id]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("１０所", "campus"),  # full-width digits match after NFKC
        ("telecom", "telecom"),  # case-folded
        ("反诈中心app", "options"),  # an option
        ("3500万", "fill"),  # a fill-in's accepted answer
    ],
)
def test_the_text_search_compares_normalized_text(bank, q, expected):
    assert ids(find_questions(BankFilters(q=q))) == [bank[expected].id]


def test_the_search_covers_the_source_sentence(bank):
    assert len(find_questions(BankFilters(q="测试文章"))) == 5  # every factory question's sentence


def test_a_blank_search_is_no_search(bank):
    assert len(find_questions(BankFilters(q="   "))) == 5


def test_pages_in_sql_and_a_page_past_the_end_is_the_last(bank):
    page = page_of_questions(BankFilters(), page=9, per_page=2)
    assert (page.total, page.page, ids(page.items)) == (5, 3, [bank["options"].id])


def test_pages_of_a_text_search(bank):
    page = page_of_questions(BankFilters(q="？"), page=1, per_page=2)
    assert page.total == 3 and ids(page.items) == [bank["campus"].id, bank["draft"].id]


def test_counts_per_status_and_day(bank):
    assert status_counts() == {"approved": 4, "draft": 1}
    assert day_counts() == {"campus": 2, "telecom": 1, "law": 2, "finance": 1}
    assert day_counts("approved") == {"campus": 1, "telecom": 1, "law": 1, "finance": 1}


def test_source_choices_are_labelled_newest_first(app):
    db.session.add_all(
        [
            Source(id="old", title="旧文", publisher="报", date="2021-10-11", text=""),
            Source(id="new", title="新文", publisher="报", date="2026-10-11", text=""),
            Source(id="bare", title="", publisher="", date="", text=""),
        ]
    )
    db.session.commit()
    assert source_choices() == [
        ("new", "新文（2026-10-11）"),
        ("old", "旧文（2021-10-11）"),
        ("bare", "bare"),
    ]


def test_the_hand_picked_list_offers_approved_questions_labelled(bank):
    labels = dict(pickable_questions())
    assert bank["draft"].id not in labels
    assert labels[bank["telecom"].id] == "[判断题·难度2·电信日] Telecom 诈骗一律先核实。"


def test_an_export_holds_the_filtered_questions(bank):
    payload, extension, mimetype = export_payload("json", BankFilters(day="finance"), actor=None)
    exported = json.loads(payload)
    assert (extension, mimetype) == ("json", "application/json")
    assert [q["id"] for q in exported["questions"]] == [bank["fill"].uid]
    assert [s["id"] for s in exported["sources"]] == ["test-article"]


def test_a_csv_export_starts_with_a_bom(bank):
    payload, extension, _mimetype = export_payload("csv", BankFilters(), actor=None)
    assert extension == "csv" and payload.startswith(b"\xef\xbb\xbf")


def test_an_unknown_format_is_refused(bank):
    with pytest.raises(DomainError) as refused:
        export_payload("docx", BankFilters(), actor=None)
    assert refused.value.code == "bad_format"


def test_a_question_the_format_cannot_hold_is_named(factories):
    factories.question(type="fill_blank", answer=["甲|乙"])
    with pytest.raises(DomainError) as refused:
        export_payload("csv", BankFilters(), actor=None)
    assert refused.value.code == "unexportable" and "填空答案不能包含" in refused.value.message

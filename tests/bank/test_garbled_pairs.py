"""Generator 2.39: a garbled coordination in the source (查处网络运营、不履行网络安全义务的网络运营者,
a word dropped before 网络运营) is read whole in the stem, so the seed's 300余家 is asked."""

from __future__ import annotations

from quiz.bank.stem_text import drop_garbled_item
from tests.helpers.bank_questions import marked_answers, questions_with


def test_the_dangling_item_is_dropped():
    """The pair's first item repeats the head it modifies; without it the clause reads."""
    assert (
        drop_garbled_item("查处网络运营、不履行网络安全义务的网络运营者300余家。")
        == "查处不履行网络安全义务的网络运营者300余家。"
    )
    # a pair whose item is the blank is what is asked: left as it is
    assert drop_garbled_item("查处____、不履行网络安全义务的网络运营者") == (
        "查处____、不履行网络安全义务的网络运营者"
    )
    # an ordinary list is no garbled pair
    assert drop_garbled_item("公安、网信、检察等部门") == "公安、网信、检察等部门"


def test_the_seeds_operators_figure_is_recommended(seed_build):
    """300余家 was vetoed as garbled_source in 2.38; its three shapes are now recommended."""
    operators = questions_with(seed_build, "网络运营者")
    assert operators
    assert all("网络运营、" not in q["stem"] for q in operators)
    assert all(q["recommended"] for q in operators)
    assert {"300余家"} == {
        a for q in operators if q["type"] != "true_false" for a in marked_answers(q)[:1]
    }

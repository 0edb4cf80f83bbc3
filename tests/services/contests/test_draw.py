"""The draw (pure): reproducible from the seed, one question per fact, fillers last, targets."""

from __future__ import annotations

from collections import Counter

import pytest

from quiz.services.contests.draw import (
    Candidate,
    DrawError,
    draw_paper,
    draw_questions,
    fixed_paper,
    paper_item,
    public_item,
    shortage,
)

OPTIONS = ("甲", "乙", "丙", "丁")


def make(n: int, qtype: str = "single_choice", **extra) -> Candidate:
    values = {
        "id": n,
        "uid": f"q{n:04d}",
        "type": qtype,
        "fact": f"fact-{n}",
        "difficulty": 1,
        "stem": f"题{n}",
        "options": OPTIONS if qtype != "fill_blank" else (),
        "answer": (0,) if qtype != "fill_blank" else ("72万元",),
        "explanation": f"解析{n}",
    }
    values.update(extra)
    return Candidate(**values)


def pool(count: int = 30, qtype: str = "single_choice", start: int = 1) -> list[Candidate]:
    return [make(n, qtype) for n in range(start, start + count)]


def test_same_seed_gives_same_paper():
    candidates = pool()
    a = draw_paper(candidates, total=10, type_counts={}, seed=42, points=10)
    b = draw_paper(list(reversed(candidates)), total=10, type_counts={}, seed=42, points=10)
    assert a == b  # independent of the order the database returned


def test_different_seeds_rarely_give_the_same_paper():
    candidates = pool()
    papers = {
        tuple(c.id for c in draw_questions(candidates, total=10, type_counts={}, seed=seed))
        for seed in range(50)
    }
    assert len(papers) >= 49


def test_options_are_shuffled_per_seed_and_key_follows():
    candidate = make(1, answer=(2,))
    orders = set()
    for seed in range(40):
        item = paper_item(candidate, seed, 10)
        orders.add(tuple(item["options"]))
        assert item["options"][item["key"][0]] == "丙"
        assert [OPTIONS[i] for i in item["order"]] == item["options"]
        assert paper_item(candidate, seed, 10) == item
    assert len(orders) > 10


def test_true_false_and_fill_blank_keep_their_order():
    tf = make(1, "true_false", options=("正确", "错误"), answer=(1,))
    assert all(paper_item(tf, seed, 5)["options"] == ["正确", "错误"] for seed in range(20))
    fill = paper_item(make(2, "fill_blank"), 7, 5)
    assert fill["key"] == ["72万元"] and fill["options"] == []


def test_multiple_choice_key_is_sorted_shown_indices():
    item = paper_item(make(1, "multiple_choice", answer=(0, 3)), 11, 10)
    assert item["key"] == sorted(item["key"])
    assert {item["options"][i] for i in item["key"]} == {"甲", "丁"}


def test_never_two_questions_of_the_same_fact():
    candidates = [make(n, fact=f"fact-{n % 6}") for n in range(1, 31)]
    for seed in range(30):
        chosen = draw_questions(candidates, total=6, type_counts={}, seed=seed)
        assert len({c.fact for c in chosen}) == 6
    with pytest.raises(DrawError):
        draw_questions(candidates, total=7, type_counts={}, seed=1)


def test_type_counts_are_met():
    candidates = pool(10) + pool(10, "true_false", 100) + pool(5, "fill_blank", 200)
    counts = {"single_choice": 3, "true_false": 2, "fill_blank": 1}
    chosen = draw_questions(candidates, total=8, type_counts=counts, seed=3)
    by_type = Counter(c.type for c in chosen)
    assert all(by_type[t] >= n for t, n in counts.items()) and len(chosen) == 8


def test_shortage_names_each_type_in_chinese():
    candidates = pool(3) + pool(1, "fill_blank", 100)
    missing = shortage(candidates, {"single_choice": 5, "fill_blank": 2}, 10)
    assert missing == {"single_choice": 2, "fill_blank": 1, "total": 6}
    with pytest.raises(DrawError) as error:
        draw_questions(
            candidates, total=10, type_counts={"single_choice": 5, "fill_blank": 2}, seed=1
        )
    assert str(error.value) == "题库中已通过的题目不足：单选题缺2题，填空题缺1题，总题数缺6题。"
    assert error.value.missing["single_choice"] == 2


def test_shortage_counts_one_question_per_fact():
    candidates = [make(n, fact="same") for n in range(1, 6)]
    assert shortage(candidates, {"single_choice": 2}, 2) == {"single_choice": 1, "total": 1}


def test_general_fillers_are_used_last():
    own = pool(5)
    fillers = [make(n, filler=True) for n in range(100, 120)]
    for seed in range(20):
        chosen = draw_questions(own + fillers, total=7, type_counts={}, seed=seed)
        assert sum(c.filler for c in chosen) == 2
        assert {c.id for c in own} <= {c.id for c in chosen}


def test_difficulty_targets_are_preferred():
    candidates = [make(n, difficulty=1 + n % 3) for n in range(1, 61)]
    targets = {1: 2, 2: 3, 3: 5}
    for seed in range(10):
        chosen = draw_questions(
            candidates, total=10, type_counts={}, seed=seed, difficulty_counts=targets
        )
        assert Counter(c.difficulty for c in chosen) == Counter(targets)


def test_difficulty_targets_are_soft():
    candidates = [make(n, difficulty=1) for n in range(1, 11)]
    chosen = draw_questions(candidates, total=5, type_counts={}, seed=1, difficulty_counts={3: 5})
    assert len(chosen) == 5


def test_fixed_paper_shuffles_order_per_seed_and_refuses_shared_facts():
    candidates = pool(8)
    a, b = fixed_paper(candidates, seed=1, points=5), fixed_paper(candidates, seed=2, points=5)
    assert {i["question_id"] for i in a} == {i["question_id"] for i in b} == set(range(1, 9))
    assert [i["question_id"] for i in a] != [i["question_id"] for i in b]
    assert fixed_paper(candidates, seed=1, points=5) == a
    with pytest.raises(ValueError, match="同一知识点"):
        fixed_paper([make(1, fact="x"), make(2, fact="x")], seed=1, points=5)


def test_public_item_hides_key_explanation_and_source():
    item = paper_item(make(1, source={"sentence": "原句"}), 5, 10)
    public = public_item(item)
    assert set(public) == {"id", "type", "stem", "options", "points"}
    assert "解析1" not in str(public) and "原句" not in str(public)

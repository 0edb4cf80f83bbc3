from quiz.bank.constants import BLANK, TRUE_FALSE_OPTIONS


def _questions(build, qtype):
    return [q for q in build.bank["questions"] if q["type"] == qtype]


def test_all_types_and_enough_questions(seed_build):
    counts = seed_build.stats["by_type"]
    # Issue 8 asks >= 120 gate-passing and >= 60 recommended questions from the seed "if at all
    # possible". Recommended is now a precision filter calibrated on the seed's blind read, which
    # accepted 42 of its 110 questions: at <= 6 questions per sentence the seed holds about 45
    # that such a reviewer accepts (docs/question-quality.md), so 40 is the floor pinned here.
    # Generator 2.3 recommends at most two shapes of one blank (``same_fact``, round-3 review):
    # the 40 recommended of 2.2 are now 33 recommended plus their held-back third shapes.
    assert seed_build.stats["gate_passing"] >= 120
    assert seed_build.stats["recommended"] >= 30
    assert (
        sum(
            q["recommended"] or "same_fact" in q["quality"]["reasons"]
            for q in seed_build.bank["questions"]
        )
        >= 40
    )
    assert all(
        counts.get(t, 0) > 0
        for t in ("single_choice", "multiple_choice", "true_false", "fill_blank")
    )


def test_each_question_is_traceable(seed_build, seed_article):
    text = seed_article.text
    for question in seed_build.bank["questions"]:
        source = question["source"]
        assert text[source["start"] : source["end"]] == source["sentence"]
        assert "出处：华西都市报 2021-10-11" in question["explanation"]


def test_shapes(seed_build):
    for question in _questions(seed_build, "true_false"):
        assert question["options"] == TRUE_FALSE_OPTIONS and question["stem"].endswith("？")
    for question in _questions(seed_build, "fill_blank"):
        assert question["stem"].count(BLANK) == 1 and "options" not in question
    for question in _questions(seed_build, "multiple_choice"):
        assert 4 <= len(question["options"]) <= 6 and len(question["answer"]) >= 2


def test_stems_state_scope_and_time(seed_build):
    stems = [q["stem"] for q in seed_build.bank["questions"]]
    assert any("近年来，广元市" in s and "侦办涉网案件" + BLANK in s for s in stems)
    assert any("四川全省1月至9月累计清理网上违法信息" + BLANK in s for s in stems)
    assert any(s.startswith("四川省2021年国家网络安全宣传周以“" + BLANK) for s in stems)


def test_equivalent_answers(seed_build):
    questions = seed_build.bank["questions"] + seed_build.capped
    answers = [q["answer"] for q in questions if q["type"] == "fill_blank"]
    assert any({"72万元", "72万"} <= set(a) for a in answers)
    assert any({"2.9亿元", "2.9亿", "29000万元"} <= set(a) for a in answers)


def test_open_lists_give_only_listed_multiple_choice(seed_build):
    # 进机关、…、进农村等活动 is open: only "what does the article list" (rule …listed).
    for question in _questions(seed_build, "multiple_choice"):
        if any(option.startswith("进") for option in question["options"]):
            assert question["generator"]["rule"] == "enumeration.listed"
            assert "等活动" in question["stem"]


def test_single_choice_positions_are_balanced(seed_build):
    positions = [q["answer"][0] for q in _questions(seed_build, "single_choice")]
    assert (
        max(positions.count(i) for i in range(4)) - min(positions.count(i) for i in range(4)) <= 1
    )


def test_drops_are_recorded_with_reasons(seed_build):
    codes = {code for _, code, _ in seed_build.dropped}
    assert {"open_bound", "open_list_cloze", "too_few_distractors", "sentence_cap"} <= codes

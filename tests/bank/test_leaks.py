"""Answers other questions give away (for the paper draw, issue 8 item 7)."""

from quiz.bank.leaks import answer_texts, conflict, context_answered, gives_away, shared_context


def _question(qid, stem, answer, qtype="fill_blank", options=None, start=0, sentence=""):
    question = {
        "id": qid,
        "type": qtype,
        "stem": stem,
        "answer": answer,
        "source": {"id": "s", "start": start, "sentence": sentence, "answer_spans": []},
    }
    if options is not None:
        question["options"] = options
    return question


def test_a_stem_that_prints_another_answer_gives_it_away():
    where = _question(
        "a", "10月11日，四川省2021年国家网络安全宣传周在____启动。", ["广元市", "广元"]
    )
    money = _question(
        "b", "10月11日，广元市举行了发还仪式，发还了____追回资金。", ["72万元"], start=50
    )
    assert gives_away(money, where) and not gives_away(where, money)
    assert conflict(where, money) and conflict(money, where)


def test_options_count_too_and_short_answers_do_not():
    choice = _question(
        "c", "穆先生是怎样发现被骗的？", [0], "single_choice", ["给朋友打电话核实", "民警上门告知"]
    )
    first = _question("d", "首先应当怎么做？", ["给朋友打电话核实"], start=9)
    assert gives_away(choice, first)
    tiny = _question("e", "____月", ["5"], start=20)
    assert not gives_away(choice, tiny)


def test_true_false_answer_is_the_value_the_source_states():
    sentence = "冻结止付2.9亿元。"
    judged = _question(
        "f", "冻结止付3.8亿元。这一说法是否正确？", [1], "true_false", ["正确", "错误"]
    )
    judged["source"].update(sentence=sentence, start=100, answer_spans=[[104, 109]])
    assert answer_texts(judged) == ["2.9亿元"]
    cloze = _question("g", "广元市冻结止付2.9亿元，侦办涉网案件____。", ["570余件"], start=200)
    assert gives_away(cloze, judged)


def test_two_questions_of_one_sentence_conflict():
    first = _question("h", "A____。", ["甲乙"], start=7)
    second = _question("i", "B____。", ["丙丁"], start=7)
    assert conflict(first, second)


def test_shared_context_excludes_questions_whose_answer_it_is(seed_build):
    pool = seed_build.bank["questions"]
    context = shared_context(pool)
    assert "2021年" in context
    excluded = context_answered(pool)
    assert any("广元" in " ".join(answer_texts(q)) for q in excluded) or "广元" not in context
    assert len(excluded) < len(pool) // 5

import copy

from quiz.bank import check_bank


def _bank_with(seed_build, mutate):
    bank = copy.deepcopy(seed_build.bank)
    mutate(bank["questions"])
    return bank


def _codes(problems):
    return {p.code for p in problems}


def test_seed_bank_is_clean(seed_build, seed_article):
    assert check_bank(seed_build.bank, {seed_article.id: seed_article.text}) == []


def test_detects_answer_in_stem_and_bad_offsets(seed_build, seed_article):
    def mutate(questions):
        fill = next(q for q in questions if q["type"] == "fill_blank")
        fill["stem"] = fill["stem"].replace("____", "____" + fill["answer"][0])
        questions[1]["source"]["start"] += 1

    problems = check_bank(_bank_with(seed_build, mutate), {seed_article.id: seed_article.text})
    assert {"answer_in_stem", "source_mismatch"} <= _codes(problems)


def test_detects_duplicates_not_a_question_and_options(seed_build, seed_article):
    def mutate(questions):
        single = next(q for q in questions if q["type"] == "single_choice")
        single["options"][1] = single["options"][single["answer"][0]]
        questions.append(copy.deepcopy(questions[0]) | {"id": "dup"})
        tf = next(q for q in questions if q["type"] == "true_false")
        tf["stem"] = tf["stem"].rstrip("？")

    problems = check_bank(_bank_with(seed_build, mutate), {seed_article.id: seed_article.text})
    assert {"options_not_distinct", "duplicate", "not_a_question"} <= _codes(problems)


def test_detects_wrong_cloze_and_unknown_source(seed_build):
    problems = check_bank(seed_build.bank, {})
    assert "unknown_source" in _codes(problems)
    assert all(p.message and "/" in p.message for p in problems)

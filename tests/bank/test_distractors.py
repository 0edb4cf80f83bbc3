from quiz.bank import distractors
from quiz.bank.amounts import intervals_overlap, quantity_from_text
from quiz.bank.extract import extract_facts
from quiz.bank.questions import rng_for


def _fact(document, text, kind):
    return next(f for f in extract_facts(document) if f.text == text and f.kind == kind)


def test_quantity_distractors_keep_format_and_are_false(seed_document):
    facts = extract_facts(seed_document)
    fact = _fact(seed_document, "570余件", "quantity")
    options = distractors.for_quantity(seed_document, fact, facts, rng_for("t"))
    assert len(options) >= 3
    answer = quantity_from_text("570余件").interval()
    for option in options:
        parsed = quantity_from_text(option)
        assert parsed.unit == "件" and parsed.qualifier == "余"
        assert not intervals_overlap(answer, parsed.interval())


def test_open_bound_gets_no_distractors(seed_document):
    facts = extract_facts(seed_document)
    fact = _fact(seed_document, "50%以上", "quantity")
    assert distractors.for_quantity(seed_document, fact, facts, rng_for("t")) == []


def test_place_distractors_same_level_and_style(seed_document):
    facts = extract_facts(seed_document)
    fact = _fact(seed_document, "朝天区", "place")
    options = distractors.for_place(seed_document, fact, facts, rng_for("t"))
    assert options[:2] and all(o.endswith(("区", "县")) for o in options[:5])


def test_closed_list_outsiders_never_in_article(seed_document):
    fact = next(
        f for f in extract_facts(seed_document) if f.attrs.get("category") == "organization"
    )
    outsiders = distractors.for_item(seed_document, fact, "公安厅", rng_for("t"))
    assert outsiders
    for name in outsiders:
        assert name not in seed_document.analysis
        assert "公安厅" not in name and "网信办" not in name


def test_titles_never_use_other_article_titles(seed_document):
    facts = extract_facts(seed_document)
    fact = next(f for f in facts if f.kind == "title" and "倡议书" in f.text)
    options = distractors.for_title(seed_document, fact, facts, rng_for("t"))
    assert options and all("移动互联网" not in o for o in options)

from quiz.bank.amounts import equivalent_forms, intervals_overlap, quantity_from_text
from quiz.bank.extract import quantities

from .conftest import doc_of, sentence_facts


def test_counts_amounts_and_qualifiers(seed_document):
    found = {f.text for f in sentence_facts(seed_document, quantities.extract)}
    for expected in [
        "570余件",
        "650余人",
        "29个",
        "5000余张",
        "2.9亿元",
        "72万元",
        "200名",
        "100个",
        "20余家",
        "3万余条",
        "300余家",
        "1600余件",
        "380个",
        "4700余名",
        "50%以上",
    ]:
        assert expected in found


def test_ordinals_durations_and_case_codes_are_skipped():
    document = doc_of("网络犯罪已成为第一大犯罪类型。警方不到一个月就侦破了“2·02”案。")
    assert sentence_facts(document, quantities.extract) == []


def test_intervals_respect_qualifiers():
    assert quantity_from_text("570余件").interval() == (570, 580)
    assert quantity_from_text("3万余条").interval() == (30000, 40000)
    open_bound = quantity_from_text("50%以上")
    assert open_bound.open_bound
    assert intervals_overlap(open_bound.interval(), quantity_from_text("60%").interval())
    assert not intervals_overlap(
        quantity_from_text("570余件").interval(), quantity_from_text("500件").interval()
    )
    assert intervals_overlap(
        quantity_from_text("570余件").interval(), quantity_from_text("500余件").interval()
    )


def test_equivalent_forms():
    assert "72万" in equivalent_forms("72万元")
    assert {"2.9亿", "29000万元"} <= set(equivalent_forms("2.9亿元"))

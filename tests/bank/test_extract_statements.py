from quiz.bank.extract import statements

from .conftest import sentence_facts


def test_statements_and_advice(seed_document):
    facts = sentence_facts(seed_document, statements.extract)
    texts = {f.text: f for f in facts}
    assert texts["网络空间不是法外之地"].attrs["copula"] == "不是"
    crime = texts["网络犯罪已成为当前发案最多、损失最大、群众最痛恨的第一大犯罪类型"]
    assert crime.attrs["ordinal"] is not None
    assert any(f.kind == "advice" and f.text == "不听不信不转账" for f in facts)

from quiz.bank.extract import quotes

from .conftest import sentence_facts


def test_quoted_terms_by_shape(seed_document):
    facts = {f.text: f.attrs["shape"] for f in sentence_facts(seed_document, quotes.extract)}
    assert facts["网络安全为人民,网络安全靠人民"] == "slogan"
    assert facts["8·16"] == "case" and facts["2·02"] == "case" and facts["5·16"] == "case"
    assert facts["守护者"] == "term"
    assert "净网" not in facts  # part of a quoted run -> enumeration

from quiz.bank.extract import titles

from .conftest import sentence_facts


def test_titles_keep_brackets_and_verb(seed_document):
    facts = sentence_facts(seed_document, titles.extract)
    texts = {f.text for f in facts}
    assert "《四川省移动互联网应用安全报告(2021年上半年)》" in texts
    assert "《共建网络安全倡议书》" in texts
    assert all(f.attrs["verb"] == "发布" for f in facts)

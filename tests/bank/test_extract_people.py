from quiz.bank.extract import people

from .conftest import doc_of, sentence_facts


def test_speakers_with_roles(seed_document):
    facts = [
        f for f in sentence_facts(seed_document, people.extract) if f.attrs["role"] == "speaker"
    ]
    by_name = {f.text: [seed_document.analysis[a:b] for a, b in f.attrs["roles"]] for f in facts}
    assert by_name["房方"] == ["省委宣传部副部长", "省委网信办主任"]
    assert by_name["方万云"] == ["广元市副市长", "公安局局长"]


def test_reporter_and_citizen(seed_document):
    facts = sentence_facts(seed_document, people.extract)
    assert ("刘彦谷", "reporter") in {(f.text, f.attrs["role"]) for f in facts}
    assert ("穆先生", "citizen") in {(f.text, f.attrs["role"]) for f in facts}


def test_pos_traps_are_not_people():
    document = doc_of("本届网络安全宣传周面向青少年开展活动。")
    assert sentence_facts(document, people.extract) == []

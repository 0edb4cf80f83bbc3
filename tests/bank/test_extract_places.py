from quiz.bank.extract import places

from .conftest import sentence_facts


def test_places_with_levels(seed_document):
    found = {(f.text, f.attrs["level"]) for f in sentence_facts(seed_document, places.extract)}
    assert ("广元市", "city") in found
    assert ("朝天区", "district") in found


def test_region_org_prefix_and_lists_are_not_place_facts(seed_document):
    texts = [f.text for f in sentence_facts(seed_document, places.extract)]
    assert "四川" not in texts and "四川省" not in texts  # the article's own province
    assert "北京" not in texts  # inside an enumeration
    assert "成都" not in texts  # part of 中国人民银行成都分行

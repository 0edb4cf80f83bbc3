from quiz.bank.extract import enumerations

from .conftest import doc_of, sentence_facts


def _lists(document):
    result = {}
    for fact in sentence_facts(document, enumerations.extract):
        items = tuple(document.analysis[a:b] for a, b in fact.items)
        result[items] = (fact.closed, fact.attrs["category"])
    return result


def test_seed_lists(seed_document):
    lists = _lists(seed_document)
    days = ("校园日", "电信日", "法治日", "金融日", "青少年日", "个人信息保护日")
    assert lists[days] == (True, "themed_day")
    outreach = ("进机关", "进企业", "进校园", "进社区", "进军营", "进网站", "进农村")
    assert lists[outreach] == (False, "outreach")
    organizers = next(items for items in lists if items[0] == "省委宣传部")
    assert (
        organizers[-1] == "省妇联"
        and len(organizers) == 11
        and lists[organizers] == (True, "organization")
    )
    assert lists[("净网", "护网", "四断")] == (False, "quoted")
    assert lists[("北京", "深圳", "杭州")][0] is False
    assert ("展览", "知识竞赛", "专家讲座", "应急演练") in lists


def test_two_item_verb_phrases_are_not_lists():
    document = doc_of("我们要强化使命担当、积极主动作为,提高警惕、学会辨别。")
    assert _lists(document) == {}

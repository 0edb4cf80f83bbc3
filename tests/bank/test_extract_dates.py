from quiz.bank.extract import dates

from .conftest import doc_of, sentence_facts


def _dates(text):
    document = doc_of(text)
    return [(f.text, f.attrs["shape"]) for f in sentence_facts(document, dates.extract)]


def test_day_range_since_period_and_month():
    found = _dates(
        "本届宣传周于10月11日至17日开展。自10月12日起陆续开展主题日活动。1月至9月清理信息3万余条。今年5月,骗子盗用微信号。"
    )
    assert ("10月11日至17日", "range") in found
    assert ("10月12日", "since") in found
    assert ("1月至9月", "period") in found
    assert ("5月", "month") in found


def test_case_codes_and_titles_are_not_dates():
    found = _dates("破获“8·16”侵犯公民个人信息案。发布了《报告(2021年10月1日版)》。")
    assert found == []


def test_range_wins_over_inner_day():
    found = _dates("活动于10月11日至17日举行。")
    assert found == [("10月11日至17日", "range")]

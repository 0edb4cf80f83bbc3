"""Generator 2.5: the defect classes found by round 5's blind review (generator 2.4,
tests/bank/data/round5_blind_review.csv), pinned with examples from the round-5 articles, which
became tuning material after that review (tests/bank/articles/h5-*.txt)."""

from __future__ import annotations

import re

from quiz.bank.amounts import from_numerals, quantity_from_text, to_numerals
from quiz.bank.quality import statement_incomplete
from tests.helpers.bank_questions import marked_answers, recommended_with

ROUND5 = (
    "h5-court-rule-of-law-day",
    "h5-district-police-weekly-alert",
    "h5-macau-style-traditional",
    "h5-privacy-tips-handbook",
    "h5-university-campus-day",
)


# The articles the conftest ``built`` fixture generates for this module.
BUILT = ROUND5


# 1. Articles that gave nothing: a school's own news and a Hong Kong-style traditional report --


def test_a_schools_own_news_names_the_school_as_its_place(built):
    """我校…: 澄江理工大学 (its publisher) is where the figures happen; 我校/学校 at a clause's start
    become its name, and 其中 after a count the stem states points at that count."""
    _d, campus = built["h5-university-campus-day"]
    figures = recommended_with(campus, "涉诈求助")
    assert figures and all("澄江理工大学" in q["stem"] for q in figures)
    assert any(marked_answers(q) == ["约44%"] for q in figures)  # …41起，其中…刷单类占比约44%
    assert not any(re.search(r"(?:^|，)(?:我校|学校)", q["stem"]) for q in recommended_with(campus))


def test_chinese_numerals_are_quantities_written_back_in_numerals(built):
    """三百八十餘宗 is 380 cases: asked with distractors in numerals; 一起 and 两个 are words."""
    assert from_numerals("三百八十") == 380 and from_numerals("一千六百") == 1600
    assert to_numerals(205) == "二百零五" and to_numerals(13) == "十三"
    assert quantity_from_text("三百八十余宗").value == 380
    assert quantity_from_text("三万份").value == 30000
    assert quantity_from_text("一起") is None and quantity_from_text("两个") is None
    _d, macau = built["h5-macau-style-traditional"]
    cases = [q for q in recommended_with(macau, "詐騙案件____") if q["type"] == "single_choice"]
    assert cases and marked_answers(cases[0]) == ["三百八十餘宗"]
    assert all(re.fullmatch(r"[一二三四五六七八九十百千零]+餘宗", o) for o in cases[0]["options"])


def test_the_same_sentences_bank_is_that_bank_and_its_own_city_is_named_once(built):
    """莲洲银行…总经理许嘉豪介绍，该行…: 该行 is 莲洲银行 (not "骗徒经常假冒银行" from the sentence
    before), and 全市莲洲银行 is not "莲洲市莲洲银行"; 本市 is 莲洲市."""
    _d, macau = built["h5-macau-style-traditional"]
    stems = [q["stem"] for q in macau.bank["questions"]]
    assert not any("假冒銀行2024" in s or "蓮洲市蓮洲" in s for s in stems)
    assert any("蓮洲銀行2024年以來" in s for s in stems)
    assert not any("本市" in q["stem"] for q in recommended_with(macau))


def test_corner_quotes_are_quotes(built):
    """「不聽、不信、不轉賬」: the slogan's blank ends at the quote, not with 」 in the answer."""
    _d, macau = built["h5-macau-style-traditional"]
    slogan = [q for q in macau.bank["questions"] if "不聽" in "".join(marked_answers(q))]
    assert slogan and not any("」" in answer for q in slogan for answer in marked_answers(q))


# 2. Stems that need the sentence before ------------------------------------------------------


def test_a_share_opening_with_of_which_is_not_recommended(built):
    """其中，帮信罪案件占比最高，约为41%: a share of the figures of the sentence before, whose
    period (2022-2024) and base the stem does not carry."""
    _d, court = built["h5-court-rule-of-law-day"]
    assert not recommended_with(court, "41%") and not recommended_with(court, "____；侵犯")
    shares = [q for q in court.bank["questions"] if "占比最高" in q["stem"]]
    assert shares and all("dangling_reference" in q["quality"]["reasons"] for q in shares)


def test_a_statement_ending_on_a_report_verb_is_incomplete(built):
    """约有62%的受害人反映。: what they reported was in the next clause."""
    assert statement_incomplete("2020年…案件中，约有62%的受害人反映。这一说法是否正确？")
    _d, tips = built["h5-privacy-tips-handbook"]
    assert not any(re.search(r"受害人反映(?:。|$)", q["stem"]) for q in tips.bank["questions"])
    assert any("受害人反映，骗子能够准确说出" in q["stem"] for q in tips.bank["questions"])


def test_an_editors_note_is_furniture(built):
    """编者按：… says why the article was written; no question comes from it."""
    _d, tips = built["h5-privacy-tips-handbook"]
    assert not any("编者按" in q["stem"] for q in tips.bank["questions"])


# 3. Tips lists ---------------------------------------------------------------------------------


def test_a_tips_lead_heads_its_list_and_each_item_gives_its_do_and_dont(built):
    """以下是十条实用提示： + 1. 要…；不要…: the lead is the list's heading (not glued to item 1,
    not a giver, not a topic), each item is a do and a don't, and the list's situation is the
    one most of its items are about (personal information, so the privacy day)."""
    document, tips = built["h5-privacy-tips-handbook"]
    lead = next(s for s in document.sentences if s.text.startswith("以下是十条"))
    assert lead.heading
    advice = [q for q in recommended_with(tips) if q["generator"]["rule"].startswith("advice.")]
    assert any("下列做法正确的是" in q["stem"] for q in advice)
    assert any("下列做法错误的是" in q["stem"] for q in advice)
    for question in advice:
        assert "以下是" not in question["stem"] and "面对电话、网络诈骗" not in question["stem"]
        assert "privacy" in question["themed_days"], question["stem"]


def test_a_release_does_not_name_its_own_source_twice(built):
    """据临川分局2024年9月报道，根据临川分局的提醒…: the publisher giving the advice is said once."""
    _d, police = built["h5-district-police-weekly-alert"]
    for question in recommended_with(police, "临川分局"):
        assert question["stem"].count("临川分局") == 1, question["stem"]


def test_a_court_official_is_introduced_with_the_court(built):
    """市中院党组成员、副院长孔令杰: 青岚市中院, not a bare 副院长."""
    _d, court = built["h5-court-rule-of-law-day"]
    figures = recommended_with(court, "孔令杰")
    assert figures and all(q["stem"].startswith("青岚市中院") for q in figures)

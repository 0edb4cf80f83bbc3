"""Generator 2.22: classes found by round 23's blind review (generator 2.21.0,
tests/bank/data/round23_blind_review.csv), pinned with examples from the round-23 articles, which
became tuning material after that review (tests/bank/articles/h23-*.txt)."""

from __future__ import annotations

from tests.helpers.bank_questions import questions_with, recommended_with

# The articles the conftest ``built`` fixture generates for this module.
BUILT = (
    "h23-city-closing-summary",
    "h23-community-privacy-day",
    "h23-procuratorate-finance-crime",
    "h23-traditional-telecom-day",
)


def test_a_street_named_after_a_city_is_no_place(built):
    """在中山路金融街举办…: no 中山市公安局 in 鹤渚市's report, no ____路 place question."""
    _d, bank = built["h23-city-closing-summary"]
    assert not questions_with(bank, "中山市")
    assert not questions_with(bank, "____路")
    assert questions_with(bank, "鹤渚市公安机关侦破侵犯公民个人信息案件")


def test_a_clause_keeps_its_own_period(built):
    """…通报相关数据：今年以来，…；1至8月，全市电信网络诈骗立案数…: one period per stem, the
    clause's own, and no trailing ；1至8月。"""
    _d, bank = built["h23-city-closing-summary"]
    for question in questions_with(bank, "公安机关侦破侵犯公民个人信息案件"):
        assert not question["stem"].startswith("9月15日")
        assert not question["stem"].rstrip("。").endswith("1至8月")
    for question in questions_with(bank, "立案数同比下降"):
        assert "以来，1至8月" not in question["stem"]


def test_a_contests_tally_is_not_recommended(built):
    """历时10小时的比赛中，选手们共提交有效漏洞报告____: a contest's own count."""
    _d, bank = built["h23-city-closing-summary"]
    assert questions_with(bank, "漏洞报告____")
    assert not recommended_with(bank, "漏洞报告____")


def test_how_many_typical_cases_were_released_is_not_recommended(built):
    """…召开新闻发布会，…并发布____典型案例: the release's own tally."""
    _d, bank = built["h23-procuratorate-finance-crime"]
    assert questions_with(bank, "典型案例")
    assert not recommended_with(bank, "发布____典型案例")


def test_a_provision_cut_off_is_no_statement(built):
    """…施行的《中华人民共和国反电信网络诈骗法》明确规定。: what it provides was cut off."""
    _d, bank = built["h23-procuratorate-finance-crime"]
    assert not [q for q in bank.bank["questions"] if q["stem"].startswith("2022年12月1日起施行的")]


def test_fundraising_fraud_is_no_telecom_fraud(built):
    """受理非法吸收公众存款、集资诈骗等非法集资类案件5件____: 法治日 and 金融日, not 电信日."""
    _d, bank = built["h23-procuratorate-finance-crime"]
    asked = questions_with(bank, "非法集资类案件")
    assert asked
    assert all("telecom" not in q["themed_days"] for q in asked)


def test_fake_base_stations_are_the_telecom_days(built):
    """查處偽基站案件12起，抓獲犯罪嫌疑人____，繳獲設備15套: 电信日."""
    _d, bank = built["h23-traditional-telecom-day"]
    asked = questions_with(bank, "偽基站案件")
    assert asked
    assert all("telecom" in q["themed_days"] for q in asked)


def test_a_long_source_clause_stays_first(built):
    """據省通信管理局網絡安全管理處處長鄭懷遠介紹: the scope goes after the source, never before."""
    _d, bank = built["h23-traditional-telecom-day"]
    asked = questions_with(bank, "鄭懷遠介紹")
    assert asked
    assert all(q["stem"].startswith("據") for q in asked)


def test_findings_a_semicolon_parts_do_not_bound_each_other(built):
    """68.2%的受访居民…丢弃；54.7%的受访者从未查看…: each share gets its options (2.24), not
    only those between its neighbours (there were none, so the survey had no share question)."""
    _d, bank = built["h23-community-privacy-day"]
    choices = [
        q for q in questions_with(bank, "的受访居民表示收到快递后") if q["type"] == "single_choice"
    ]
    assert any("68.2%" in q["options"] for q in choices)

import pytest

from quiz.bank import check_bank, generate, load_article
from quiz.bank.document import Document

from .conftest import ARTICLES

FIXTURES = sorted(ARTICLES.glob("*.txt"))
# Articles with fewer good facts than 15, reported as thin rather than padded: a campus contest
# report whose figures are entrants, teams and prizes (trivia), and a short police report.
THIN = {
    "nanjing-campus-day-2023": 5,
    "guangdong-police-antifraud-2023": 10,
    # Round-2 articles (tuning since generator 2.2): below the 15, reported as such in
    # docs/question-quality.md, not padded.
    "h2-campus-day": 8,
    "h2-privacy-day-traditional": 12,
    # 2.3 no longer recommends its two questions on 王某's fine (case_detail, round-3 review).
    "h2-finance-day-bank": 14,
    # Round-3 articles (tuning since generator 2.3): about 900 characters each, half the h2
    # length; reported in docs/question-quality.md, not padded.
    "h3-city-telecom-day": 5,
    "h3-county-police-antifraud": 12,
    "h3-privacy-day-traditional": 5,
    "h3-provincial-opening": 11,
    "h3-rule-of-law-day": 5,
    "h3-school-campus-day": 6,
    "h3-security-tips": 6,
    # Generator 2.4 recommends no organiser list and puts no curated wrong behaviour in a
    # named official's mouth (round-4 review): 西安 loses its list and 孙立群's false version.
    # 2.8: no false version of a don't in an official's mouth; 2.14: who read a pact aloud is
    # a name, not knowledge; 2.15: the date its campus day was held at one university is news,
    # not knowledge (as for every school's or venue's own themed-day event since 2.15)
    "xian-2024-campus-day": 7,
    # Round-4 articles (tuning since generator 2.4): reported in docs/question-quality.md, not
    # padded. The finance release's figures are the regulator's 辖内 (no place a stem can name)
    # and the Q&A text's answers are its own wording.
    "h4-city-police-antifraud-cases": 11,
    "h4-finance-day-regulator": 5,
    "h4-privacy-qa-cac": 5,
    "h4-telecom-privacy-traditional": 7,
    # Round-5 articles (tuning since generator 2.5): the court's shares are of the sentence
    # before's figures (dangling), the police alert's cases are narratives, the traditional
    # report's counts are mostly activity trivia, the university's figures are its drill's.
    "h5-court-rule-of-law-day": 6,
    "h5-district-police-weekly-alert": 11,
    "h5-macau-style-traditional": 7,
    # (2.7: its date-of-the-day blank is given away by the university, obvious_answer)
    "h5-university-campus-day": 6,  # 2.15: the date of its own campus-day event is news
    # Round-6 articles (tuning since generator 2.6): a bank's risk notice whose cases are
    # narratives, a school's activity report (entrants and classes are trivia), a telecom
    # operator's release and a traditional report of about 1,400 characters each.
    "h6-bank-finance-day-tips": 11,
    "h6-middle-school-youth-day": 1,
    "h6-telecom-operator-day": 13,
    "h6-traditional-privacy-day": 3,
    # Round-7 articles (tuning since generator 2.7): a primary school's and a rural credit
    # union's activity reports (their figures are outreach counts), a procuratorate's release
    # whose shares are of the sentence before's figures, a traditional youth-day report.
    "h7-primary-school-campus-day": 0,  # 2.15: likewise its campus day at one school
    "h7-procuratorate-rule-of-law-day": 12,  # 2.15: the date its press conference was called is news
    "h7-rural-credit-finance-day": 3,
    "h7-traditional-youth-day": 10,
    # Round-8 articles (tuning since generator 2.8): a monthly police briefing whose figures
    # are dated only by the release (no_period), a community news item, an insurance release,
    # a traditional telecom-day report, a vocational college's campus day.
    "h8-city-police-monthly-briefing": 7,
    "h8-community-youth-privacy": 0,
    "h8-insurance-finance-day": 8,
    "h8-traditional-telecom-day": 5,
    "h8-vocational-college-campus-day": 4,
    # Round-9 articles (tuning since generator 2.9): a county police event whose case details
    # and hotline lines lean on the sentence before (narrative_pointer), a school lesson and a
    # securities regulator's day whose tips name no one, and a traditional court open day whose
    # shares are of the sentence before's totals (no_period).
    "h9-county-police-antifraud-day": 12,
    "h9-middle-school-privacy-lesson": 5,
    "h9-securities-finance-day": 6,
    "h9-traditional-rule-of-law-day": 0,
    # Round-10 articles (tuning since generator 2.10): a bank's risk notice and a telecom
    # operator's release whose figures have no subject of their own, a college's activity
    # report, a district court's cases (narratives) and a traditional report.
    "h10-bank-finance-day": 7,
    "h10-campus-day": 2,  # 2.15: likewise its own campus-day launch
    "h10-court-pi-cases": 10,
    "h10-telecom-sim-card": 2,
    "h10-trad-lingwan": 6,
    # Round-11 articles (tuning since generator 2.11): a procuratorate's release and a
    # traditional privacy feature whose figures lean on the sentence before (其中, dangling), a
    # Q&A text whose answers are its questions' (如有疑问…), a police alert of labelled tips, a
    # school's youth-day report of activity counts.
    "h11-dailan-procuratorate-law-day": 8,
    "h11-fengyu-cac-qa": 5,
    "h11-jizhou-pi-protection-day": 8,
    "h11-yaochuan-police-alert": 8,
    "h11-yuexi-school-youth-day": 2,
    # Round-12 articles (tuning since generator 2.12): an insurance regulator's release, a
    # county court's open day (the trial is a narrative) and a traditional campus report whose
    # figures are its survey's and its activities'.
    "h12-canglan-finance": 11,
    "h12-fengdu-court": 5,
    "h12-nanyu-campus": 4,
    # Round-13 articles (tuning since generator 2.12.1): a district's privacy day whose figures
    # are its own activity counts, a vocational school's campus day told as one student's case.
    "h13-bank-finance-day": 14,
    "h13-district-pip-day": 5,
    "h13-vocational-campus-internship": 0,
    # Round-14 articles (tuning since generator 2.13): a bank association's event whose figures
    # are the police's and the regulator's, a court white paper's cases (narratives), a
    # traditional youth day's survey shares (the survey named sentences before), an education
    # department's report of activity counts, a feature told as a victim's story.
    "h14-bank-finance-day": 9,
    "h14-court-pi-whitepaper": 6,
    "h14-province-campus-day": 0,
    "h14-victim-police-feature": 0,
    # 2.14: the survey's shares no longer name the place through a newspaper the article never
    # names (嵐澤時報 is only in the sidecar)
    "h14-youth-day-trad": 7,
    # Round-15 articles (tuning since generator 2.14): a county operator's event for the elderly,
    # a traditional finance day whose regulator is named without its place (金管局), a primary
    # school's class survey and tips, a procuratorate's case counts, a youth league's survey and
    # ceremony (who released or read what is a name, not knowledge).
    "h15-county-telecom-elderly": 13,
    "h15-finance-day-traditional": 0,
    "h15-primary-school-campus-day": 8,
    "h15-procuratorate-law-day": 11,
    "h15-youth-league-cyberbullying": 3,  # 2.15: its youth day at a centre, dated
    # Round-16 articles (tuning since generator 2.15): the dates and names of a county's and a
    # university's own themed-day events are news, not knowledge; a bank branch's outreach
    # counts; a traditional court release and a tips text whose figures name no place.
    "h16-bank-finance-day": 0,
    "h16-county-youth-day": 0,
    "h16-privacy-day-tips": 3,
    "h16-traditional-law-day": 0,
    "h16-university-campus-day": 0,
    # Round-17 articles (tuning since generator 2.16): a county police event's few figures, a
    # court's cases (narratives), an insurance regulator named only as 西岭监管局 (two bodies
    # share that name: the stem keeps it, so it names no place), a school's cases told one
    # after another (另一名学生).
    "h17-county-police-telecom-day": 8,
    "h17-court-law-day-cases": 11,
    "h17-insurance-finance-day": 2,
    "h17-middle-school-campus-day": 9,
    # Round-18 articles (tuning since generator 2.17): a city opening and a district police
    # report a little short of 15, a rural bank's outreach counts, a traditional telecom day, a
    # vocational school's campus day told as events, a Q&A text of rules (answers read off the
    # stem are not recommended).
    "h18-city-opening-ceremony": 14,
    "h18-district-police-fraud-cases": 14,
    "h18-rural-bank-finance-day": 2,
    "h18-traditional-telecom-day": 13,
    "h18-vocational-school-campus-day": 0,
    "h18-youth-privacy-qa": 1,
    # Round-19 articles (tuning since generator 2.18): a police WeChat alert of cases and tips,
    # a court's minors' cases (narratives), a school's letter to parents (its tips are advice
    # questions), a traditional bank association report.
    "h19-city-police-wechat-alert": 2,
    "h19-court-minors-privacy": 5,
    "h19-primary-school-parents-letter": 9,
    "h19-traditional-finance-day": 11,
    # Round-20 articles (tuning since generator 2.19): an elderly residents' privacy day and a
    # traditional youth centre's day whose figures are their own activity's, a county opening's
    # visitor counts, a university mock trial (a narrative), a securities branch's outreach, a
    # police press conference just short of 15.
    "h20-community-elderly-privacy": 0,
    "h20-county-opening-report": 3,
    "h20-provincial-police-presser": 14,
    "h20-securities-finance-day": 6,
    "h20-traditional-youth-day": 0,
    "h20-university-law-day": 3,
    # Round-21 articles (tuning since generator 2.20): a bank's day at a senior centre (a
    # narrative, its tips unattributed), a procuratorate's lecture (a case narrative), an
    # operator's tips just short of 15, a traditional university's CTF day.
    "h21-bank-elderly-finance-day": 8,
    "h21-county-procuratorate-law-day": 6,
    "h21-telecom-operator-tips": 10,
    "h21-traditional-campus-day": 10,
    # Round-22 articles (tuning since generator 2.21): a court's privacy day (case narratives),
    # a traditional finance day, a vocational college's day (its tips have no named giver).
    "h22-court-privacy-day": 8,
    "h22-traditional-finance-day": 7,
    "h22-vocational-campus-day": 1,
    # Round-23 articles (tuning since generator 2.22): a community privacy day whose survey has
    # no title and whose figures are its own event's, a police alert of case narratives, a
    # primary school's day.
    "h23-community-privacy-day": 0,
    "h23-district-police-wechat-alert": 3,
    "h23-primary-school-campus-day": 4,
    # Round-24 articles (tuning since generator 2.23): a traditional youth day, a provincial
    # Q&A whose answers are lists, a university law day (a mock trial's narrative).
    "h24-traditional-youth-day": 10,
    "h24-provincial-privacy-day-qa": 8,
    "h24-university-law-day": 5,
    # Round-25 articles (tuning since generator 2.24): an operator's day for the elderly (2.26
    # no longer gives its company's 100% 实名准确率 to the county: 9 -> 6), a middle school's
    # day (its 不透露。/ 不转账。 tips are advice since 2.26), a procuratorate's cases, a
    # traditional finance day, a youth league's survey (its shares name the district since 2.26:
    # 3 -> 30).
    "h25-county-telecom-operator-day": 6,
    "h25-middle-school-campus-day": 5,
    "h25-procuratorate-privacy-day": 12,
    "h25-traditional-finance-day": 7,
    "h25-youth-league-survey": 30,
    # Round-26 articles (tuning since generator 2.26): a sub-district's tips for teenagers and
    # parents (16 items, but one question per situation and audience), an insurer's day, a
    # traditional court law day (two cases told with their articles of law), a university's day
    # (participants, team names and a contest's rounds: trivia by the rubric).
    "h26-community-youth-privacy-tips": 12,
    "h26-insurance-finance-day": 14,
    "h26-traditional-law-day": 7,
    "h26-university-campus-day": 6,
    # Round-27 articles (tuning since generator 2.27): a bank branch's day (a lecture and its
    # branch's figures), a county police alert (three cases told as stories; its 要做到：/
    # 不要做： lines are advice since 2.28), a primary school's day (a class meeting, a contest, a
    # letter to parents), a procuratorate's youth day.
    "h27-bank-finance-day": 10,
    "h27-county-police-wechat-alert": 14,
    "h27-primary-school-campus-day": 5,
    "h27-procuratorate-youth-day": 14,
    # Round-28 articles (tuning since generator 2.28): a city police press conference (此类警情
    # and 各网点 point back since 2.29), a provincial closing summary, a securities finance day,
    # a traditional privacy day, a vocational college's day (its contest, drama and scams are
    # told as a story: nothing recommended).
    "h28-city-police-press-conference": 14,
    "h28-provincial-closing-summary": 13,
    "h28-securities-finance-day": 8,
    "h28-traditional-privacy-day": 4,
    "h28-vocational-college-campus-day": 0,
    # Round-29 articles (tuning since generator 2.30): a county opening (its outlet's own app is
    # trivia since 2.30), an intermediate court's law day (its cases are told as stories), a
    # district police's cases, a middle school's youth day (a judge's lecture: her advice on
    # bullying since 2.30; a class's survey of 48 pupils), an operator's privacy day (a daily
    # average beside its total is a division since 2.30), a traditional regulator's finance day
    # (its city named only as 琅埔金融監管分局 until 2.30).
    "h29-county-opening": 8,
    "h29-court-law-day": 6,
    "h29-district-police-cases": 9,
    "h29-middle-school-youth-day": 2,
    "h29-operator-privacy-day": 6,
    "h29-traditional-finance-day": 12,
    # Round-30 articles (tuning since generator 2.31): a city police monthly briefing (its
    # figures under the report's date only are held back since 2.31), a community privacy day, a
    # provincial opening, a rural bank's finance day, a traditional telecom day, a university's
    # campus day (a contest, a drill and a survey told without their subject; its tips are the
    # school's since 2.31).
    "h30-city-police-monthly": 8,
    "h30-community-privacy-day": 8,
    "h30-provincial-opening": 15,
    "h30-rural-bank-finance-day": 11,
    "h30-traditional-telecom-day": 15,
    "h30-university-campus-day": 2,
    # Round-31 articles (tuning since generator 2.32): a cyberspace office's privacy Q&A, a county
    # police telecom day at a market, a procuratorate's law-day release (its cases told as
    # stories), a securities branch's finance day, a traditional university campus day (a share
    # its stem's two figures give is computable since 2.32), a youth league's survey.
    "h31-cac-qa-privacy-tips": 12,
    "h31-county-police-market-telecom-day": 15,
    "h31-procuratorate-law-day-release": 6,
    "h31-securities-finance-day": 6,
    "h31-traditional-university-campus-day": 8,
    "h31-youth-league-survey-youth-day": 15,
    # Round-32 articles (tuning since generator 2.33): a city closing summary, a district court's
    # open day (a trial told as a story), an insurer's finance day, a primary school's campus day,
    # a provincial telecom administration's release, a traditional police alert (its `数据显示`
    # figures say whose data only since 2.33: held back).
    "h32-city-closing-summary": 15,
    "h32-district-court-open-day": 6,
    "h32-insurance-finance-day": 7,
    "h32-primary-school-campus-day": 13,
    "h32-province-telecom-admin-release": 4,
    "h32-traditional-police-alert": 10,
    # Round-33 articles (tuning since generator 2.34): a city police press conference (a
    # transcript: its speaker labels are who said it since 2.34), a county opening ceremony, a
    # procuratorate's youth day (sums the stem gives are computable since 2.34), a town's privacy
    # day for the elderly, a traditional bankers' association day (its tips are the
    # association's since 2.34), a vocational college's day (its tips are long compound items:
    # one question per action clause since 2.36).
    "h33-city-police-press-conference": 15,
    "h33-county-opening-ceremony": 15,
    "h33-procuratorate-youth-day": 4,
    "h33-town-privacy-day-elderly": 12,
    "h33-traditional-finance-day-bank-association": 10,
    "h33-vocational-college-campus-day": 3,
    # Round-34 articles (tuning since generator 2.35): a district police WeChat alert, a middle
    # school's privacy lesson (its survey told "before the event": held back since 2.35), a
    # provincial press release, a telecom operator's elderly day, a traditional court's law day,
    # a university's finance day (a case whose subject was cut before 便: no stem since 2.35).
    "h34-district-police-wechat-alert": 5,
    "h34-middle-school-privacy-lesson": 2,
    "h34-provincial-press-release": 15,
    "h34-telecom-operator-elderly": 13,
    "h34-traditional-court-law-day": 14,
    "h34-university-finance-day": 9,
    # Round-35 articles (tuning since generator 2.37): a community's youth day (a parent's rules
    # are advice since 2.37), a procuratorate's law day, a traditional bank's finance day (its
    # 「四個凡是」 are the bank's since 2.37), a vocational college's day (its tips are the
    # college's since 2.37); the city opening and the county police give 15 and more.
    "h35-community-youth-day": 4,
    "h35-procuratorate-law-day": 11,
    "h35-traditional-bank-finance-day": 4,
    "h35-vocational-college-campus-day": 9,
    # Round-36 articles (tuning since generator 2.38): a district police alert, an insurers'
    # finance day (its tips are the regulator's and the association's together since 2.38), a
    # middle school's campus day, a provincial closing summary, a traditional court's privacy
    # day (its figures keep their period since 2.38); the youth league's survey gives 15 and more.
    "h36-district-police-telecom-day": 8,
    "h36-insurance-finance-day": 1,
    "h36-middle-school-campus-day": 11,
    "h36-provincial-closing-summary": 14,
    "h36-traditional-court-privacy-day": 7,
    # Round-37 articles (tuning since generator 2.39): a district police post, a bank's finance
    # day, a traditional provincial telecom day, a university's campus day; the city opening
    # and the youth-day tips give 15 and more.
    "h37-district-police-antifraud": 7,
    "h37-payment-finance-day": 12,
    "h37-traditional-telecom-day": 9,
    "h37-university-campus-day": 7,
    # Round-38 articles (tuning since generator 2.41): a primary school's campus day, a district
    # procuratorate's law day (its case's cards are told before since 2.41), a securities
    # regulator's finance day, a traditional city privacy day; the provincial release and the
    # county police give 15 and more.
    "h38-primary-school-campus-day": 5,
    "h38-procuratorate-law-day": 9,
    "h38-securities-finance-day": 13,
    "h38-traditional-privacy-day": 3,
    # Round-39 articles (tuning since generator 2.42): a middle school's youth day, a telecom
    # operator's privacy day, a traditional finance day, a vocational college's campus day (its
    # 一是…三是 list gives a don't since 2.42); the city police and the county opening give 15
    # and more.
    "h39-middle-school-youth-day": 5,
    "h39-telecom-operator-privacy-day": 4,
    "h39-traditional-finance-day": 11,
    "h39-vocational-college-campus-day": 1,
    # A town's privacy day for the elderly: since 2.44 its 拨打____核实 -> 110 is common
    # knowledge (round 41's reader), one under the issue's 15.
    "h12-luting-elderly": 14,
    # Round-40 articles (tuning since generator 2.43): a rural bank's finance day, a traditional
    # county youth day, a university privacy day; the city closing summary, the provincial
    # telecom release and the district police case alert (its 【警方提示】 list gives advice since
    # 2.43) give 15 and more.
    "h40-rural-bank-finance-day": 12,
    "h40-traditional-youth-day": 8,
    "h40-university-privacy-day": 6,
    # Round-41 articles (tuning since generator 2.44): a city police WeChat tips post, a county
    # telecom day, an insurance regulator's finance day, a primary school's campus day, a
    # traditional court law day (none recommended by 2.43); the provincial opening gives 15 and
    # more.
    "h41-city-police-wechat-tips": 9,
    "h41-county-telecom-day": 13,
    "h41-insurance-finance-day": 8,
    "h41-primary-school-campus-day": 6,
    "h41-traditional-court-law-day": 8,
    # Round-42 articles (tuning since generator 2.45): a bank's finance-day tips, a county police
    # weekly alert (its week-on-week counts are computable since 2.45), a middle school's youth
    # day, a procuratorate's law day, a traditional privacy day; the city opening gives 15 and
    # more.
    "h42-bank-finance-day-tips": 9,
    "h42-county-police-weekly-alert": 3,
    "h42-middle-school-youth-day": 4,
    "h42-procuratorate-law-day": 9,
    "h42-traditional-privacy-day": 5,
    # Round-43 articles (tuning since generator 2.47): a community youth day, a telecom operator's
    # privacy day, a traditional finance day, a university campus day; the provincial closing
    # summary and the city police release give 15 and more.
    "h43-community-youth-day": 6,
    "h43-telecom-operator-privacy-day": 2,
    "h43-traditional-finance-day": 10,
    "h43-university-campus-day": 6,
}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_other_articles_give_gated_traceable_questions(path):
    article = load_article(path)
    result = generate([article])
    questions = result.bank["questions"]
    assert len(questions) >= 20
    if Document(article).year:
        # An article that names no year (and has no dated sidecar) cannot have stems that do.
        # Generator 2.3 holds back a third shape of a recommended blank (``same_fact``): the
        # floor counts the facts found, i.e. those too.
        found = sum(q["recommended"] or "same_fact" in q["quality"]["reasons"] for q in questions)
        assert found >= THIN.get(article.id, 15)
    assert check_bank(result.bank, {article.id: article.text}) == []
    assert {q["type"] for q in questions} >= {"single_choice", "true_false", "fill_blank"}
    for question in questions:
        start, end = question["source"]["start"], question["source"]["end"]
        assert article.text[start:end] == question["source"]["sentence"]


def test_sidecar_metadata_is_used():
    article = load_article(ARTICLES / "zhejiang-2022-cybersecurity-week.txt")
    assert (article.id, article.publisher, article.date) == (
        "zhejiang-2022-cybersecurity-week",
        "浙江日报",
        "2022-09-05",
    )


def test_traditional_article_keeps_original_text_in_provenance():
    article = load_article(ARTICLES / "guangdong-2023-traditional.txt")
    questions = generate([article]).bank["questions"]
    assert any("網絡" in q["source"]["sentence"] for q in questions)
    assert any("廣東省2023年國家網絡安全宣傳周以“____”" in q["stem"] for q in questions)


def test_police_report_scopes_and_people():
    article = load_article(ARTICLES / "guangdong-police-antifraud-2023.txt")
    stems = [q["stem"] for q in generate([article]).bank["questions"]]
    assert any("深圳市公安局副局长、刑侦局局长____" in s for s in stems)
    assert any(s.startswith("2023年1月至6月，深圳市") for s in stems)

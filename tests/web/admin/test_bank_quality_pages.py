"""Issue 8 items 5 and 9 in the organizer's pages: scores and reasons in Chinese, recommended
counts per themed day, approving one article's recommended questions at once, and the refusal
of an article with no usable facts."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from quiz.bank.quality import REASONS
from quiz.extensions import db
from quiz.models import AuditLog, Question
from quiz.resources import source_root

pytestmark = pytest.mark.db

URL = "/admin/bank/articles/new"
SEED_TEXT = (source_root() / "seeds" / "sichuan-2021-cybersecurity-week.txt").read_text(
    encoding="utf-8"
)
META = {"title": "四川网安周", "publisher": "华西都市报", "date": "2021-10-11", "article_id": "sc"}
# A raw reason code (open_list, shape_date, ...) in the page, outside attributes and URLs.
RAW_CODE = re.compile(r">[^<]*\b(" + "|".join(map(re.escape, REASONS)) + r")\b[^<]*<")


@pytest.fixture
def organizer(client, auth, factories):
    user = factories.organizer("teacher")
    auth.login("teacher")
    return user


def test_preview_counts_recommended_questions_per_themed_day(client, organizer):
    page = client.post(URL, data={"text": SEED_TEXT, "preview": "1", **META}).get_data(as_text=True)
    total = re.search(r"推荐题目（共 (\d+) 道）按主题日", page)
    assert total and int(total.group(1)) >= 20, page[:2000]
    for day in ("校园日", "电信日", "法治日", "金融日", "青少年日", "个人信息保护日"):
        assert re.search(rf"{day} \d+</span>", page), day
    assert not RAW_CODE.search(page)


def test_question_page_shows_score_and_chinese_reasons(client, organizer):
    client.post(URL, data={"text": SEED_TEXT, "save": "1", **META})
    saved = db.session.execute(select(Question).order_by(Question.id)).scalars()
    question = next(q for q in saved if q.quality_reasons and q.quality_score is not None)
    page = client.get(f"/admin/bank/questions/{question.id}").get_data(as_text=True)
    assert f"质量分 {question.quality_score} / 100" in page
    assert all(REASONS[code] in page for code in question.quality_reasons)
    assert not RAW_CODE.search(page)


def test_one_action_approves_an_articles_recommended_questions(client, organizer):
    client.post(URL, data={"text": SEED_TEXT, "save": "1", **META})
    recommended = db.session.scalar(
        select(func.count()).select_from(Question).where(Question.recommended.is_(True))
    )
    assert recommended >= 20
    listing = client.get("/admin/bank?source=sc").get_data(as_text=True)
    assert "通过本文章的全部推荐题目" in listing
    done = client.post("/admin/bank/sources/sc/approve-recommended", follow_redirects=True)
    assert done.status_code == 200
    db.session.expire_all()
    statuses = dict(
        db.session.execute(
            select(Question.recommended, func.count())
            .group_by(Question.recommended)
            .where(Question.status == "approved")
        ).all()
    )
    text = done.get_data(as_text=True)
    approved = int(re.search(r"已通过该文章的 (\d+) 道推荐题目", text).group(1))
    assert statuses == {True: approved} and approved >= recommended - 3  # never a draft one
    assert db.session.execute(
        select(AuditLog).filter_by(action="bank.source.approve_recommended")
    ).scalar()
    # A second click has nothing left to approve: a Chinese message, not an error page.
    again = client.post("/admin/bank/sources/sc/approve-recommended", follow_redirects=True)
    assert again.status_code == 200 and "这篇文章没有待审核的推荐题目" in again.get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "The national cybersecurity week opened in Guangyuan on 11 October. " * 20,
            "中文内容太少",
        ),
        ("1234567890，。！？——%%%###" * 30, "中文内容太少"),
        ("网络安全。\n" * 3, "合格题目"),
    ],
)
def test_an_article_with_no_usable_facts_is_refused_in_chinese(client, organizer, text, message):
    for action in ("preview", "save"):
        response = client.post(URL, data={"text": text, action: "1", **META})
        page = response.get_data(as_text=True)
        assert response.status_code == 422, page[:500]
        assert message in page and "Traceback" not in page
    assert db.session.scalar(select(func.count()).select_from(Question)) == 0

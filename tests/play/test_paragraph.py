"""The source sentence shown inside its paragraph: offsets, fallbacks and escaping."""

from __future__ import annotations

from datetime import timedelta

from quiz.extensions import db
from quiz.models import Source
from quiz.play.paragraph import excerpt
from quiz.services.attempts import submit
from tests.play.conftest import NOW, start

ARTICLE = "第一段。\n\n第二段开头，关键句在这里。第二段结尾。\n第三段。"


def test_excerpt_cuts_the_paragraph_around_the_sentence():
    start = ARTICLE.index("关键句")
    end = start + len("关键句在这里。")
    cut = excerpt(ARTICLE, start, end, "关键句在这里。")
    assert (cut.before, cut.sentence, cut.after) == (
        "第二段开头，",
        "关键句在这里。",
        "第二段结尾。",
    )


def test_wrong_offsets_fall_back_to_finding_the_sentence():
    cut = excerpt(ARTICLE, 0, 3, "第三段。")
    assert (cut.before, cut.sentence, cut.after) == ("", "第三段。", "")


def test_missing_text_shows_the_sentence_alone_or_nothing():
    assert excerpt("", None, None, "只有句子。").sentence == "只有句子。"
    assert excerpt("", None, None, "") is None


def test_long_paragraphs_are_trimmed():
    text = "甲" * 1000 + "句子。" + "乙" * 1000
    cut = excerpt(text, 1000, 1003, "句子。", context=50)
    assert cut.before == "…" + "甲" * 50 and cut.after == "乙" * 50 + "…"


def test_markup_in_the_article_stays_escaped(client, factories, student, clock):
    hostile = '<p>引言</p>\n<script>alert("x")</script>测试文章。<b>后文</b>\n下一段'
    factories.source(text=hostile)
    contest = factories.contest()
    # The factories' questions point at "测试文章。" with offsets 0..5; those no longer match,
    # so the sentence is found by searching the text.
    attempt = start(client, contest)
    submit(attempt, now=NOW + timedelta(minutes=1), grace_seconds=3)
    page = client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)
    assert "<script>alert" not in page and "<b>后文</b>" not in page
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;<mark>测试文章。</mark>&lt;b&gt;后文&lt;/b&gt;"
        in page
    )
    assert "引言" not in page and "下一段" not in page  # other paragraphs are left out
    assert db.session.get(Source, "test-article").text == hostile

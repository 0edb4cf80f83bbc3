"""The results page shows the source sentence inside its paragraph, escaped.

The cutting itself is unit-tested in tests/services/questions/test_provenance.py.
"""

from __future__ import annotations

from datetime import timedelta

from quiz.extensions import db
from quiz.models import Source
from quiz.services.attempts.lifecycle import submit
from tests.clock import GRACE, NOW
from tests.helpers.play import start


def test_markup_in_the_article_stays_escaped(client, factories, student, clock):
    hostile = '<p>引言</p>\n<script>alert("x")</script>测试文章。<b>后文</b>\n下一段'
    factories.source(text=hostile)
    contest = factories.contest()
    # The factories' questions point at "测试文章。" with offsets 0..5; those no longer match,
    # so the sentence is found by searching the text.
    attempt = start(client, contest)
    submit(attempt, now=NOW + timedelta(minutes=1), grace_seconds=GRACE)
    page = client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)
    assert "<script>alert" not in page and "<b>后文</b>" not in page
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;<mark>测试文章。</mark>&lt;b&gt;后文&lt;/b&gt;"
        in page
    )
    assert "引言" not in page and "下一段" not in page  # other paragraphs are left out
    assert db.session.get(Source, "test-article").text == hostile


def test_the_sentence_shows_and_the_paragraph_waits_in_details(client, factories, student, clock):
    # The seed's ASCII commas read as Chinese ones; the stored text keeps them.
    text = "标题\n华西都市报(记者)10月11日,宣传周启动。测试文章。活动持续一周,全省开展。\n下一段"
    factories.source(text=text)
    contest = factories.contest(show_answers="after_submit")
    attempt = start(client, contest)
    submit(attempt, now=NOW + timedelta(minutes=1), grace_seconds=GRACE)
    page = client.get(f"/attempts/{attempt.id}/result").get_data(as_text=True)
    assert '<span class="source-sentence"><mark>测试文章。</mark></span>' in page
    assert '<details class="source-more">' in page and "<details open" not in page
    assert (
        "华西都市报（记者）10月11日，宣传周启动。<mark>测试文章。</mark>活动持续一周，全省开展。"
        in page
    )
    assert "10月11日," not in page
    assert db.session.get(Source, "test-article").text == text

"""``paragraph_with_highlight``: the sentence inside its paragraph, nothing else (pure)."""

from __future__ import annotations

from quiz.services.questions.provenance import (
    MAX_CONTEXT,
    display_excerpt,
    highlight_for,
    leading_sentences,
    normalise_punctuation,
    paragraph_with_highlight,
    sentence_boundaries,
)

TEXT = "标题\n\n第一段第一句。第一段第二句。\n\u3000\u3000第二段开头。目标句子在这里。第二段结尾。\n第三段。"


def test_cuts_the_paragraph_around_the_sentence():
    start = TEXT.index("目标句子")
    end = start + len("目标句子在这里。")
    assert paragraph_with_highlight(TEXT, start, end) == (
        "第二段开头。",
        "目标句子在这里。",
        "第二段结尾。",
    )


def test_first_and_last_paragraphs():
    assert paragraph_with_highlight(TEXT, 0, 2) == ("", "标题", "")
    start = TEXT.index("第三段")
    assert paragraph_with_highlight(TEXT, start, len(TEXT)) == ("", "第三段。", "")


def test_bad_offsets_give_nothing():
    for start, end in ((None, 3), (5, 2), (-1, 3), (0, len(TEXT) + 1)):
        assert paragraph_with_highlight(TEXT, start, end) == ("", "", "")
    assert paragraph_with_highlight("", 0, 0) == ("", "", "")


def test_long_paragraphs_are_capped_at_sentence_boundaries():
    # A context with no sentence end inside the cap is left out whole, never cut mid-way.
    text = "甲" * 1000 + "目标。" + "乙" * 1000
    before, sentence, after = paragraph_with_highlight(text, 1000, 1003)
    assert sentence == "目标。"
    assert before == "…" and after == "…"


def test_capped_context_keeps_whole_sentences():
    first, near, far = "远" * 300 + "。", "近的一句话。", "后面很远" * 70 + "。"
    text = first + near + "目标。" + "紧接着的一句。" + far
    start = text.index("目标")
    before, sentence, after = paragraph_with_highlight(text, start, start + 3)
    assert (before, sentence, after) == ("…" + near, "目标。", "紧接着的一句。…")
    assert len(before) <= MAX_CONTEXT + 1 and len(after) <= MAX_CONTEXT + 1


def test_markup_is_returned_verbatim_for_the_template_to_escape():
    text = "<b>前</b>句。<script>alert(1)</script>。"
    start = text.index("句")
    before, sentence, _after = paragraph_with_highlight(text, start, len(text))
    assert before == "<b>前</b>" and sentence.startswith("句。<script>")


def test_highlight_for_falls_back_to_finding_the_sentence():
    start = TEXT.index("第三段")
    # Stale offsets (the text changed): the sentence is found where it now is.
    assert highlight_for(TEXT, "第三段。", 0, 4) == ("", "第三段。", "")
    assert highlight_for(TEXT, "第三段。", start, start + 4) == ("", "第三段。", "")
    assert highlight_for(TEXT, "不在文中。", 0, 4) is None
    assert highlight_for("", "第三段。", 0, 4) is None


def test_normalise_punctuation_writes_chinese_punctuation_full_width():
    raw = "华西都市报(李康 记者)10月11日,四川省启动。报告(2021年上半年)指出:要防范;对吗?对!"
    assert normalise_punctuation(raw) == (
        "华西都市报（李康 记者）10月11日，四川省启动。报告（2021年上半年）指出：要防范；对吗？对！"
    )


def test_normalise_punctuation_leaves_numbers_and_latin_text_alone():
    for text in ("共1,200余起", "10:30开始", "Hello, world (test)!", "", "a,b"):
        assert normalise_punctuation(text) == text
    assert normalise_punctuation("“安全”,不") == "“安全”，不"  # a Chinese quote counts as Chinese


def test_normalise_punctuation_keeps_every_offset():
    raw = "甲,乙(丙)丁:戊;己?庚!1,000,辛"
    out = normalise_punctuation(raw)
    assert len(out) == len(raw)
    assert all(a == b or a in ",;:?!()" for a, b in zip(raw, out, strict=True))


def test_display_excerpt_highlights_the_stored_offsets_in_the_normalised_text():
    text = "标题\n开幕式上,省委网信办发布了报告。报告从应用概况、漏洞威胁等维度,梳理现状。\n下一段"
    sentence = "报告从应用概况、漏洞威胁等维度,梳理现状。"
    start = text.index(sentence)
    before, shown, after = display_excerpt(text, sentence, start, start + len(sentence))
    assert before == "开幕式上，省委网信办发布了报告。"
    assert shown == "报告从应用概况、漏洞威胁等维度，梳理现状。" and after == ""
    assert text[start : start + len(sentence)] == sentence  # the stored text is unchanged


def test_sentence_boundaries_take_closing_quotes_along():
    assert sentence_boundaries("他说：“好。”然后走了！") == [7, 12]
    assert sentence_boundaries("没有句号") == []


def test_leading_sentences_never_break_a_sentence():
    short = "一句话。"
    assert leading_sentences(short) == short
    long_one = "很长" * 50 + "。"
    assert leading_sentences(long_one, limit=20) == long_one  # one sentence stays whole
    several = "第一句话。" + "第二句话说了更多内容。" + "第三句" * 10 + "。"
    assert leading_sentences(several, limit=20) == "第一句话。第二句话说了更多内容。…"

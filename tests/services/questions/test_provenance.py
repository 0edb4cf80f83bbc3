"""``paragraph_with_highlight``: the sentence inside its paragraph, nothing else (pure)."""

from __future__ import annotations

from quiz.services.questions.provenance import MAX_CONTEXT, highlight_for, paragraph_with_highlight

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


def test_long_paragraphs_are_capped():
    text = "甲" * 1000 + "目标。" + "乙" * 1000
    before, sentence, after = paragraph_with_highlight(text, 1000, 1003)
    assert sentence == "目标。"
    assert before.startswith("…") and len(before) == MAX_CONTEXT + 1
    assert after.endswith("…") and len(after) == MAX_CONTEXT + 1


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

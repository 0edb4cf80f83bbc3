"""Bad input is refused with a clear Chinese message (issue 8 item 9)."""

import pytest

from quiz.bank import ArticleError, article_from_text, check_bank, generate
from quiz.bank.article import UnusableArticleError


@pytest.mark.parametrize(
    "text",
    [
        "The National Cybersecurity Awareness Week opened today in Guangzhou. " * 30,
        "12,345 —— !!! 67.8% ；；；……\n" * 40,
        "| 年份 | 数量 | 比例 |\n| 2021 | 300 | 12% |\n| 2022 | 450 | 15% |\n" * 20,
    ],
    ids=["english", "punctuation", "table"],
)
def test_text_with_little_chinese_is_refused(text):
    with pytest.raises(ArticleError, match="中文内容太少"):
        article_from_text(text, id="bad")


def test_an_article_with_too_few_usable_facts_is_refused():
    article = article_from_text("网络安全很重要。\n\n大家都要注意网络安全。\n", id="thin")
    with pytest.raises(UnusableArticleError, match="至少需要 3 道"):
        generate([article])


def test_check_bank_fails_answers_without_content(seed_build, seed_article):
    bank = {"questions": [dict(q) for q in seed_build.bank["questions"][:3]]}
    fill = next(q for q in seed_build.bank["questions"] if q["type"] == "fill_blank")
    bank["questions"].append({**fill, "answer": ["——", "……"]})
    problems = check_bank(bank, {seed_article.id: seed_article.text})
    assert any(p.code == "empty_answer" for p in problems)

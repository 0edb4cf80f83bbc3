import pytest

from quiz.bank import ArticleError, article_from_text, load_article
from quiz.bank.segment import split_sentences
from quiz.bank.textutil import analysis_text


def test_seed_metadata_is_derived(seed_article):
    assert seed_article.id == "sichuan-2021-cybersecurity-week"
    assert seed_article.title == "聚焦四川省2021年国家网络安全宣传周"
    assert seed_article.publisher == "华西都市报"
    assert seed_article.date == "2021-10-11"


def test_sidecar_and_arguments(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\n\n正文内容，10月1日发布。\n", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(
        '{"id": "x", "publisher": "某日报"}', encoding="utf-8"
    )
    article = load_article(path, title="覆盖")
    assert (article.id, article.publisher, article.title) == ("x", "某日报", "覆盖")


def test_bad_input_raises_chinese_message(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("网络安全".encode("gbk"))
    with pytest.raises(ArticleError, match="UTF-8"):
        load_article(path)
    with pytest.raises(ArticleError, match="为空"):
        article_from_text("  \n", id="e")


def test_offsets_survive_crlf_and_bom():
    article = article_from_text("\ufeff标题\r\n\r\n第一句。第二句！\r\n", id="c")
    sentences = split_sentences(article.text, analysis_text(article.text))
    for sentence in sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_traditional_analysis_keeps_length():
    text = "廣東省網絡安全宣傳周，於9月11日啟動。"
    converted = analysis_text(text)
    assert len(converted) == len(text)
    assert converted.startswith("广东省网络安全宣传周,")


def test_sentence_rules(seed_document):
    texts = [s.text for s in seed_document.sentences]
    assert any("先后部署开展了\n\n“净网”" in t for t in texts)  # runs across a paragraph break
    fang = next(t for t in texts if "房方表示" in t)
    assert fang.startswith("“随着网络信息技术")  # speech kept with its attribution
    assert any(
        s.heading and s.text == "网络犯罪已成第一大犯罪类型" for s in seed_document.sentences
    )

"""Shared fixtures for the question-bank generator tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import article_from_text, generate, load_article
from quiz.bank.document import Document
from quiz.resources import source_root

# Through the package, so the suite also runs against an installed wheel (no checkout).
SEED = source_root() / "seeds" / "sichuan-2021-cybersecurity-week.txt"
ARTICLES = Path(__file__).with_name("articles")


@pytest.fixture(scope="session")
def seed_article():
    return load_article(SEED)


@pytest.fixture(scope="session")
def seed_document(seed_article):
    return Document(seed_article)


@pytest.fixture(scope="session")
def seed_build(seed_article):
    return generate([seed_article])


@pytest.fixture(scope="module")
def built(request):
    """name -> (Document, BuildResult) for each article the test module lists in ``BUILT``
    (a round's tuning articles), generated once per module."""
    result = {}
    for name in request.module.BUILT:
        article = load_article(ARTICLES / f"{name}.txt")
        result[name] = (Document(article), generate([article]))
    return result


def doc_of(text: str, **meta) -> Document:
    """A Document for a small inline article."""
    return Document(article_from_text(text, id=meta.pop("id", "t"), **meta))


def sentence_facts(document: Document, extractor) -> list:
    facts = []
    for sentence in document.sentences:
        if not sentence.heading:
            facts.extend(extractor(document, sentence))
    return facts

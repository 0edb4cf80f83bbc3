"""Question-bank generator: Chinese cybersecurity-week articles -> traceable question banks.

Pure Python (no Flask, no database). See docs/question-bank.md for how it works.
"""

from __future__ import annotations

from .article import Article, ArticleError, article_from_text, load_article
from .bankfile import BankFormatError, dumps_bank, load_bank_file
from .constants import GENERATOR_VERSION, THEMED_DAYS
from .gates import Problem, check_bank
from .generate import BuildResult, generate

__all__ = [
    "GENERATOR_VERSION",
    "THEMED_DAYS",
    "Article",
    "ArticleError",
    "BankFormatError",
    "BuildResult",
    "Problem",
    "article_from_text",
    "check_bank",
    "dumps_bank",
    "generate",
    "load_article",
    "load_bank_file",
]

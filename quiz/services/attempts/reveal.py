"""What a finished attempt reveals: answers in words, the key, explanations and sources.

Everything here reads the attempt's frozen paper snapshot, so a question edited in the bank
later still shows the student exactly what they saw.
"""

from __future__ import annotations

from sqlalchemy import select

from quiz.bank.constants import QuestionType
from quiz.extensions import db
from quiz.models import Attempt, Question, Source
from quiz.services.contests import KeyLocks
from quiz.services.questions import (
    display_excerpt,
    leading_sentences,
    normalise_punctuation,
    source_info,
)

LETTERS = "ABCDEFGH"
CHOICE_TYPES = (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE)


def option_letter(index: int) -> str:
    """The letter of the option at ``index`` *as shown* (A for the first one on the screen).

    The one source of option letters: the quiz, results, 错题本 and practice pages all letter
    options by the position the student sees, so "你的答案" and "正确答案" agree with the list.
    """
    return LETTERS[index] if 0 <= index < len(LETTERS) else str(index + 1)


def option_label(index: int, options: list[str]) -> str:
    letter = option_letter(index)
    return f"{letter}. {options[index]}" if 0 <= index < len(options) else letter


def response_text(item: dict, choice: list | None, text: str | None) -> str:
    """A saved response in words (empty when nothing was given)."""
    if item["type"] == QuestionType.FILL_BLANK:
        return (text or "").strip()
    options = item.get("options") or []
    return "；".join(option_label(i, options) for i in sorted(choice or []))


def key_text(item: dict) -> str:
    """The right answer in words; for fill-ins the first accepted form and the alternatives."""
    if item["type"] == QuestionType.FILL_BLANK:
        return " / ".join(str(k) for k in item.get("key") or [])
    return response_text(item, item.get("key") or [], None)


def source_texts(source_ids) -> dict[str, Source]:
    ids = {sid for sid in source_ids if sid}
    if not ids:
        return {}
    rows = db.session.execute(select(Source).where(Source.id.in_(ids))).scalars()
    return {source.id: source for source in rows}


def source_excerpt(source_info: dict | None, sources: dict[str, Source]) -> dict | None:
    """The article's title line and the sentence within its paragraph, or None.

    Punctuation is normalised for reading (normalise_punctuation); the stored text and
    offsets are not touched.
    """
    if not source_info:
        return None
    article = sources.get(source_info.get("id") or "")
    sentence = source_info.get("sentence") or ""
    pieces = display_excerpt(
        article.text if article else "", sentence, source_info.get("start"), source_info.get("end")
    )
    if pieces is None:
        # Without the article's text, the sentence alone is still worth showing.
        if not sentence:
            return None
        pieces = ("", normalise_punctuation(sentence), "")
    cut = dict(zip(("before", "sentence", "after"), pieces, strict=True))
    return {
        "title": source_info.get("title") or (article.title if article else ""),
        "publisher": source_info.get("publisher") or "",
        "date": source_info.get("date") or "",
        "excerpt": cut,
        # What shows before the paragraph is opened: the sentence's first whole sentences.
        "shown": leading_sentences(cut["sentence"]),
    }


def result_rows(attempt: Attempt, locks: KeyLocks | None = None) -> list[dict]:
    """One row per paper question: the student's answer, the key, explanation and source.

    A question another running contest can still draw (``locks``, see
    services.contests.practicable) keeps its key back: the row says until when (``withheld``).
    """
    answers = {a.question_id: a for a in attempt.answers}
    sources = source_texts((item.get("source") or {}).get("id") for item in attempt.paper)
    rows = []
    for number, item in enumerate(attempt.paper, start=1):
        answer = answers.get(item["question_id"])
        until = (
            locks.locked_until(item["question_id"], besides=attempt.contest_id)
            if locks is not None
            else None
        )
        if until is not None:
            rows.append(
                {
                    "number": number,
                    "item": {**item, "key": []},
                    "given": response_text(item, answer.choice, answer.text) if answer else "",
                    "key": "",
                    "points": answer.points if answer else 0.0,
                    "is_correct": bool(answer and answer.is_correct),
                    "explanation": "",
                    "source": None,
                    "withheld": until,
                }
            )
            continue
        rows.append(
            {
                "number": number,
                "item": item,
                "given": response_text(item, answer.choice, answer.text) if answer else "",
                "key": key_text(item),
                "points": answer.points if answer else 0.0,
                "is_correct": bool(answer and answer.is_correct),
                "explanation": normalise_punctuation(item.get("explanation") or ""),
                "source": source_excerpt(item.get("source"), sources),
            }
        )
    return rows


def question_source(question: Question) -> dict | None:
    """The source excerpt of a bank question (practice and the 错题本 use the live bank)."""
    if question.source is None:
        return None
    return source_excerpt(source_info(question), {question.source.id: question.source})


def bank_key_text(question: Question) -> str:
    """The right answer of a bank question in words (options in bank order)."""
    return key_text(shown_question(question, None))


def shown_question(question: Question, order: list[int] | None) -> dict:
    """A bank question (its current text and key) as an item in the order a student saw it.

    ``order`` is a paper item's ``order`` (shown position → bank index). Without one, or when
    the bank's options no longer match it (options added or removed since), bank order is
    used. The key is given in shown positions, so ``key_text`` letters it as the list is.
    """
    options = list(question.options or [])
    answer = list(question.answer or [])
    if question.type == QuestionType.FILL_BLANK:
        return {"type": question.type, "options": [], "order": [], "key": answer}
    if question.type not in CHOICE_TYPES or not order or sorted(order) != list(range(len(options))):
        order = list(range(len(options)))
    key = sorted(order.index(i) for i in answer if isinstance(i, int) and i in order)
    shown = [options[i] for i in order]
    return {"type": question.type, "options": shown, "order": order, "key": key}

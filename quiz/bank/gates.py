"""Quality gates, usable on any bank file: :func:`check_bank` returns every problem found.

Checks per question: required fields and allowed values; the source sentence sits at its
recorded offsets and each answer span lies inside it and matches the answer; the answer is not
in the stem; the stem is a question (ends with ？/?) or a cloze with exactly one blank;
putting the answer back reproduces the source locally; options are distinct after NFKC;
true/false options are exactly 正确/错误 (正確/錯誤 in a traditional-script article); multiple choice has 4–6 options and >= 2 correct; every
shown answer holds a Chinese character, letter or digit; no two questions share a stem. The
generator runs the same checks and drops failures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .constants import (
    BLANK,
    GENERAL_TAG,
    QUESTION_TYPES,
    STATUSES,
    THEMED_DAYS,
    TRUE_FALSE_OPTIONS,
    TRUE_FALSE_OPTIONS_TRADITIONAL,
)
from .textutil import GIVEAWAY_RE, compare_key, nfkc

REQUIRED = (
    "id",
    "type",
    "stem",
    "answer",
    "explanation",
    "difficulty",
    "themed_days",
    "status",
    "fact",
    "source",
)
_WINDOW = 4
# An answer must say something: at least one Chinese character, letter or digit.
_CONTENT_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]")
# A question may end with a type hint after its question mark: …包括下列哪些？（多选）
_TYPE_HINT = re.compile(r"\((?:多选|单选|判断)(?:题)?\)$")


@dataclass(frozen=True)
class Problem:
    """One gate failure: which question, a machine code and a bilingual message."""

    question_id: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.question_id}: [{self.code}] {self.message}"


def _reproduces(stem: str, marker_at: int, marker_len: int, answer: str, sentence: str) -> bool:
    """Does answer + up to 4 chars of context on each side (within the clause) occur in the sentence?"""
    # Quotation marks bound a clause too: 要做到“____” checks the quoted words themselves.
    left = re.split(r"[，。；：？！,;:?!“”‘’]", stem[:marker_at])[-1]
    right = re.split(r"[，。；：？！,;:?!“”‘’]", stem[marker_at + marker_len :])[0]
    left_key, right_key = compare_key(left), compare_key(right)
    core = compare_key(answer)
    source = compare_key(sentence)
    right_part = right_key[:_WINDOW]
    for size in range(min(_WINDOW, len(left_key)), -1, -1):
        if size < min(2, len(left_key)):
            break
        if left_key[len(left_key) - size :] + core + right_part in source:
            return True
    return not left_key and core + right_part in source


def _told_methods() -> set[str]:
    """Keys of the curated one-line accounts of a case (data/situations.toml ``method``, told
    of 他 or 她): the answer of a ``scenario.case_method`` question, whose span is the case."""
    from .extract.advice import situations

    return {
        compare_key(entry[field].format(victim=pronoun))
        for entry in situations().values()
        if entry.get("method") and entry.get("requires")
        for field in ("method", "courier_method")
        if field in entry
        for pronoun in ("他", "她")
    }


def _span_forms(span: str) -> set[str]:
    """Keys an answer may have for a source span: the span itself, or - a victim's words told
    in the third person - with 我 as 他/她 (骗子盗用我朋友的微信号 -> 骗子盗用他朋友的微信号)."""
    key = compare_key(span)
    # (a "which is wrong" option drops the words that brand it: 所谓“老师” -> “老师”)
    return {key, key.replace("我", "他"), key.replace("我", "她"), GIVEAWAY_RE.sub("", key)}


def _answer_texts(question: dict) -> list[str]:
    qtype, answer, options = question["type"], question["answer"], question.get("options") or []
    if qtype == "fill_blank":
        return [str(a) for a in answer[:1]]
    if qtype == "true_false":
        return []
    return [options[i] for i in answer if isinstance(i, int) and 0 <= i < len(options)]


def check_question(question: dict, source_texts: dict[str, str]) -> list[Problem]:
    """Problems of one question (see module docstring)."""
    qid = str(question.get("id", "?"))
    problems: list[Problem] = []

    def fail(code: str, zh: str, en: str) -> None:
        problems.append(Problem(qid, code, f"{zh} / {en}"))

    missing = [name for name in REQUIRED if name not in question]
    if missing:
        fail(
            "missing_field",
            f"缺少字段 {', '.join(missing)}",
            f"missing fields {', '.join(missing)}",
        )
        return problems
    qtype, answer = question["type"], question["answer"]
    options = question.get("options")
    if qtype not in QUESTION_TYPES:
        fail("bad_type", f"未知题型 {qtype}", f"unknown type {qtype}")
        return problems
    if question["status"] not in STATUSES:
        fail("bad_status", f"未知状态 {question['status']}", f"unknown status {question['status']}")
    if question["difficulty"] not in (1, 2, 3):
        fail("bad_difficulty", "难度必须是 1–3", "difficulty must be 1-3")
    days = question["themed_days"]
    if not days or any(day not in THEMED_DAYS and day != GENERAL_TAG for day in days):
        fail("bad_themed_days", f"主题日标签无效：{days}", f"invalid themed days: {days}")
    if not isinstance(answer, list) or not answer:
        fail("bad_answer", "答案必须是非空列表", "answer must be a non-empty list")
        return problems
    if qtype == "fill_blank":
        if options:
            fail("bad_options", "填空题不应有选项", "fill_blank must not have options")
    else:
        if not isinstance(options, list) or len(options) < 2:
            fail("bad_options", "选择/判断题缺少选项", "missing options")
            return problems
        keys = [compare_key(str(option)) for option in options]
        if len(set(keys)) != len(keys) or not all(keys):
            fail(
                "options_not_distinct",
                "选项在规范化后重复或为空",
                "options repeat after NFKC normalisation",
            )
        if any(not isinstance(i, int) or not 0 <= i < len(options) for i in answer) or len(
            set(answer)
        ) != len(answer):
            fail("bad_answer", "答案序号越界或重复", "answer index out of range or repeated")
            return problems
    if qtype == "single_choice" and (len(options) != 4 or len(answer) != 1):
        fail(
            "bad_options",
            "单选题须 4 个选项、1 个答案",
            "single_choice needs 4 options and 1 answer",
        )
    if qtype == "multiple_choice" and not (
        4 <= len(options) <= 6 and 2 <= len(answer) < len(options)
    ):
        fail(
            "bad_options",
            "多选题须 4–6 个选项、至少 2 个正确",
            "multiple_choice needs 4-6 options, >=2 correct",
        )
    if qtype == "true_false" and (
        options not in (TRUE_FALSE_OPTIONS, TRUE_FALSE_OPTIONS_TRADITIONAL) or len(answer) != 1
    ):
        fail(
            "bad_options",
            "判断题选项必须是 [正确, 错误]",
            'true_false options must be ["正确", "错误"]',
        )
    problems.extend(_check_source(question, source_texts, fail))
    _check_stem(question, fail)
    return problems


def _check_stem(question: dict, fail) -> None:
    qtype, stem = question["type"], nfkc(str(question["stem"]))
    blanks = stem.count(BLANK)
    asks = _TYPE_HINT.sub("", stem.rstrip()).endswith("?")
    if blanks > 1 or (not asks and blanks != 1):
        fail(
            "not_a_question",
            "题干既不以问号结尾，也不是恰有一个空的填空句",
            "stem is neither a question nor a one-blank cloze",
        )
    if qtype in ("true_false",) and blanks:
        fail("not_a_question", "判断题题干不应含空格", "true_false stem must not contain a blank")
    shown = (
        [str(a) for a in question["answer"]] if qtype == "fill_blank" else _answer_texts(question)
    )
    for text in shown:
        if not _CONTENT_RE.search(nfkc(text)):
            fail(
                "empty_answer",
                f"答案“{text}”不含汉字、字母或数字",
                f"answer '{text}' holds no Chinese, letter or digit",
            )
    for text in _answer_texts(question):
        if compare_key(text) and compare_key(text) in compare_key(stem.replace(BLANK, "|")):
            fail(
                "answer_in_stem",
                f"答案“{text}”出现在题干中",
                f"answer '{text}' appears in the stem",
            )


def _check_source(question: dict, source_texts: dict[str, str], fail) -> list[Problem]:
    source = question["source"]
    text = source_texts.get(source.get("id", ""))
    if text is None:
        fail(
            "unknown_source",
            f"找不到来源文章 {source.get('id')}",
            f"source article {source.get('id')} not available",
        )
        return []
    start, end, sentence = source.get("start"), source.get("end"), source.get("sentence", "")
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or text[start:end] != sentence
        or not sentence
    ):
        fail(
            "source_mismatch",
            "来源句子与记录的位置不符",
            "source sentence not found at the recorded offsets",
        )
        return []
    spans = source.get("answer_spans") or []
    if not spans or any(not (start <= a < b <= end) for a, b in spans):
        fail(
            "answer_not_in_source",
            "答案位置不在来源句子内",
            "answer span lies outside the source sentence",
        )
        return []
    qtype, stem = question["type"], str(question["stem"])
    span_texts = [text[a:b] for a, b in spans]
    if qtype in ("fill_blank", "single_choice"):
        shown = _answer_texts(question)[0] if _answer_texts(question) else ""
        rule = (question.get("generator") or {}).get("rule", "")
        told = rule == "scenario.case_method" and compare_key(shown) in _told_methods()
        if compare_key(shown) not in _span_forms(span_texts[0]) and not told:
            fail(
                "answer_not_in_source",
                f"答案“{shown}”与原文“{span_texts[0]}”不符",
                "answer differs from the source span",
            )
        at = stem.find(BLANK)
        if at >= 0 and not _reproduces(stem, at, len(BLANK), span_texts[0], sentence):
            fail(
                "cloze_mismatch",
                "把答案填回题干不能还原原文",
                "filling the answer back does not reproduce the source",
            )
    elif qtype == "multiple_choice":
        correct = {compare_key(option) for option in _answer_texts(question)}
        if correct != {compare_key(t) for t in span_texts}:
            fail(
                "answer_not_in_source",
                "多选正确项与原文列举不符",
                "correct options differ from the source list",
            )
        # Outsiders never occur in the article at all: an open list's "文中列举" question
        # relies on it, and a closed list's outsider named elsewhere would confuse.
        article_key = compare_key(text)
        for index, option in enumerate(question["options"]):
            if index not in question["answer"] and compare_key(option) in article_key:
                fail(
                    "distractor_true",
                    f"干扰项“{option}”出现在原文中",
                    f"distractor '{option}' occurs in the source article",
                )
    elif qtype == "true_false":
        claim = str(question.get("claim", ""))
        positions = [m.start() for m in re.finditer(re.escape(claim), stem)] if claim else []
        if not positions:
            fail(
                "cloze_mismatch",
                "判断题缺少可核对的陈述值",
                "true_false claim not found in the stem",
            )
            return []
        reproduces = any(_reproduces(stem, at, len(claim), claim, sentence) for at in positions)
        is_true = question["answer"] == [0]
        if is_true and not (reproduces and compare_key(claim) == compare_key(span_texts[0])):
            fail(
                "cloze_mismatch",
                "判断为“正确”但题干与原文不符",
                "marked true but the stem does not match the source",
            )
        if not is_true and (reproduces or compare_key(claim) == compare_key(span_texts[0])):
            fail(
                "false_claim_true",
                "判断为“错误”但题干与原文一致",
                "marked false but the stem matches the source",
            )
    return []


def check_bank(bank: dict, source_texts: dict[str, str]) -> list[Problem]:
    """All problems of a bank (any bank file), including duplicate stems and ids."""
    problems: list[Problem] = []
    seen_ids: set[str] = set()
    seen_stems: dict[tuple[str, str], str] = {}
    for question in bank.get("questions", []):
        problems.extend(check_question(question, source_texts))
        qid = str(question.get("id", "?"))
        if qid in seen_ids:
            problems.append(Problem(qid, "duplicate_id", "题目 id 重复 / duplicate question id"))
        seen_ids.add(qid)
        if question.get("status") == "retired":
            continue
        key = (str(question.get("type")), compare_key(str(question.get("stem", ""))))
        if key in seen_stems:
            problems.append(
                Problem(
                    qid,
                    "duplicate",
                    f"与 {seen_stems[key]} 题干重复 / duplicates {seen_stems[key]}",
                )
            )
        else:
            seen_stems[key] = qid
    return problems

"""The rules every bank question obeys, wherever it comes from (file, import, edit form).

The same rules as the spreadsheet importer's row checks, so a question that loads also exports
and re-imports; plus the types and lengths the database columns need, so a bad file is
reported in Chinese instead of failing halfway through a write.
"""

from __future__ import annotations

from quiz.bank.constants import (
    DAY_TAGS,
    TRUE_FALSE_OPTIONS,
    TRUE_FALSE_OPTIONS_TRADITIONAL,
    QuestionStatus,
    QuestionType,
)
from quiz.bank.formats.schema import OPTION_COUNT_LIMITS


def question_problems(raw: dict) -> list[tuple[str, str]]:
    """Every rule a question breaks, as (field, Chinese message); empty when it is valid.

    The same rules as the spreadsheet importer, so a question that loads also exports and
    re-imports: 单选 exactly one answer, 多选 at least two, 判断 options 正确/错误, 填空 at least
    one accepted answer, option counts per type, difficulty 1–3, known days and statuses.
    """
    problems: list[tuple[str, str]] = []
    qtype = raw.get("type")
    if qtype not in QuestionType.values():
        problems.append(("type", f"题型无效：{qtype}"))
    if raw.get("status", QuestionStatus.DRAFT) not in QuestionStatus.values():
        problems.append(("status", f"状态无效：{raw.get('status')}"))
    if not isinstance(raw.get("stem"), str) or not raw["stem"].strip():
        problems.append(("stem", "题干不能为空"))
    days = raw.get("themed_days", [])
    if not isinstance(days, list) or set(days) - set(DAY_TAGS):
        problems.append(("themed_days", f"未知主题日：{days}"))
    difficulty = raw.get("difficulty", 1)
    if not isinstance(difficulty, int) or isinstance(difficulty, bool) or not 1 <= difficulty <= 3:
        problems.append(("difficulty", f"难度应为 1–3 的整数，实际为 {difficulty!r}"))
    if qtype in QuestionType.values():
        problems.extend(_answer_problems(qtype, raw.get("options") or [], raw.get("answer")))
    problems.extend(_shape_problems(raw))
    return problems


# Column widths (PostgreSQL refuses longer values where SQLite would silently keep them).
LIMITS = {"id": 64, "fact": 120, "source": 120, "rule": 80, "version": 40}


def _shape_problems(raw: dict) -> list[tuple[str, str]]:
    """Types and lengths the database columns need, checked before anything is written."""
    problems = []
    for name in ("explanation", "fact"):
        if not isinstance(raw.get(name, ""), str):
            problems.append((name, f"{name} 应为文字"))
    source = raw.get("source")
    if source is not None:
        if not (isinstance(source, dict) and isinstance(source.get("id"), str)):
            return [*problems, ("source", "出处应为带 id 的对象")]
        start, end = source.get("start"), source.get("end")
        offsets_ok = all(v is None or type(v) is int for v in (start, end))
        if not offsets_ok or (start is not None and end is not None and not 0 <= start <= end):
            problems.append(("source", "出处的起止位置应为非负整数且起点不大于终点"))
    generator = raw.get("generator") or {}
    texts = {
        "id": raw.get("id", ""),
        "fact": raw.get("fact", ""),
        "source": (source or {}).get("id", ""),
        "rule": generator.get("rule", "") if isinstance(generator, dict) else "",
        "version": generator.get("version", "") if isinstance(generator, dict) else "",
    }
    for name, limit in LIMITS.items():
        if isinstance(texts[name], str) and len(texts[name]) > limit:
            problems.append((name, f"{name} 过长（最多 {limit} 个字符）"))
    return problems


def _answer_problems(qtype: str, options: list, answer) -> list[tuple[str, str]]:
    if not isinstance(answer, list) or not answer:
        return [("answer", "答案不能为空")]
    if qtype == QuestionType.FILL_BLANK:
        if not all(isinstance(text, str) and text.strip() for text in answer):
            return [("answer", "填空题的每个可接受答案都不能为空")]
        return []
    problems: list[tuple[str, str]] = []
    if qtype == QuestionType.TRUE_FALSE and options not in (
        TRUE_FALSE_OPTIONS,
        TRUE_FALSE_OPTIONS_TRADITIONAL,  # a traditional-script article's own script
    ):
        problems.append(("options", "判断题的选项固定为 正确、错误（繁体文章为 正確、錯誤）"))
    if qtype in OPTION_COUNT_LIMITS:
        low, high = OPTION_COUNT_LIMITS[qtype]
        if not low <= len(options) <= high:
            expected = str(low) if low == high else f"{low}–{high}"
            problems.append(("options", f"该题型须有 {expected} 个选项，实际 {len(options)} 个"))
        if any(not isinstance(o, str) or not o.strip() for o in options):
            problems.append(("options", "选项不能为空"))
        elif len(set(options)) != len(options):
            problems.append(("options", "选项不能重复"))
    valid = all(isinstance(i, int) and 0 <= i < len(options) for i in answer)
    if not valid or len(set(answer)) != len(answer):
        problems.append(("answer", "答案与选项不符"))
    elif qtype in ("single_choice", "true_false") and len(answer) != 1:
        problems.append(("answer", "单选题和判断题只能有一个正确答案"))
    elif qtype == QuestionType.MULTIPLE_CHOICE and len(answer) < 2:
        problems.append(("answer", "多选题至少要有两个正确答案"))
    return problems


def check_questions(questions: list[dict]) -> list[str]:
    """Messages naming every bad question (by position and id); empty when all are valid."""
    messages = []
    for position, raw in enumerate(questions, start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            messages.append(f"第 {position} 题：缺少字符串 id")
            continue
        for _field, message in question_problems(raw):
            messages.append(f"第 {position} 题（{raw['id']}）：{message}")
    return messages

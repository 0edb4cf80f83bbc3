"""Articles: loading a UTF-8 file (plus optional sidecar metadata) or pasted text.

Offsets: the file is read as bytes, a UTF-8 BOM is dropped and the rest decoded as UTF-8
without any newline translation, so ``text[start:end]`` in a bank refers to exactly the
characters in the file (``\\r\\n`` stays two characters).
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .constants import MIN_CJK_SHARE
from .textutil import nfkc


class ArticleError(ValueError):
    """The article cannot be used (not UTF-8, empty, unreadable metadata, no Chinese text)."""


class UnusableArticleError(ArticleError):
    """The article is readable but holds too few usable facts (see constants.MIN_USABLE_QUESTIONS)."""


@dataclass(frozen=True)
class Article:
    """One source article; ``text`` is the original decoded text all offsets refer to."""

    id: str
    title: str
    publisher: str
    date: str
    path: str
    text: str
    sha256: str


# Publishers seen in the genre; the first one mentioned in the text wins.
_PUBLISHER_RE = re.compile(
    r"(人民日报|新华社|新华网|人民网|央视新闻|中国新闻网|中新网|光明日报|法治日报|经济日报|"
    r"[\u4e00-\u9fa5]{2,6}?(?:日报|晚报|都市报|晨报|商报|时报|新闻网|融媒体中心|电视台))"
)
_YEAR_RE = re.compile(r"(20\d{2})年")
_MONTH_DAY_RE = re.compile(r"(\d{1,2})月(\d{1,2})日")
_ISO_DATE_RE = re.compile(r"(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")


_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def cjk_share(text: str) -> float:
    """Share of the non-space characters of ``text`` that are CJK ideographs (0 for none)."""
    visible = [char for char in text if not char.isspace()]
    if not visible:
        return 0.0
    return sum(1 for char in visible if _CJK_RE.match(char)) / len(visible)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _guess_title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _guess_publisher(text: str) -> str:
    head = nfkc(text[:600])
    match = _PUBLISHER_RE.search(head)
    return match.group(1) if match else ""


def _guess_date(text: str, title: str) -> str:
    """ISO date from an explicit date, else the first 月日 combined with a year in title/text."""
    head = nfkc(text[:800])
    explicit = _ISO_DATE_RE.search(head)
    if explicit:
        year, month, day = explicit.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    year_match = _YEAR_RE.search(nfkc(title)) or _YEAR_RE.search(head)
    month_day = _MONTH_DAY_RE.search(head)
    if year_match and month_day:
        month, day = month_day.groups()
        return f"{year_match.group(1)}-{int(month):02d}-{int(day):02d}"
    return ""


def _read_sidecar(path: Path) -> dict:
    for suffix in (".meta.json", ".meta.toml"):
        sidecar = path.with_name(path.name + suffix)
        if not sidecar.exists():
            continue
        try:
            raw = sidecar.read_bytes().decode("utf-8-sig")
            data = json.loads(raw) if suffix.endswith("json") else tomllib.loads(raw)
        except (UnicodeDecodeError, ValueError) as exc:
            raise ArticleError(f"元数据文件 {sidecar} 无法解析：{exc}") from exc
        if not isinstance(data, dict):
            raise ArticleError(f"元数据文件 {sidecar} 必须是一个对象")
        return {key: str(value) for key, value in data.items() if value is not None}
    return {}


def article_from_text(
    text: str,
    *,
    id: str,  # noqa: A002 - public API name requested by callers
    title: str | None = None,
    publisher: str | None = None,
    date: str | None = None,
    path: str = "",
) -> Article:
    """Build an :class:`Article` from text (e.g. pasted in a browser); missing metadata is guessed."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ArticleError("文章内容为空，无法生成题库")
    if not id or not str(id).strip():
        raise ArticleError("文章缺少 id")
    share = cjk_share(text)
    if share < MIN_CJK_SHARE:
        raise ArticleError(
            f"这篇文章的中文内容太少（汉字只占非空白字符的 {share:.0%}，至少需要 "
            f"{MIN_CJK_SHARE:.0%}）：题库只能由中文新闻报道生成，请粘贴或上传一篇中文文章。"
        )
    resolved_title = title if title is not None else _guess_title(text)
    return Article(
        id=str(id).strip(),
        title=resolved_title,
        publisher=publisher if publisher is not None else _guess_publisher(text),
        date=date if date is not None else _guess_date(text, resolved_title),
        path=path,
        text=text,
        sha256=_sha256(text),
    )


def load_article(
    path: str | Path,
    *,
    id: str | None = None,  # noqa: A002 - public API name requested by callers
    title: str | None = None,
    publisher: str | None = None,
    date: str | None = None,
) -> Article:
    """Read an article file; explicit arguments beat the sidecar, which beats guessing."""
    file_path = Path(path)
    try:
        raw = file_path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"无法读取文章 {file_path}：{exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"文章 {file_path} 不是 UTF-8 编码（第 {exc.start} 字节处出错），请另存为 UTF-8 后重试"
        ) from exc
    meta = _read_sidecar(file_path)
    return article_from_text(
        text,
        id=id or meta.get("id") or file_path.name.split(".")[0],
        title=title if title is not None else meta.get("title"),
        publisher=publisher if publisher is not None else meta.get("publisher"),
        date=date if date is not None else meta.get("date"),
        path=str(path),
    )

"""``flask bank``: build question banks from articles and check bank files (no database)."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from quiz.bank import (
    THEMED_DAYS,
    ArticleError,
    BankFormatError,
    check_bank,
    dumps_bank,
    generate,
    load_article,
    load_bank_file,
)
from quiz.bank.leaks import CONTEXT_EXCLUDED_WARN_SHARE, context_exclusions
from quiz.resources import source_root

bank_cli = AppGroup(
    "bank", help="题库：由新闻文章生成题库、检查题库文件。Question banks: build and check."
)


@bank_cli.command("build", with_appcontext=False)
@click.argument("articles", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--out", "out_path", required=True, type=click.Path(dir_okay=False), help="题库 JSON 文件"
)
@click.option("--id", "article_id", help="文章 id（仅限一篇文章）")
@click.option("--title", help="文章标题（仅限一篇文章）")
@click.option("--publisher", help="发布媒体（仅限一篇文章）")
@click.option("--date", help="发布日期 YYYY-MM-DD（仅限一篇文章）")
def build_command(articles, out_path, article_id, title, publisher, date) -> None:
    """Generate questions from ARTICLE files and merge them onto --out (curation is kept)."""
    overrides = {"id": article_id, "title": title, "publisher": publisher, "date": date}
    if len(articles) > 1 and any(value is not None for value in overrides.values()):
        raise click.UsageError("--id/--title/--publisher/--date 只能用于一篇文章")
    try:
        loaded = [load_article(path, **overrides) for path in articles]
    except ArticleError as exc:
        raise click.ClickException(str(exc)) from exc
    out = Path(out_path)
    prior = None
    if out.exists():
        try:
            prior = load_bank_file(out)
        except BankFormatError as exc:
            raise click.ClickException(str(exc)) from exc
    try:
        result = generate(loaded, prior)
    except ArticleError as exc:  # an article with too few usable facts is refused, not saved
        raise click.ClickException(str(exc)) from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dumps_bank(result.bank), encoding="utf-8")
    stats = result.stats
    click.echo(f"写入 {out}：{stats['questions']} 道题（不含已退役）")
    click.echo("题型: " + ", ".join(f"{name} {count}" for name, count in stats["by_type"].items()))
    names = {**THEMED_DAYS, "general": "通用"}
    click.echo(
        "主题日: " + ", ".join(f"{names[day]} {count}" for day, count in stats["by_day"].items())
    )
    click.echo(
        "状态: " + ", ".join(f"{name} {count}" for name, count in stats["by_status"].items())
    )
    dropped = sum(stats["dropped"].values())
    click.echo(
        f"丢弃 {dropped}: "
        + ", ".join(f"{code} {count}" for code, count in stats["dropped"].items())
    )


def _source_texts(bank: dict, bank_path: Path) -> dict[str, str]:
    texts = {}
    for source in bank.get("sources", []):
        raw_path = Path(str(source.get("path", "")))
        for base in (Path.cwd(), source_root(), bank_path.parent):
            candidate = raw_path if raw_path.is_absolute() else base / raw_path
            if raw_path.name and candidate.is_file():
                try:
                    texts[source["id"]] = load_article(candidate, id=source["id"]).text
                except ArticleError:
                    continue
                break
    return texts


@bank_cli.command("check", with_appcontext=False)
@click.argument("bank_file", type=click.Path(dir_okay=False, exists=True))
def check_command(bank_file) -> None:
    """Run the quality gates on BANK_FILE; exit non-zero and list problems if any."""
    path = Path(bank_file)
    try:
        bank = load_bank_file(path)
    except BankFormatError as exc:
        raise click.ClickException(str(exc)) from exc
    problems = check_bank(bank, _source_texts(bank, path))
    count = len(bank["questions"])
    if problems:
        for problem in problems:
            click.echo(str(problem))
        _echo_context_warnings(bank)
        raise click.ClickException(
            f"{count} 道题，发现 {len(problems)} 个问题 / {len(problems)} problems"
        )
    click.echo(f"OK: {count} questions, 0 problems")
    _echo_context_warnings(bank)


def _echo_context_warnings(bank: dict) -> None:
    """A warning (not a failure) per themed day whose draw would exclude over 10% of its pool:
    questions answered by the context most stems print (广元, 2021年) are never drawn."""
    for day, (pool, excluded) in context_exclusions(bank).items():
        if pool and excluded / pool > CONTEXT_EXCLUDED_WARN_SHARE:
            click.echo(
                f"警告：{THEMED_DAYS[day]}题池 {pool} 题中有 {excluded} 题"
                f"（{excluded / pool:.0%}）的答案是多数题干都有的背景信息，抽题时会被排除 / "
                f"warning: {day}: {excluded} of {pool} questions are answered by the shared "
                "context and excluded from draws"
            )

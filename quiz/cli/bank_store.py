"""``flask bank load|export|import``: the bank files <-> the database's working copy.

Added to the ``bank`` group of :mod:`quiz.cli.bank` (which builds and checks files without a
database); importing this module registers the commands. ``AppGroup`` runs them in an app
context.
"""

from __future__ import annotations

from pathlib import Path

import click

from quiz.bank.constants import DAY_TAGS, QuestionStatus
from quiz.bank.formats import FORMATS, read_json
from quiz.cli.bank import bank_cli
from quiz.resources import source_root
from quiz.services import DomainError
from quiz.services.questions import (
    BankFilters,
    BankImportError,
    export_payload,
    import_bank_file,
    load_bank,
    read_source_texts,
)


def read_bank_file(path: Path) -> dict:
    """A bank file's content, or a ClickException saying what is wrong with it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise click.ClickException(f"无法读取 {path}：{error.strerror or error}") from error
    result = read_json(data)
    if result.errors:
        raise click.ClickException(f"{path}：" + "；".join(str(e) for e in result.errors))
    return {"schema_version": 1, "sources": result.sources, "questions": result.questions}


@bank_cli.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True))
def load_command(files: tuple[str, ...]) -> None:
    """Load bank FILES into the database (idempotent; edited questions are kept, not overwritten;
    questions that left a file are retired, never deleted). Source texts are read from each
    source's ``path`` under the project root (``quiz.resources.source_root``: the packaged
    copy of seeds/ when installed) and stored when their SHA-256 matches."""
    failed = False
    for name in files:
        path = Path(name)
        bank = read_bank_file(path)
        texts, warnings = read_source_texts(bank, source_root())
        try:
            report = load_bank(bank, source_texts=texts)
        except DomainError as error:
            click.echo(f"{path}：{error.message}", err=True)
            failed = True
            continue
        for warning in warnings:
            click.echo(f"警告：{warning}", err=True)
        click.echo(f"{path}：{report.summary()}")
        for uid in report.kept_edited:
            click.echo(f"  保留界面修改：{uid}（文件中的新版本未覆盖）")
    if failed:
        raise click.ClickException("有文件未能载入，见上方说明")


@bank_cli.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="json", show_default=True
)
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False))
@click.option("--status", type=click.Choice(QuestionStatus.values()), help="只导出该状态的题目")
@click.option("--day", type=click.Choice(DAY_TAGS), help="只导出该主题日的题目")
def export_command(fmt: str, out_path: str, status: str | None, day: str | None) -> None:
    """Export the database's bank (optionally one status / themed day) to --out."""
    try:
        payload, _extension, _mimetype = export_payload(
            fmt, BankFilters(status=status or "", day=day or ""), actor=None
        )
    except DomainError as error:
        raise click.ClickException(error.message) from error
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(payload)
    click.echo(f"已导出到 {out}（{len(payload)} 字节）")


@bank_cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
def import_command(file: str) -> None:
    """Import a JSON/CSV/XLSX bank FILE: every row valid, or nothing is imported (each bad row
    is named with its line number). Questions are matched by id, so nothing is duplicated."""
    path = Path(file)
    try:
        report = import_bank_file(path.name, path.read_bytes(), actor=None)
    except BankImportError as error:
        for problem in error.problems:
            click.echo(problem, err=True)
        raise click.ClickException(error.message) from error
    except DomainError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"{path}：{report.summary()}")

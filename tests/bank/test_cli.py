import json

from click.testing import CliRunner

from quiz.cli.bank import bank_cli

from .conftest import SEED


def test_build_then_check(tmp_path):
    out = tmp_path / "bank.json"
    runner = CliRunner()
    result = runner.invoke(bank_cli, ["build", str(SEED), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "fill_blank" in result.output and "丢弃" in result.output
    checked = runner.invoke(bank_cli, ["check", str(out)])
    assert checked.exit_code == 0, checked.output
    assert checked.output.startswith("OK: ")


def test_check_fails_on_problems(tmp_path):
    out = tmp_path / "bank.json"
    runner = CliRunner()
    runner.invoke(bank_cli, ["build", str(SEED), "--out", str(out)])
    bank = json.loads(out.read_text(encoding="utf-8"))
    bank["questions"][0]["stem"] = "没有空也没有问号"
    out.write_text(json.dumps(bank, ensure_ascii=False), encoding="utf-8")
    checked = runner.invoke(bank_cli, ["check", str(out)])
    assert checked.exit_code != 0 and "not_a_question" in checked.output


def test_metadata_options_only_with_one_article(tmp_path):
    result = CliRunner().invoke(
        bank_cli, ["build", str(SEED), str(SEED), "--out", str(tmp_path / "b.json"), "--id", "x"]
    )
    assert result.exit_code != 0

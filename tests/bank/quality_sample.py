"""Blind-review packet: a fixed random sample of each article's *recommended* questions.

For every article given (or, with ``--heldout``, the seed plus every ``tests/bank/heldout/*.txt``)
the bank is built on its own, exactly as ``flask bank build`` would, and a fixed sample is drawn
uniformly from its recommended questions: 40 from the seed, 15 from any other article (all of
them when there are fewer). The sample does not depend on the order of the arguments.

The packet holds what a reviewer needs and nothing else (no scores, no reasons, no rules):

* ``packet.md``: per article its path, then per question its id, type, stem, options with the
  marked answer(s), accepted fill-blank answers, themed-day tags and the source sentence;
* ``review.csv``: one row per sampled question for the reviewer's verdicts;
* ``counts.json`` / ``counts.md``: per article the gate-passing and recommended counts, the
  recommended on-topic count per themed day (days under ``THIN_BELOW`` are reported thin) and
  the most questions any one source sentence holds.

    python -m tests.bank.quality_sample --out DIR ARTICLE...
    python -m tests.bank.quality_sample --out DIR --heldout      # seed + held-out set
    python -m tests.bank.quality_sample --calibrate              # seed vs its blind verdicts
    python -m tests.bank.quality_sample --out DIR --every SEED   # every question, no sample
    python -m tests.bank.quality_sample --apply-verdicts CSV     # seed statuses from a read
    python -m tests.bank.quality_sample --held-back ARTICLE...   # why not recommended

``--every`` puts every live question of each article in the packet (the seed's full blind read).
``--apply-verdicts`` then sets the committed seed bank's statuses from that read: a question the
reviewer found acceptable is ``approved``, every other one ``draft`` (issue 8, item 5).

``--calibrate`` compares ``recommended`` on the seed with the round-1 blind verdicts of all 110
seed questions (``data/seed_blind_verdicts.tsv``): a confusion matrix over the questions still
as they were reviewed, and the recommended questions whose verdict no longer applies (stem,
options or answer changed since) or that are new.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

from quiz.bank import THEMED_DAYS, generate, load_article
from quiz.bank.bankfile import dumps_bank, load_bank_file
from quiz.bank.constants import GENERAL_TAG
from quiz.bank.curation import only_accepts_more
from quiz.bank.recommend import VETO_REASONS

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "sichuan-2021-cybersecurity-week.txt"
HELDOUT = Path(__file__).with_name("heldout")
VERDICTS = Path(__file__).with_name("data") / "seed_blind_verdicts.tsv"
# Later blind reads of seed questions a generator changed, in the same format; a later read of an
# id replaces the earlier one.
REREADS = (Path(__file__).with_name("data") / "seed_reread.tsv",)
SAMPLE_SEED = "issue8-blind-review"
SEED_SAMPLE = 40
ARTICLE_SAMPLE = 15
# A themed day with fewer recommended on-topic questions than this is reported as thin.
THIN_BELOW = 5

TYPE_NAMES = {
    "single_choice": "单选题",
    "multiple_choice": "多选题",
    "true_false": "判断题",
    "fill_blank": "填空题",
}
DAY_NAMES = {**THEMED_DAYS, GENERAL_TAG: "通用（宣传周本身）"}


def sample_size(path: Path) -> int:
    """40 for the seed article, 15 for any other."""
    return SEED_SAMPLE if path.resolve() == SEED.resolve() else ARTICLE_SAMPLE


def draw(questions: list[dict], size: int, article_id: str) -> list[dict]:
    """A fixed uniform sample of ``size`` recommended questions (all when fewer), in id order."""
    pool = sorted((q for q in questions if q.get("recommended")), key=lambda q: q["id"])
    if len(pool) <= size:
        return pool
    rng = random.Random(f"{SAMPLE_SEED}|{article_id}")
    return sorted(rng.sample(pool, size), key=lambda q: q["id"])


def counts(questions: list[dict], stats: dict) -> dict:
    """Figures for docs/question-quality.md (one article's bank)."""
    live = [q for q in questions if q["status"] != "retired"]
    recommended = [q for q in live if q.get("recommended")]
    per_day = Counter(day for q in recommended for day in q["themed_days"])
    per_sentence = Counter((q["source"]["id"], q["source"]["start"]) for q in live)
    return {
        "gate_passing": stats.get("gate_passing", len(live)),
        "questions": len(live),
        "recommended": len(recommended),
        "recommended_by_day": {day: per_day.get(day, 0) for day in [*THEMED_DAYS, GENERAL_TAG]},
        "thin_days": [day for day in THEMED_DAYS if per_day.get(day, 0) < THIN_BELOW],
        "max_per_sentence": max(per_sentence.values(), default=0),
        "by_type_recommended": dict(sorted(Counter(q["type"] for q in recommended).items())),
    }


def _options_text(question: dict) -> list[str]:
    marks = set(question["answer"])
    letters = "ABCDEF"
    return [
        f"  {letters[i]}. {option}{'  ✔' if i in marks else ''}"
        for i, option in enumerate(question["options"])
    ]


def question_block(number: int, question: dict) -> str:
    """One question as the reviewer reads it."""
    lines = [
        f"### {number}. `{question['id']}` {TYPE_NAMES[question['type']]}",
        "",
        f"**题干**：{question['stem']}",
        "",
    ]
    if question["type"] == "fill_blank":
        lines.append("**可接受答案**：" + " / ".join(question["answer"]))
    else:
        lines.append("**选项**（✔ 为标注的正确答案）：")
        lines.extend(_options_text(question))
    lines += [
        "",
        "**主题日标签**：" + "、".join(DAY_NAMES[d] for d in question["themed_days"]),
        "",
        f"**出处句子**：{question['source']['sentence']}",
        "",
        "评审：可用 □是 □否　　标签正确 □是 □否　　备注：",
        "",
    ]
    return "\n".join(lines)


def build_packet(paths: list[Path], out: Path, *, every: bool = False) -> dict:
    """Write packet.md, review.csv, counts.json and counts.md into ``out``; return the counts.
    ``every``: all live questions of each article instead of a sample of the recommended."""
    out.mkdir(parents=True, exist_ok=True)
    packet = ["# 题目盲评材料 / Blind-review packet", ""]
    rows = []
    figures = {}
    for path in paths:
        article = load_article(path)
        result = generate([article])
        questions = result.bank["questions"]
        figures[str(path)] = counts(questions, result.stats)
        if every:
            chosen = sorted(
                (q for q in questions if q["status"] != "retired"), key=lambda q: q["id"]
            )
        else:
            chosen = draw(questions, sample_size(path), article.id)
        # The date and publisher the organiser gives with an article (the sidecar): a stem may
        # take its year from them, so the reader sees them too (round 24).
        given = "；".join(
            f"{label}：{value}"
            for label, value in (("日期", article.date), ("发布者", article.publisher))
            if value
        )
        packet += [f"## 文章：`{path}`", ""]
        if given:
            packet += [f"组织者随文章提供的信息（{given}）。", ""]
        packet += [f"抽样 {len(chosen)} 题。", ""]
        for number, question in enumerate(chosen, 1):
            packet.append(question_block(number, question))
            rows.append([str(path), question["id"], "", "", ""])
    (out / "packet.md").write_text("\n".join(packet), encoding="utf-8")
    with (out / "review.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article", "id", "acceptable (y/n)", "tags right (y/n)", "note"])
        writer.writerows(rows)
    (out / "counts.json").write_text(
        json.dumps(figures, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    (out / "counts.md").write_text(counts_table(figures), encoding="utf-8")
    return figures


def counts_table(figures: dict) -> str:
    """The counts as a Markdown table."""
    days = [*THEMED_DAYS, GENERAL_TAG]
    head = ["article", "gate-passing", "in bank", "recommended", *days, "thin", "max/sentence"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for path, row in figures.items():
        cells = [
            Path(path).name,
            str(row["gate_passing"]),
            str(row["questions"]),
            str(row["recommended"]),
            *(str(row["recommended_by_day"][d]) for d in days),
            " ".join(row["thin_days"]) or "—",
            str(row["max_per_sentence"]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def load_verdicts(paths: tuple[Path, ...] = (VERDICTS, *REREADS)) -> dict[str, dict]:
    """id -> {verdict, tags, stem, shown (options and answer), reason} of the blind reads."""
    verdicts = {}
    lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        qid, verdict, tags, stem, shown, reason = (line.split("\t") + [""])[:6]
        verdicts[qid] = {
            "verdict": verdict,
            "tags": tags,
            "stem": stem,
            "shown": json.loads(shown),
            "reason": reason,
        }
    return verdicts


def _shown(question: dict) -> dict:
    options = sorted(question.get("options") or [])
    if question["type"] == "fill_blank":
        answer = list(question["answer"])
    else:
        answer = sorted(question["options"][i] for i in question["answer"])
    return {"options": options, "answer": answer}


def calibration(questions: list[dict], verdicts: dict[str, dict]) -> dict:
    """Recommended vs blind verdict on the seed (see the module docstring)."""
    matrix = Counter()
    stale, new = [], []
    for question in questions:
        verdict = verdicts.get(question["id"])
        if verdict is None:
            new.append(question)
            continue
        shown = _shown(question)
        # (a blank that only accepts more forms since, 143 beside 143人, is still as read)
        grown = question["type"] == "fill_blank" and only_accepts_more(
            {"type": "fill_blank", "stem": verdict["stem"], "answer": verdict["shown"]["answer"]},
            {"stem": question["stem"], "answer": shown["answer"]},
        )
        same = verdict["stem"] == question["stem"] and (verdict["shown"] == shown or grown)
        if not same:
            stale.append(question)
            continue
        if not question["recommended"] and "same_fact" in question["quality"]["reasons"]:
            # Held back only as a third shape of a blank already recommended (generator 2.3):
            # the fact is found, so this is neither a recall nor a precision case.
            key = ("same fact as a recommended one", verdict["verdict"])
        else:
            key = (
                "recommended" if question["recommended"] else "not recommended",
                verdict["verdict"],
            )
        matrix[key] += 1
    present = {q["id"] for q in questions}
    accepted = matrix[("recommended", "ACCEPT")]
    recommended = accepted + matrix[("recommended", "REJECT")]
    return {
        "matrix": {f"{a} / {b}": n for (a, b), n in sorted(matrix.items())},
        "precision": f"{accepted}/{recommended}",
        "recall": f"{accepted}/{accepted + matrix[('not recommended', 'ACCEPT')]}",
        "stale_recommended": [q["id"] for q in stale if q["recommended"]],
        "stale_not_recommended": [q["id"] for q in stale if not q["recommended"]],
        "new_recommended": [q["id"] for q in new if q["recommended"]],
        "gone": sorted(set(verdicts) - present),
    }


SEED_BANK = REPO / "question_bank" / "sichuan-2021-cybersecurity-week.json"


def apply_verdicts(csv_path: Path, bank_path: Path = SEED_BANK) -> Counter:
    """Set the bank's statuses from a full blind read: acceptable -> approved, else draft."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        verdicts = {
            row["id"]: row["acceptable (y/n)"].strip().lower() for row in csv.DictReader(handle)
        }
    bank = load_bank_file(bank_path)
    missing = [
        q["id"] for q in bank["questions"] if q["status"] != "retired" and q["id"] not in verdicts
    ]
    if missing:
        raise SystemExit(f"no verdict for {len(missing)} questions, e.g. {missing[:3]}")
    for question in bank["questions"]:
        if question["status"] != "retired":
            question["status"] = "approved" if verdicts[question["id"]] == "y" else "draft"
    bank_path.write_text(dumps_bank(bank), encoding="utf-8")
    return Counter(q["status"] for q in bank["questions"])


def held_back(paths: list[Path]) -> Counter:
    """Why questions are not recommended: each veto of :data:`VETO_REASONS` (and ``same_fact``)
    on the questions of ``paths`` below the threshold, several per question; ``no_veto`` for one
    held back by its shape's score alone. ``_questions`` and ``_recommended`` count the banks."""
    counts: Counter = Counter()
    for path in paths:
        for question in generate([load_article(path)]).bank["questions"]:
            counts["_questions"] += 1
            if question.get("recommended"):
                counts["_recommended"] += 1
                continue
            codes = [
                code
                for code in question["quality"]["reasons"]
                if code in VETO_REASONS or code == "same_fact"
            ]
            counts.update(codes or ["no_veto"])
    return counts


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, help="article files (.txt)")
    parser.add_argument("--out", type=Path, help="folder for the packet")
    parser.add_argument(
        "--heldout", action="store_true", help="the seed plus every tests/bank/heldout/*.txt"
    )
    parser.add_argument(
        "--calibrate", action="store_true", help="the seed's recommended vs its blind verdicts"
    )
    parser.add_argument("--every", action="store_true", help="every question, not a sample")
    parser.add_argument(
        "--apply-verdicts", type=Path, metavar="CSV", help="seed bank statuses from a full read"
    )
    parser.add_argument(
        "--held-back", action="store_true", help="why the articles' questions are not recommended"
    )
    args = parser.parse_args(argv)
    if args.held_back:
        sys.stdout.write(json.dumps(dict(held_back(list(args.articles)).most_common())) + "\n")
        return 0
    if args.apply_verdicts:
        sys.stdout.write(f"{dict(apply_verdicts(args.apply_verdicts))}\n")
        return 0
    if args.calibrate:
        result = generate([load_article(SEED)])
        figures = calibration(result.bank["questions"], load_verdicts())
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.out is None:
        parser.error("--out is required (except with --calibrate)")
    paths = list(args.articles)
    if args.heldout:
        paths = [SEED, *sorted(HELDOUT.glob("*.txt")), *paths]
    if not paths:
        parser.error("give article paths or --heldout")
    figures = build_packet(paths, args.out, every=args.every)
    sys.stdout.write(counts_table(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

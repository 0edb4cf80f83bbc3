import copy

from quiz.bank import generate


def test_status_and_edits_survive_and_missing_questions_retire(seed_build, seed_article):
    prior = copy.deepcopy(seed_build.bank)
    first, second = prior["questions"][0], prior["questions"][1]
    first["status"] = "approved"
    second.update(status="approved", edited=True, stem="人工修改的题干____。", difficulty=3)
    prior["questions"].append({**copy.deepcopy(first), "id": "gone00000000", "status": "approved"})
    rebuilt = {q["id"]: q for q in generate([seed_article], prior).bank["questions"]}
    assert rebuilt[first["id"]]["status"] == "approved"
    assert rebuilt[second["id"]]["stem"] == "人工修改的题干____。"
    assert rebuilt[second["id"]]["edited"] is True
    assert rebuilt["gone00000000"]["status"] == "retired"
    others = [
        q for q in rebuilt.values() if q["id"] not in (first["id"], second["id"], "gone00000000")
    ]
    assert all(q["status"] == "draft" for q in others)


def test_a_changed_stem_resets_an_unedited_approval(seed_build, seed_article):
    """The id does not depend on the stem: a rebuild that changes what students see must not
    keep an approval given to other text (an edited question keeps its own)."""
    prior = copy.deepcopy(seed_build.bank)
    changed, edited, same = prior["questions"][0], prior["questions"][1], prior["questions"][2]
    changed.update(status="approved", stem=changed["stem"] + "（旧题干）")
    edited.update(status="approved", edited=True, stem="组织者改过的题干____。")
    same["status"] = "approved"
    rebuilt = {q["id"]: q for q in generate([seed_article], prior).bank["questions"]}
    assert rebuilt[changed["id"]]["status"] == "draft"
    assert rebuilt[edited["id"]]["status"] == "approved"
    assert rebuilt[same["id"]]["status"] == "approved"


def test_option_order_is_not_content(seed_build):
    from quiz.bank.curation import merged_status

    question = next(q for q in seed_build.bank["questions"] if q["type"] == "single_choice")
    old = {**question, "status": "approved", "options": list(reversed(question["options"]))}
    old["answer"] = [len(question["options"]) - 1 - question["answer"][0]]
    assert merged_status(old, question) == "approved"


def test_schema_version_1_files_still_read(tmp_path, seed_build, seed_article):
    import json

    from quiz.bank import load_bank_file
    from quiz.bank.formats import read_json

    old = {
        "schema_version": 1,
        "sources": seed_build.bank["sources"],
        "questions": [
            {k: v for k, v in q.items() if k not in ("quality", "recommended")}
            for q in seed_build.bank["questions"]
        ],
    }
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert load_bank_file(path)["schema_version"] == 1
    assert read_json(path.read_bytes()).ok
    rebuilt = generate([seed_article], load_bank_file(path)).bank
    assert rebuilt["schema_version"] == 2 and all("quality" in q for q in rebuilt["questions"])


def test_a_blank_that_only_accepts_more_keeps_its_approval(seed_build):
    """570余件 approved, then 570 accepted too (generator 2.37): the approval stands; a key shown
    differently or a form no longer accepted resets it."""
    from quiz.bank.curation import merged_status

    question = next(q for q in seed_build.bank["questions"] if q["type"] == "fill_blank")
    key = question["answer"][0]
    old = {**question, "status": "approved", "answer": [key]}
    assert merged_status(old, {**question, "answer": [key, "另一种写法"]}) == "approved"
    assert merged_status(old, {**question, "answer": ["另一种写法", key]}) == "draft"
    wider = {**old, "answer": [key, "旧写法"]}
    assert merged_status(wider, {**question, "answer": [key]}) == "draft"

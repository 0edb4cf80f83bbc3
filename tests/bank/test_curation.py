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

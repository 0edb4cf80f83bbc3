"""Merging a fresh build onto a prior bank file so organizers' curation survives rebuilds.

For every question id present in both:

* when the prior question has ``"edited": true`` its organizer-editable fields (stem, options,
  answer, explanation, difficulty, themed_days) win over the regenerated ones and its status
  is kept;
* otherwise the regenerated content is used, and the prior ``status`` is kept only while what
  a student sees is unchanged: when the rebuild changes the stem, the set of options or the
  correct answer(s), an ``approved`` question goes back to ``draft`` (its approval was for other
  text). A fill-blank that only accepts more forms of its key keeps its status. A ``retired``
  question stays retired: an organizer rejected it.

Option *order* is not content (single-choice answers are rotated across the bank), so the
comparison uses the option set and the correct options' texts.

New ids come in as ``draft``. Prior questions the generator no longer produces are kept with
status ``retired`` (and their content untouched), so nothing curated is ever lost.
"""

from __future__ import annotations

EDITABLE_FIELDS = ("stem", "options", "answer", "explanation", "difficulty", "themed_days")


def shown_content(question: dict) -> tuple:
    """What a student sees of a question, independent of option order."""
    options = question.get("options") or []
    answer = question.get("answer") or []
    if question.get("type") == "fill_blank" or not options:
        correct = tuple(str(a) for a in answer)
    else:
        correct = tuple(
            sorted(str(options[i]) for i in answer if isinstance(i, int) and 0 <= i < len(options))
        )
    return str(question.get("stem", "")), tuple(sorted(str(o) for o in options)), correct


def merged_status(old: dict, fresh: dict) -> str:
    """Status of a regenerated question whose id was already in the prior bank."""
    status = old.get("status", "draft")
    if old.get("edited") or status != "approved":
        return status
    if shown_content(old) == shown_content(fresh) or only_accepts_more(old, fresh):
        return status
    return "draft"


def only_accepts_more(old: dict, fresh: dict) -> bool:
    """A fill-blank that only accepts more forms (143人 and now 143 too), with the same stem and
    the same key shown first: what was approved still stands."""
    if old.get("type") != "fill_blank" or old.get("stem") != fresh.get("stem"):
        return False
    before, after = old.get("answer") or [], fresh.get("answer") or []
    return bool(before) and after[:1] == before[:1] and set(before) <= set(after)


def merge(fresh: list[dict], prior: dict | None) -> list[dict]:
    """Questions of the new bank: ``fresh`` merged with ``prior`` (see module docstring)."""
    prior_by_id = {
        q["id"]: q for q in (prior or {}).get("questions", []) if isinstance(q, dict) and "id" in q
    }
    merged = []
    fresh_ids = set()
    for question in fresh:
        fresh_ids.add(question["id"])
        old = prior_by_id.get(question["id"])
        if old is None:
            merged.append({**question, "status": "draft"})
            continue
        combined = dict(question)
        combined["status"] = merged_status(old, question)
        if old.get("edited"):
            for name in EDITABLE_FIELDS:
                if name in old:
                    combined[name] = old[name]
            if "options" not in old:
                combined.pop("options", None)
            combined["edited"] = True
        merged.append(combined)
    for qid in sorted(prior_by_id):
        if qid not in fresh_ids:
            merged.append({**prior_by_id[qid], "status": "retired"})
    return merged

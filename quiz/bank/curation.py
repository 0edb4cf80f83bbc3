"""Merging a fresh build onto a prior bank file so organizers' curation survives rebuilds.

For every question id present in both:

* ``status`` is always kept from the prior file (approved stays approved, a question an
  organizer retired stays retired);
* when the prior question has ``"edited": true`` its organizer-editable fields (stem, options,
  answer, explanation, difficulty, themed_days) win over the regenerated ones;
* otherwise the regenerated content is used.

New ids come in as ``draft``. Prior questions the generator no longer produces are kept with
status ``retired`` (and their content untouched), so nothing curated is ever lost.
"""

from __future__ import annotations

EDITABLE_FIELDS = ("stem", "options", "answer", "explanation", "difficulty", "themed_days")


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
        combined["status"] = old.get("status", "draft")
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

"""Reading generated questions in the generator's tests: the marked answers, and the
questions of a build whose stem holds some text."""

from __future__ import annotations


def marked_answers(question: dict) -> list[str]:
    """A fill-blank's accepted answers, else the options marked right."""
    if question["type"] == "fill_blank":
        return question["answer"]
    return [question["options"][i] for i in question["answer"]]


def questions_with(build, text: str = "") -> list[dict]:
    """The build's questions whose stem contains ``text``."""
    return [q for q in build.bank["questions"] if text in q["stem"]]


def recommended_with(build, text: str = "") -> list[dict]:
    """The build's recommended questions whose stem contains ``text``."""
    return [q for q in questions_with(build, text) if q["recommended"]]

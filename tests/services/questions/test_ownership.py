"""Issue 11 item 2(b): questions have an owner unit; only its organizers (or admins) edit them."""

from __future__ import annotations

import pytest

from quiz.extensions import db
from quiz.services import Forbidden
from quiz.services.questions.edit import edit_question, set_status
from tests.helpers.bank import edit_of


def test_a_shared_bank_question_is_edited_by_admins_only(factories):
    question = factories.question()  # loaded like the CLI/seed: no owner, shared
    assert question.owner_unit_id is None and question.shared
    outsider = factories.organizer("org-b", unit="四川省/苍溪中学")
    with pytest.raises(Forbidden):
        edit_question(question, edit_of(question, stem="改过的题干是什么？"), actor=outsider)
    with pytest.raises(Forbidden):
        set_status(question, "retired", actor=outsider)
    db.session.refresh(question)
    assert question.status == "approved" and "改过" not in question.stem
    edit_question(
        question, edit_of(question, stem="管理员改的题干是什么？"), actor=factories.admin()
    )
    assert question.stem == "管理员改的题干是什么？"


def test_an_owned_question_is_edited_by_its_units_organizers(factories):
    question = factories.question()
    owner = factories.organizer("org-a", unit="四川省/广元中学")
    question.owner_unit_id, question.shared = owner.organization_id, False
    db.session.commit()
    edit_question(question, edit_of(question, stem="本校改的题干是什么？"), actor=owner)
    outsider = factories.organizer("org-b", unit="四川省/苍溪中学")
    with pytest.raises(Forbidden):
        edit_question(question, edit_of(question, stem="外校改的题干是什么？"), actor=outsider)

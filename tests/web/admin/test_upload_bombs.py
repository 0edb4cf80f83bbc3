"""Spreadsheet bombs uploaded on the organizer pages get a Chinese 422 page; nothing is imported."""

from __future__ import annotations

from io import BytesIO

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quiz.extensions import db
from quiz.models import Organization, Question, User
from quiz.services.accounts.organizations import find_by_path
from tests.helpers import spreadsheet_bombs as bombs

ROSTER = (("姓名", "班级"), ("张三", "高一(1)班"))
BANK = (("题型", "题干", "答案"), ("填空", "网络安全靠____。", "人民"))


@pytest.fixture
def organizer(factories, auth):
    factories.organizer("teacher")
    auth.login("teacher")


def upload(client, url: str, filename: str, data: bytes, **fields):
    """POST one file; the body is encoded in memory (Werkzeug's test client would spool an
    upload over 500 kB to a temporary file it never closes)."""
    values = {
        "file": FileStorage(BytesIO(data), filename),
        **{k: str(v) for k, v in fields.items()},
    }
    boundary, body = encode_multipart(values)
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_shared_strings_bomb_is_not_imported_as_a_roster(client, organizer):
    students = count(User)
    school = find_by_path("四川省/广元中学")
    response = upload(
        client,
        "/admin/roster",
        "名单.xlsx",
        bombs.shared_strings_bomb(*ROSTER),
        school_id=school.id,
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "压缩炸弹" in page and "sharedStrings.xml" in page
    assert count(User) == students


def test_sheet_bomb_is_refused_on_the_organization_import(client, organizer):
    units = count(Organization)
    response = upload(
        client, "/admin/organizations/import", "单位.xlsx", bombs.sheet_rows_bomb(*ROSTER)
    )
    assert response.status_code == 422 and "压缩炸弹" in response.get_data(as_text=True)
    assert count(Organization) == units


def test_huge_cell_bomb_is_refused_on_the_bank_import(client, organizer):
    response = upload(client, "/admin/bank/import", "题库.xlsx", bombs.huge_cell_bomb(BANK[0]))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "压缩炸弹" in page and "未导入任何题目" in page
    assert count(Question) == 0

"""Import and export in the browser: all-or-nothing with each bad row named, downloads."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy import update as sa_update

from quiz.extensions import db
from quiz.models import Question
from quiz.services.questions.store import load_bank
from tests.helpers.bank import SOURCE_ID, SOURCE_TEXT, bank_dict

pytestmark = pytest.mark.db


@pytest.fixture
def organizer(client, auth, factories):
    user = factories.organizer("teacher")
    auth.login("teacher")
    load_bank(
        bank_dict(),
        source_texts={SOURCE_ID: SOURCE_TEXT},
        owner_unit_id=user.organization_id,  # their own questions: exported with keys
    )
    return user


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Question))


def upload(client, payload: bytes, name: str):
    return client.post(
        "/admin/bank/import",
        data={"file": (io.BytesIO(payload), name)},
        content_type="multipart/form-data",
    )


def test_import_page(client, organizer):
    page = client.get("/admin/bank/import").get_data(as_text=True)
    assert "导入题库" in page and "导出题库" in page and "Moodle XML" in page


def test_bad_rows_import_nothing_and_are_named(client, organizer):
    csv = (
        "题型,题干,选项A,选项B,选项C,选项D,答案\n"
        "单选,好题？,甲,乙,丙,丁,A\n"
        "单选,坏题？,甲,乙,丙,丁,E\n"
        "问答,未知题型？,,,,,随便\n"
    ).encode()
    response = upload(client, csv, "bank.csv")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "第 3 行" in page and "第 4 行" in page and "未导入任何题目" in page
    assert count() == 3


def test_gbk_csv_with_chinese_headers_imports(client, organizer):
    csv = "题型,题干,答案\n填空,网络安全宣传周的主题是网络安全为人民、网络安全靠____。,人民\n"
    response = upload(client, csv.encode("gbk"), "bank.csv")
    assert response.status_code == 302
    assert count() == 4


@pytest.mark.parametrize(
    ("payload", "name", "message"),
    [
        (b"\xff\xfe\x00garbage\x00", "bank.csv", "编码"),
        (b"not a workbook", "bank.xlsx", "不是 XLSX"),
        ("{ 坏的".encode("gbk"), "bank.json", "UTF-8"),
        (b"hello", "bank.pdf", "不支持的文件类型"),
    ],
)
def test_wrong_files_get_a_chinese_error(client, organizer, payload, name, message):
    response = upload(client, payload, name)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert count() == 3


def test_no_file(client, organizer):
    response = client.post("/admin/bank/import", data={})
    assert response.status_code == 422 and "请选择要上传的文件" in response.get_data(as_text=True)


def test_too_large_upload_is_a_413_page(app, client, organizer):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = upload(client, b"x" * 4096, "bank.csv")
    assert response.status_code == 413 and "上传的文件太大" in response.get_data(as_text=True)


def test_export_csv_download_then_reimport(client, organizer):
    response = client.get("/admin/bank/export?format=csv&status=approved")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    payload = response.get_data()
    assert payload.startswith(b"\xef\xbb\xbf") and b"t-0001" in payload
    again = upload(client, payload, "export.csv")
    assert again.status_code == 302
    assert count() == 3


@pytest.mark.parametrize("fmt", ["xlsx", "json", "moodle", "gift"])
def test_export_formats(client, organizer, fmt):
    response = client.get(f"/admin/bank/export?format={fmt}&day=telecom")
    assert response.status_code == 200 and response.get_data()


def test_export_bad_format_is_not_a_500(client, organizer):
    response = client.get("/admin/bank/export?format=docx", follow_redirects=True)
    assert response.status_code == 200 and "不支持的导出格式" in response.get_data(as_text=True)


def test_formula_injection_is_neutralized(client, organizer):
    question = db.session.execute(select(Question).filter_by(uid="t-0003")).scalar_one()
    question.explanation = '=HYPERLINK("http://evil")'
    db.session.commit()
    payload = client.get("/admin/bank/export?format=csv").get_data().decode("utf-8-sig")
    assert "'=HYPERLINK" in payload


def test_an_organizers_download_has_no_keys_of_shared_questions(client, organizer):
    db.session.execute(sa_update(Question).values(owner_unit_id=None))
    db.session.commit()
    payload = client.get("/admin/bank/export?format=json").get_data()
    exported = {q["id"]: q for q in json.loads(payload)["questions"]}
    assert exported and all(q["answer"] == [] for q in exported.values())

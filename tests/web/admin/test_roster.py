"""Roster import: all-or-nothing validation, generated usernames, passwords shown/downloaded once."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from quiz.extensions import db
from quiz.models import User
from quiz.models.accounts import PendingCredentials
from quiz.services.accounts.organizations import find_by_path
from quiz.services.accounts.users import get_user_by_username
from quiz.services.spreadsheets import write_xlsx
from tests.helpers.admin import OTHER_SCHOOL, text, upload

SCHOOL = "四川省/广元中学"
GOOD = "姓名,班级,用户名\n张三,高一(1)班,\n李四,高一(2)班,lisi2024\n王五,高一(1)班,\n"


def _import(client, data: bytes, filename="名单.csv", prefix="gy2024", school=None):
    school_id = school.id if school else find_by_path(SCHOOL).id
    return upload(client, "/admin/roster", filename, data, school_id=school_id, prefix=prefix)


def _student_count() -> int:
    return db.session.scalar(select(func.count()).where(User.role == "student"))


def _download(client, location: str):
    return client.post(f"{location}/download")


def test_success_creates_accounts_in_classes_and_passwords_download_once(client, organizer):
    response = _import(client, GOOD.encode())
    assert response.status_code == 302
    location = response.headers["Location"]

    zhang, li = get_user_by_username("gy2024001"), get_user_by_username("lisi2024")
    wang = get_user_by_username("gy2024002")
    assert zhang.display_name == "张三" and zhang.organization.path == f"{SCHOOL}/高一(1)班"
    assert li.organization.path == f"{SCHOOL}/高一(2)班" and wang.organization == zhang.organization
    assert all(u.must_change_password and u.role == "student" for u in (zhang, li, wang))

    first = client.get(location)
    assert first.headers["Cache-Control"] == "no-store"
    page = text(first)
    assert "gy2024001" in page and page.count('class="secret"') == 3
    assert 'class="secret"' not in text(client.get(location))  # shown once only

    download = _download(client, location)
    assert download.status_code == 200
    assert download.headers["Cache-Control"] == "no-store"
    assert download.mimetype == "text/csv"
    assert download.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(download.data.decode("utf-8-sig"))))
    assert rows[0] == ["姓名", "班级", "用户名", "初始密码"]
    passwords = {row[2]: row[3] for row in rows[1:]}
    assert set(passwords) == {"gy2024001", "lisi2024", "gy2024002"}

    assert _download(client, location).status_code == 404  # once only
    assert client.get(location).status_code == 404
    assert db.session.scalar(select(func.count()).select_from(PendingCredentials)) == 0

    client.post("/auth/logout")
    login = client.post(
        "/auth/login", data={"username": "lisi2024", "password": passwords["lisi2024"]}
    )
    assert login.headers["Location"].endswith("/auth/password")  # forced change


def test_bad_rows_import_nothing_and_are_named_by_line(client, organizer, factories):
    factories.student("taken01", organization=f"{SCHOOL}/高一(1)班")
    before = _student_count()
    data = (
        "姓名,班级,用户名\n"
        "张三,高一(1)班,\n"  # line 2: fine
        ",高一(1)班,\n"  # line 3: no name
        "李四,,\n"  # line 4: no class
        "王五,高一(1)班,dup01\n"  # line 5
        "赵六,高一(1)班,DUP01\n"  # line 6: duplicate of line 5 (case-insensitive)
        "钱七,高一(1)班,taken01\n"  # line 7: already taken
        "孙八,高一(1)班,坏 名字\n"  # line 8: invalid
        f"{'长' * 40},高一(1)班,\n"  # line 9: too long
    )
    response = _import(client, data.encode())
    assert response.status_code == 422
    page = text(response)
    assert "文件中有 6 行有误，未导入任何内容" in page
    for expected in (
        "第3行：缺少姓名",
        "第4行：缺少班级",
        "第6行：用户名“dup01”与第5行重复",
        "第7行：用户名“taken01”已被使用",
        "第8行：用户名“坏 名字”无效",
        "第9行：姓名过长",
    ):
        assert expected in page
    assert "第2行" not in page
    assert _student_count() == before
    assert find_by_path(f"{SCHOOL}/高一(2)班") is None


def test_gb18030_csv_accepted(client, organizer):
    response = _import(client, GOOD.encode("gb18030"), filename="excel导出.csv")
    assert response.status_code == 302
    assert get_user_by_username("gy2024001").display_name == "张三"


def test_xlsx_roster_accepted(client, organizer):
    data = write_xlsx([["姓名", "班级"], ["张三", "高一(1)班"], ["李四", "高一(3)班"]])
    assert _import(client, data, filename="roster.xlsx").status_code == 302
    assert get_user_by_username("gy2024002").organization.name == "高一(3)班"


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("名单.csv", bytes(range(256)) * 8, "这不是文本格式的 CSV 文件"),
        ("名单.xlsx", b"PK\x03\x04garbage" * 10, "无法读取该 Excel 文件"),
        ("名单.pdf", b"%PDF-1.7", "仅支持 CSV 或 XLSX"),
        ("名单.csv", b"", "文件是空的"),
        ("名单.csv", "姓名,班级\n".encode(), "没有学生数据行"),
        ("名单.csv", "名字,年级\n张三,高一\n".encode(), "缺少必填列：姓名、班级"),
    ],
)
def test_unusable_files_give_clear_errors(client, organizer, filename, data, message):
    response = _import(client, data, filename=filename)
    assert response.status_code == 422
    assert message in text(response)
    assert _student_count() == 0


def test_too_large_upload_is_a_chinese_413(app, client, organizer):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = _import(client, b"x" * 4096)
    assert response.status_code == 413
    assert "上传的文件太大（上限" in text(response)


def test_generated_usernames_continue_after_existing(client, organizer, factories):
    factories.student("gy2024007", organization=f"{SCHOOL}/高一(1)班")
    data = "姓名,班级,用户名\n张三,高一(1)班,\n李四,高一(1)班,gy2024009\n王五,高一(1)班,\n"
    assert _import(client, data.encode()).status_code == 302
    assert get_user_by_username("gy2024010").display_name == "张三"
    assert get_user_by_username("gy2024011").display_name == "王五"


def test_default_prefix_and_bad_prefix(client, organizer):
    school = find_by_path(SCHOOL)
    assert _import(client, "姓名,班级\n张三,一班\n".encode(), prefix="").status_code == 302
    assert get_user_by_username(f"s{school.id}-001") is not None
    response = _import(client, "姓名,班级\n李四,一班\n".encode(), prefix="1坏")
    assert response.status_code == 422 and "用户名前缀须以字母开头" in text(response)


def test_formula_cells_are_neutralized_in_download(client, organizer):
    response = _import(client, "姓名,班级\n=HYPERLINK(1),高一(1)班\n".encode())
    location = response.headers["Location"]
    rows = list(csv.reader(io.StringIO(_download(client, location).data.decode("utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(1)"


def test_organizer_cannot_import_into_another_school(client, organizer, factories):
    other = factories.organization(OTHER_SCHOOL)
    response = _import(client, GOOD.encode(), school=other)
    assert response.status_code == 403
    assert _student_count() == 0


def test_only_the_importer_can_fetch_the_passwords(client, auth, organizer, factories):
    location = _import(client, GOOD.encode()).headers["Location"]
    auth.logout()
    factories.organizer("colleague")
    auth.login("colleague")
    assert client.get(location).status_code == 404
    assert _download(client, location).status_code == 404
    auth.logout()
    auth.login("teacher")
    assert _download(client, location).status_code == 200


def test_undownloaded_passwords_expire(clock, client, organizer):
    # The clock comes first: the organizer logs in on it, so the session cookie stays valid.
    location = _import(client, GOOD.encode()).headers["Location"]
    clock.shift(hours=25)
    assert client.get(location).status_code == 404

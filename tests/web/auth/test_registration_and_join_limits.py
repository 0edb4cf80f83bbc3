"""Registration is throttled, classes can be closed to it, and join codes have one budget."""

from __future__ import annotations

import pytest

from quiz.enums import Access
from quiz.extensions import db

pytestmark = pytest.mark.db


def _register(client, org_id, username):
    return client.post(
        "/auth/register",
        data={
            "username": username,
            "display_name": "王小明",
            "organization_id": str(org_id),
            "password": "safe1234pw",
            "confirm": "safe1234pw",
        },
    )


def test_registration_is_throttled_per_address(app, client, factories):
    app.config["REGISTER_IP_LIMIT"] = "3 per minute"
    org = factories.organization()
    codes = [_register(client, org.id, f"new{index}").status_code for index in range(4)]
    assert codes == [302, 302, 302, 429]


def test_closed_class_and_its_school_refuse_self_registration(client, factories):
    school = factories.organization("四川省/封闭中学")
    klass = factories.organization("四川省/封闭中学/一班")
    school.registration_closed = True
    db.session.commit()
    page = client.get("/auth/register").get_data(as_text=True)
    assert "封闭中学" not in page
    refused = _register(client, klass.id, "xiaoming")
    assert refused.status_code == 422 and "不接受自行注册" in refused.get_data(as_text=True)


def test_organizer_closes_a_class_in_scope_only(app, factories, auth):
    klass = factories.organization("四川省/广元中学/一班")
    elsewhere = factories.organization("四川省/别的中学/一班")
    factories.organizer("teacher", unit="四川省/广元中学")
    auth.login("teacher")
    url = f"/admin/organizations/{klass.id}/registration"
    assert auth._client.post(url, data={"value": "0"}).status_code == 302
    db.session.refresh(klass)
    assert klass.registration_closed is True
    other = f"/admin/organizations/{elsewhere.id}/registration"
    assert auth._client.post(other, data={"value": "0"}).status_code in (403, 404)


def test_api_and_form_share_one_join_code_budget(app, client, auth, factories, clock):
    app.config["JOIN_CODE_LIMIT"] = "4 per minute"
    contest = factories.contest(access=Access.CODE, join_code="AB12CD")
    factories.student("student")
    auth.login()
    api = [
        client.post(f"/api/v1/contests/{contest.id}/join", json={"code": "NOPE12"}).status_code
        for _ in range(2)
    ]
    page = [
        client.post(f"/contests/{contest.id}/join", data={"code": "NOPE12"}).status_code
        for _ in range(3)
    ]
    assert api == [403, 403] and page == [422, 422, 429]


@pytest.mark.redis
def test_join_code_budget_is_shared_by_workers_through_redis(tmp_path, redis_url):
    """Two apps on one Redis stand for two workers: wrong codes in one use up the other's."""
    import uuid

    from quiz import create_app
    from tests.factories import Factories
    from tests.helpers.app import CSRFClient, base_config

    config = base_config(tmp_path)
    config.pop("RATELIMIT_STORAGE_URI")
    config.update(REDIS_URL=redis_url, JOIN_CODE_LIMIT="2 per minute")
    config["RATELIMIT_KEY_PREFIX"] = uuid.uuid4().hex
    first, second = create_app(config), create_app(config)
    for app in (first, second):
        app.test_client_class = CSRFClient
    with first.app_context():
        db.create_all()
        try:
            contest = Factories(first).contest(access=Access.CODE, join_code="AB12CD")
            Factories(first).student("student")
            url = f"/api/v1/contests/{contest.id}/join"
            one = first.test_client()
            one.post("/auth/login", data={"username": "student", "password": "passw0rd!"})
            assert [one.post(url, json={"code": "NOPE12"}).status_code for _ in range(2)] == [
                403,
                403,
            ]
            two = second.test_client()
            two.post("/auth/login", data={"username": "student", "password": "passw0rd!"})
            page = two.post(f"/contests/{contest.id}/join", data={"code": "NOPE12"})
            assert page.status_code == 429
        finally:
            db.session.remove()
            if first.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
                db.drop_all()
            db.engine.dispose()
            with second.app_context():
                db.engine.dispose()

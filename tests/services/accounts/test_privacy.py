"""Issue 11 item 8: personal data (PIPL). A copy of one student's data, erasure on request that
keeps anonymized results on the boards, and a retention setting for past events. All audited."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from quiz.extensions import db
from quiz.models import AuditLog, EventStanding, LoginFailure, ReviewItem, Standing, User
from quiz.services.accounts import authenticate
from quiz.services.accounts.users import BackoffPolicy
from quiz.services.boards.refs import BoardRef, Viewer
from tests.clock import NOW
from tests.helpers.boards import attempt, event_with, read

pytestmark = pytest.mark.db


def _two_students(factories):
    """An event with two themed days; 王小明 and 李四海 both on its boards, 王小明 with a 错题本
    entry, a login failure and an audit entry about them."""
    event, contests = event_with(["campus", "law"])
    alice = factories.student("alice", display_name="王小明")
    bob = factories.student("bob", display_name="李四海", organization="四川省/成都七中/高二(3)班")
    carol = factories.student("carol", display_name="赵一鸣")
    for contest in contests:
        attempt(contest, alice, score=20, used=60)
        attempt(contest, bob, score=30, used=90)
        attempt(contest, carol, score=10, used=50)
    question = factories.question()
    db.session.add(ReviewItem(user_id=alice.id, question_id=question.id, last_wrong_at=NOW))
    db.session.add(ReviewItem(user_id=bob.id, question_id=question.id, last_wrong_at=NOW))
    db.session.add(
        LoginFailure(user_id=alice.id, source="10.0.0.1", failures=2, last_failed_at=NOW)
    )
    admin = factories.admin("root")
    from quiz.services.accounts import set_test_account

    set_test_account(admin, alice, False)  # an audit entry about alice
    db.session.commit()
    return event, contests, alice, bob, carol, admin


def _boards(event, contests):
    refs = [BoardRef("contest", contest_id=c.id) for c in contests]
    refs += [BoardRef("day", event_id=event.id, day="law"), BoardRef("week", event_id=event.id)]
    return {
        ref.key: [(r["rank"], r["score"], r["time_used_ms"]) for r in read(ref, Viewer()).rows]
        for ref in refs
    }


def _names(event, contests, viewer):
    refs = [BoardRef("contest", contest_id=c.id) for c in contests]
    refs += [BoardRef("week", event_id=event.id)]
    return [(r["name"], r["organization"]) for ref in refs for r in read(ref, viewer).rows]


def test_the_copy_holds_the_student_and_nobody_else(factories):
    from quiz.services.accounts import privacy

    event, contests, alice, bob, carol, admin = _two_students(factories)
    copy = privacy.export_personal_data(admin, alice, now=NOW)
    text = json.dumps(copy, ensure_ascii=False)
    assert copy["账号"]["用户名"] == "alice" and copy["账号"]["姓名"] == "王小明"
    assert copy["账号"]["单位"] == "四川省/广元中学/高一(1)班"
    assert len(copy["答题记录"]) == 2 and {a["得分"] for a in copy["答题记录"]} == {20}
    assert len(copy["错题本"]) == 1 and copy["登录失败记录"][0]["来源"] == "10.0.0.1"
    assert any(e["操作"] == "user.test_account" for e in copy["审计记录"])
    for other in ("bob", "李四海", "carol", "赵一鸣", "成都七中"):
        assert other not in text, other
    audit = db.session.scalars(select(AuditLog).where(AuditLog.action == "privacy.export")).all()
    assert [(a.actor_id, a.target_id) for a in audit] == [(admin.id, alice.id)]


def test_erasure_anonymizes_and_keeps_the_boards(factories):
    from quiz.services.accounts import privacy

    event, contests, alice, bob, carol, admin = _two_students(factories)
    before = _boards(event, contests)
    version = alice.session_version
    placeholder = privacy.erase_personal_data(admin, alice, now=NOW)
    db.session.expire_all()
    alice = db.session.get(User, alice.id)
    assert alice.display_name == placeholder and placeholder.startswith("已注销用户-")
    assert alice.username != "alice" and alice.organization_id is None
    assert alice.erased_at == NOW and not alice.is_active_account
    assert alice.session_version > version
    assert _boards(event, contests) == before  # same ranks, scores and times
    everyone = Viewer(is_admin=True, scope=None, live=True)
    names = _names(event, contests, everyone)
    assert ("王小明", "四川省/广元中学/高一(1)班") not in names
    assert all("王小明" not in name for name, _org in names)
    assert (placeholder, "") in names and ("李四海", "四川省/成都七中/高二(3)班") in names
    # The derived rows forget the unit too (a rebuild would find none).
    for model in (Standing, EventStanding):
        rows = db.session.scalars(select(model).where(model.user_id == alice.id)).all()
        assert rows and all(r.school_id is None and r.class_id is None for r in rows)
    assert not db.session.scalars(
        select(LoginFailure).where(LoginFailure.user_id == alice.id)
    ).all()
    # Audited without the erased name anywhere in the log.
    entries = db.session.scalars(select(AuditLog)).all()
    assert [e.action for e in entries if e.action == "privacy.erase"] == ["privacy.erase"]
    log = json.dumps([e.details for e in entries], ensure_ascii=False)
    assert "王小明" not in log and '"alice"' not in log
    # Cannot log in: neither with the old username nor with the new one.
    policy = BackoffPolicy()
    assert authenticate("alice", "passw0rd!", now=NOW, policy=policy) is None
    assert authenticate(alice.username, "passw0rd!", now=NOW, policy=policy) is None
    # Idempotent: a second erasure changes nothing and is refused politely.
    assert privacy.erase_personal_data(admin, alice, now=NOW) == placeholder


def test_an_erased_account_cannot_be_given_a_password_again(factories):
    from quiz.services import DomainError
    from quiz.services.accounts import privacy, reset_user_password, set_active

    _event, _contests, alice, _bob, _carol, admin = _two_students(factories)
    privacy.erase_personal_data(admin, alice, now=NOW)
    with pytest.raises(DomainError):
        reset_user_password(admin, alice, hash_method="pbkdf2:sha256:1000")
    with pytest.raises(DomainError):
        set_active(admin, alice, True)


def test_retention_purges_only_students_of_past_events(factories):
    from quiz.services.accounts import privacy

    event, contests, alice, bob, carol, admin = _two_students(factories)
    later_event, later = event_with(["campus"])
    for contest in later:
        contest.closes_at = NOW + timedelta(days=200)
    db.session.commit()
    attempt(later[0], carol, score=5)  # carol also plays a later contest
    newcomer = factories.student("dave", display_name="钱多多")  # no results: kept
    closed = max(c.closes_at for c in contests)
    before = _boards(event, contests)

    soon = closed + timedelta(days=29)
    assert privacy.purge_expired(retention_days=30, now=soon).erased == []
    when = closed + timedelta(days=31)
    report = privacy.purge_expired(retention_days=30, now=when, dry_run=True)
    assert sorted(report.erased) == sorted([alice.id, bob.id]) and report.dry_run
    assert db.session.get(User, alice.id).display_name == "王小明"  # a dry run changes nothing
    report = privacy.purge_expired(retention_days=30, now=when)
    assert sorted(report.erased) == sorted([alice.id, bob.id])
    db.session.expire_all()
    assert db.session.get(User, alice.id).erased_at == when
    assert db.session.get(User, carol.id).display_name == "赵一鸣"
    assert db.session.get(User, newcomer.id).display_name == "钱多多"
    assert db.session.get(User, admin.id).display_name == "用户root"
    assert _boards(event, contests) == before
    audits = db.session.scalars(select(AuditLog).where(AuditLog.action == "privacy.erase")).all()
    assert {a.target_id for a in audits} == {alice.id, bob.id}
    assert {a.details["reason"] for a in audits} == {"retention"} and audits[0].actor_id is None
    assert privacy.purge_expired(retention_days=30, now=when).erased == []  # idempotent


def test_the_purge_command_reads_the_setting(app, runner, factories):
    _event, contests, alice, _bob, _carol, _admin = _two_students(factories)
    app.config["RETENTION_DAYS"] = 30
    closed = max(c.closes_at for c in contests)
    when = (closed + timedelta(days=31)).isoformat()
    result = runner.invoke(args=["privacy", "purge", "--dry-run", "--now", when])
    assert result.exit_code == 0, result.output
    assert "2" in result.output and db.session.get(User, alice.id).erased_at is None
    app.config["RETENTION_DAYS"] = 60
    result = runner.invoke(args=["privacy", "purge", "--now", when])
    assert result.exit_code == 0 and db.session.get(User, alice.id).erased_at is None
    app.config["RETENTION_DAYS"] = 30
    result = runner.invoke(args=["privacy", "purge", "--now", when])
    db.session.expire_all()
    assert result.exit_code == 0 and db.session.get(User, alice.id).erased_at is not None
    app.config["RETENTION_DAYS"] = 0  # 0 = off
    result = runner.invoke(args=["privacy", "purge", "--now", when])
    assert result.exit_code != 0 and "QUIZ_RETENTION_DAYS" in result.output


def test_the_export_command_writes_the_copy(runner, factories, tmp_path):
    _two_students(factories)
    target = tmp_path / "alice.json"
    result = runner.invoke(args=["privacy", "export", "alice", "--output", str(target)])
    assert result.exit_code == 0, result.output
    copy = json.loads(target.read_text(encoding="utf-8"))
    assert copy["账号"]["姓名"] == "王小明" and "李四海" not in target.read_text(encoding="utf-8")


@pytest.mark.db
@pytest.mark.redis
def test_redis_boards_match_sql_after_erasure(redis_app, factories):
    from quiz.services.accounts import privacy

    event, contests, alice, bob, carol, admin = _two_students(factories)
    everyone = Viewer(is_admin=True, scope=None, live=True)
    _names(event, contests, everyone)  # the Redis sets are built and current
    before = _boards(event, contests)
    placeholder = privacy.erase_personal_data(admin, alice, now=NOW)
    with_redis = (_boards(event, contests), _names(event, contests, everyone))
    redis_app.config["REDIS_URL"] = None
    with_sql = (_boards(event, contests), _names(event, contests, everyone))
    assert with_redis == with_sql and with_redis[0] == before
    assert (placeholder, "") in with_redis[1]

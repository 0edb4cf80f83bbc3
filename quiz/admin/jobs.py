"""Progress of a background import: a page that survives a reload and its small JSON twin.

The state lives in the job row (quiz.services.jobs), so reloading the page, or opening it on
another device, shows the same progress. Only the job's owner or an admin may see a job; anyone
else gets 404 (no IDOR). The page refreshes itself with ``<meta http-equiv="refresh">`` while
the job runs and quiz/static/js/job.js updates the bar from the JSON in between (CSP allows no
inline script).
"""

from __future__ import annotations

from flask import current_app, jsonify, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from quiz.admin import bp
from quiz.extensions import db
from quiz.models import Job
from quiz.services import jobs
from quiz.timeutil import utcnow

KIND_LABELS = {"roster": _l("导入学生名单"), "bank": _l("导入题库")}


def job_payload(job: Job) -> dict:
    """What the page and the JSON show: state, progress and where to go when it is done."""
    payload = {
        "id": job.id,
        "kind": job.kind,
        "state": job.state,
        "done": job.done,
        "total": job.total,
        "finished": job.finished,
        "error": job.error,
        "problems": (job.result or {}).get("problems", []) if job.error else [],
        "next_url": None,
    }
    if job.state == "succeeded" and job.kind == "roster" and job.owner_id == current_user.id:
        payload["next_url"] = url_for("admin.roster_result", token=job.result["token"])
    elif job.state == "succeeded" and job.kind == "bank":
        payload["next_url"] = url_for("admin.bank")
    return payload


def start(kind: str, work: jobs.runner.Work, *, total: int, wait: float = 0) -> Job:
    """Create the job for the current user and start its thread in this worker.

    With ``wait`` the request waits that many seconds for the job: a file refused at once (a
    wrong row, a spreadsheet bomb) is then answered on the form, as a small file would be.
    """
    job = jobs.create_job(kind, current_user, total=total, now=utcnow())
    job_id = job.id
    thread = jobs.start_job(current_app._get_current_object(), job_id, work, clock=utcnow)
    if wait:
        thread.join(timeout=wait)
        db.session.expire_all()
    return jobs.get_job(current_user, job_id, utcnow())


@bp.route("/jobs/<int:job_id>")
def job_status(job_id: int):
    """The job's progress page: reload it at will; at the end it links to the result."""
    job = jobs.get_job(current_user, job_id, utcnow())
    return render_template(
        "admin/jobs/status.html", job=job, info=job_payload(job), kind_label=KIND_LABELS
    )


@bp.route("/jobs/<int:job_id>.json")
def job_status_json(job_id: int):
    """The job's state and progress as JSON (polled by the progress page)."""
    job = jobs.get_job(current_user, job_id, utcnow())
    response = jsonify(job_payload(job))
    response.headers["Cache-Control"] = "no-store"
    return response

/* Quiz page: wiring of the countdown, autosave, submit and focus reporting.
 *
 * No framework, ES2017 (old Android Chrome and the WeChat browser). The server renders the shell
 * and a JSON block (#quiz-data) holding the paper WITHOUT keys; quiz-util.js, quiz-api.js,
 * quiz-saver.js and quiz-view.js (loaded first) do the parts. The server is the source of truth:
 * localStorage only keeps answers not yet acknowledged, replayed on the next load.
 */
(function () {
  "use strict";
  const root = document.getElementById("quiz");
  const dataEl = document.getElementById("quiz-data");
  if (!root || !dataEl) return;

  const U = window.QuizUtil;
  const data = JSON.parse(dataEl.textContent);
  const T = data.text;
  const ID = data.attempt_id;
  const POSITION_KEY = "quiz:position:" + ID;
  const SYNC_EVERY_MS = 45000;
  const $ = (id) => document.getElementById(id);
  const api = window.QuizApi(data.urls.api);

  // ---- the server's clock, corrected for this phone's offset ---------------------------------
  let offsetMs = U.parseIso(data.server_time) - Date.now(); // server minus client
  let deadlineMs = U.parseIso(data.deadline);
  const serverNow = () => Date.now() + offsetMs;

  // ---- alerts and the end of the attempt -----------------------------------------------------
  let stopped = false;
  let authLost = false;

  function showAlert(message, link) {
    const box = $("quiz-alert");
    box.textContent = message;
    if (link) {
      const a = U.el("a", "btn btn-small", link.text);
      a.href = link.href;
      box.appendChild(document.createTextNode(" "));
      box.appendChild(a);
    }
    box.hidden = false;
  }

  function sessionExpired() {
    if (authLost) return;
    authLost = true;
    saver.pause(); // answers wait in localStorage and are sent after logging in again
    showAlert(T.session_expired, { href: data.urls.login, text: T.login });
  }

  function finished(message) {
    if (stopped) return;
    stopped = true;
    saver.clear();
    U.writeStore(POSITION_KEY, null);
    root.classList.add("is-finished");
    disableInputs();
    showAlert(message || T.finished);
    window.setTimeout(() => window.location.assign(data.urls.result), 1200);
  }

  function disableInputs() {
    root.querySelectorAll("input, button").forEach((node) => (node.disabled = true));
  }

  // ---- answers: the server's, then this phone's unsent ones ----------------------------------
  const entries = {};
  data.questions.forEach((q, index) => (entries[q.id] = { q: q, index: index, value: null, savedAt: null }));
  Object.keys(data.answers || {}).forEach((qid) => {
    const saved = data.answers[qid];
    if (!entries[qid]) return;
    entries[qid].value = "text" in saved ? { text: saved.text || "" } : { choice: saved.choice || [] };
    entries[qid].savedAt = saved.saved_at;
  });

  const saver = window.QuizSaver({
    api: api,
    attemptId: ID,
    serverNow: serverNow,
    onState: (qid, state, detail) => view.setState(qid, state, detail),
    onOffline: (on) => ($("quiz-offline").hidden = !on),
    onAuthLost: sessionExpired,
    onFinished: finished,
  });
  // Replay what never reached the server, unless it holds a newer answer (another device).
  Object.keys(saver.pending).forEach((qid) => {
    const waiting = saver.pending[qid];
    const entry = entries[qid];
    if (!entry || (entry.savedAt && U.parseIso(entry.savedAt) > waiting.t)) saver.discard(qid);
    else entry.value = waiting.value;
  });

  const view = window.QuizView(data, entries, (qid, value) => {
    if (stopped) return;
    entries[qid].value = value;
    view.refresh();
    saver.give(qid, value);
  });
  data.questions.forEach((q) => {
    if (entries[q.id].savedAt && view.answered(q.id) && !saver.pending[q.id]) {
      view.setState(q.id, "saved", entries[q.id].savedAt);
    }
  });

  // ---- countdown and re-sync -----------------------------------------------------------------
  let timeUpHandled = false;

  function tick() {
    const left = deadlineMs - serverNow();
    $("quiz-clock").textContent = U.clockText(left);
    root.classList.toggle("is-urgent", left <= 60000);
    if (left <= 0 && !timeUpHandled && !stopped) {
      timeUpHandled = true;
      timeUp();
    }
  }

  async function sync() {
    if (stopped) return;
    const t0 = Date.now();
    let response;
    try {
      response = await api.request("GET", "/attempts/" + ID);
    } catch (e) {
      $("quiz-offline").hidden = false;
      return;
    }
    const t1 = Date.now();
    if (response.status === 401) return sessionExpired();
    const body = await api.readJson(response);
    if (!response.ok || !body) return;
    // The server stamped its time about half a round trip before the answer arrived.
    const serverTime = U.parseIso(body.server_time);
    if (!isNaN(serverTime)) offsetMs = serverTime + (t1 - t0) / 2 - t1;
    if (body.deadline) deadlineMs = U.parseIso(body.deadline) || deadlineMs; // extensions
    if (body.status && body.status !== "in_progress") finished();
  }

  async function timeUp() {
    showAlert(T.time_up);
    await saver.flush(2500); // the server still takes answers for a few seconds (grace)
    disableInputs();
    await submit(true);
  }

  // ---- submit --------------------------------------------------------------------------------
  const dialog = $("quiz-dialog");
  let submitting = false;

  function openSummary() {
    const missing = [];
    data.questions.forEach((q, i) => {
      if (!view.answered(q.id)) missing.push(U.fmt(T.question_no, { n: i + 1 }));
    });
    $("quiz-dialog-summary").textContent = missing.length
      ? U.fmt(T.unanswered, { count: missing.length, list: missing.join(T.list_sep) })
      : T.all_answered;
    $("quiz-dialog-pending").textContent = saver.count() ? U.fmt(T.pending, { count: saver.count() }) : "";
    $("quiz-dialog-error").textContent = "";
    dialog.hidden = false;
    $("quiz-confirm").focus();
  }

  function closeSummary() {
    dialog.hidden = true;
    $("quiz-submit").focus();
  }

  async function post() {
    const path = "/attempts/" + ID + "/submit";
    let response = await api.request("POST", path, {});
    if (response.status === 400 && api.errorCode(await api.readJson(response.clone())) === "csrf_failed") {
      if (await api.refreshToken()) response = await api.request("POST", path, {});
    }
    return response;
  }

  async function submit(force) {
    if (submitting || (stopped && !force)) return;
    submitting = true;
    const status = $("quiz-dialog-error");
    $("quiz-confirm").disabled = true;
    status.textContent = T.submitting;
    if (!force) await saver.flush(5000);
    if (!force && saver.count()) {
      // Handing in now would lose answers that never reached the server.
      status.textContent = T.submit_failed;
      $("quiz-dialog-pending").textContent = U.fmt(T.pending, { count: saver.count() });
      $("quiz-confirm").disabled = false;
      submitting = false;
      return;
    }
    let response = null;
    try {
      response = await post();
    } catch (e) {
      response = null;
    }
    if (response && (response.ok || response.status === 409)) {
      stopped = true;
      saver.clear();
      U.writeStore(POSITION_KEY, null);
      window.location.assign(data.urls.result);
      return;
    }
    if (response && response.status === 401) sessionExpired();
    submitting = false;
    $("quiz-confirm").disabled = false;
    status.textContent = T.submit_failed;
    if (force) {
      showAlert(T.submit_failed);
      window.setTimeout(() => submit(true), 3000);
    }
  }

  // ---- focus reporting -----------------------------------------------------------------------
  const awaySince = {};

  function report(kind, awayMs) {
    if (stopped) return;
    // keepalive lets the report leave while the page is hidden or closed; sendBeacon cannot
    // carry the CSRF header.
    const body = { kind: kind, client_time: new Date().toISOString(), away_ms: Math.max(0, Math.round(awayMs)) };
    api
      .request("POST", "/attempts/" + ID + "/events", body, { keepalive: true })
      .then((response) => (response.status === 409 ? { over: true } : api.readJson(response)))
      .then((result) => {
        if (result && result.auto_submitted) finished(T.auto_submitted);
        else if (result && result.over) finished();
      })
      .catch(() => {});
  }

  function away(kind) {
    if (awaySince[kind] !== undefined) return;
    awaySince[kind] = Date.now();
    report(kind, 0);
  }

  function back(kind, lossKind) {
    const since = awaySince[lossKind];
    if (since === undefined) return;
    delete awaySince[lossKind];
    report(kind, Date.now() - since);
    sync(); // the phone may have slept: correct the clock and send what waited
    saver.sendAll();
  }

  document.addEventListener("visibilitychange", () => (document.hidden ? away("hidden") : back("visible", "hidden")));
  window.addEventListener("blur", () => away("blur"));
  window.addEventListener("focus", () => back("focus", "blur"));

  // ---- start ---------------------------------------------------------------------------------
  function go(index) {
    view.show(index);
    U.writeStore(POSITION_KEY, view.current());
  }
  // 上一题/下一题 move the keyboard too: to the new question's first option, not 14 tabs back.
  $("quiz-prev").addEventListener("click", () => {
    go(view.current() - 1);
    view.focusCurrent();
  });
  $("quiz-next").addEventListener("click", () => {
    go(view.current() + 1);
    view.focusCurrent();
  });
  $("quiz-nav").addEventListener("click", () => U.writeStore(POSITION_KEY, view.current()));
  $("quiz-submit").addEventListener("click", openSummary);
  $("quiz-cancel").addEventListener("click", closeSummary);
  $("quiz-confirm").addEventListener("click", () => submit(false));
  // The dialog is modal: Tab and Shift+Tab cycle through its buttons, and focus that lands
  // outside it (a click, a screen reader's jump) is brought back.
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") return closeSummary();
    if (event.key !== "Tab") return;
    const items = Array.prototype.filter.call(dialog.querySelectorAll("button"), (b) => !b.disabled);
    if (!items.length) return event.preventDefault();
    const first = items[0];
    const last = items[items.length - 1];
    const at = document.activeElement;
    if (event.shiftKey && (at === first || !dialog.contains(at))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (at === last || !dialog.contains(at))) {
      event.preventDefault();
      first.focus();
    }
  });
  const keepFocusIn = () => {
    if (!dialog.hidden && !dialog.contains(document.activeElement)) $("quiz-cancel").focus();
  };
  document.addEventListener("focusin", keepFocusIn);
  // A press on the backdrop or the box's text would blur the focused button: keep focus where
  // it is (synchronously, so no keystroke can land behind the dialog), and as a fallback catch
  // focus leaving the dialog some other way.
  dialog.addEventListener("mousedown", (event) => {
    if (!event.target.closest("button")) event.preventDefault();
  });
  dialog.addEventListener("focusout", () => window.setTimeout(keepFocusIn, 0));
  window.addEventListener("online", () => {
    $("quiz-offline").hidden = true;
    saver.sendAll();
  });
  window.addEventListener("offline", () => ($("quiz-offline").hidden = false));

  const position = U.readStore(POSITION_KEY, 0);
  view.show(typeof position === "number" ? position : 0);
  root.classList.add("is-ready");
  tick();
  window.setInterval(tick, 500);
  sync();
  window.setInterval(sync, SYNC_EVERY_MS);
  saver.sendAll();
})();

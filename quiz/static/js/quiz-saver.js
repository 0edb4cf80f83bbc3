/* Autosave for the quiz page: every answer goes to the server at once; until it is acknowledged
 * it also waits in localStorage (keyed by attempt id) and is retried with backoff.
 *
 * window.QuizSaver(options) with options: api (QuizApi), attemptId, serverNow(), and callbacks
 * onState(qid, state, detail), onOffline(bool), onAuthLost(), onFinished(message). States:
 * saving, saved (detail = saved_at), offline, retrying, failed (detail = message). */
(function () {
  "use strict";
  const U = window.QuizUtil;
  const MAX_BACKOFF_MS = 30000;

  window.QuizSaver = function (o) {
    const key = "quiz:pending:" + o.attemptId;
    const pending = U.readStore(key, {}); // qid -> {value, t (server ms when given)}
    const inflight = {};
    const timers = {};
    const backoff = {};
    let paused = false; // session expired or attempt over: answers stay in localStorage

    const store = () => U.writeStore(key, pending);

    function forget(qid, entry) {
      if (pending[qid] === entry) {
        delete pending[qid];
        store();
      }
    }

    function retry(qid, state) {
      o.onState(qid, state);
      window.clearTimeout(timers[qid]);
      const wait = Math.min(MAX_BACKOFF_MS, (backoff[qid] || 500) * 2);
      backoff[qid] = wait;
      timers[qid] = window.setTimeout(() => send(qid), wait + Math.random() * 300);
    }

    async function send(qid, csrfRetried) {
      const entry = pending[qid];
      if (!entry || inflight[qid] || paused) return;
      inflight[qid] = true;
      window.clearTimeout(timers[qid]);
      o.onState(qid, "saving");
      let response;
      try {
        response = await o.api.request("PUT", "/attempts/" + o.attemptId + "/answers/" + qid, entry.value);
      } catch (e) {
        inflight[qid] = false;
        o.onOffline(true);
        retry(qid, "offline");
        return;
      }
      inflight[qid] = false;
      o.onOffline(false);
      const body = await o.api.readJson(response);
      const code = o.api.errorCode(body);
      if (response.ok && body) {
        forget(qid, entry);
        backoff[qid] = 0;
        o.onState(qid, "saved", body.saved_at);
        if (pending[qid]) send(qid); // changed again while this one was on its way
      } else if (response.status === 401 || response.redirected) {
        o.onState(qid, "offline");
        o.onAuthLost();
      } else if (response.status === 400 && code === "csrf_failed" && !csrfRetried) {
        // An idle phone's token expired: fetch a fresh one and send the same answer again.
        if (await o.api.refreshToken()) send(qid, true);
        else retry(qid, "retrying");
      } else if (response.status === 409) {
        o.onFinished(o.api.errorMessage(body));
      } else if (response.status === 429 || response.status >= 500 || response.status === 400) {
        retry(qid, "retrying");
      } else {
        // 403 / 404 / 422: this answer can never be stored; say so instead of retrying forever.
        forget(qid, entry);
        o.onState(qid, "failed", o.api.errorMessage(body));
      }
    }

    function sendAll() {
      Object.keys(pending).forEach((qid) => {
        backoff[qid] = 0;
        send(qid);
      });
    }

    return {
      pending: pending,
      count: () => Object.keys(pending).length,
      /** Keep and send a new answer. */
      give(qid, value) {
        pending[qid] = { value: value, t: o.serverNow() };
        store();
        send(qid);
      },
      /** Drop answers the server already has a newer version of (given on another device). */
      discard(qid) {
        delete pending[qid];
        store();
      },
      sendAll: sendAll,
      /** Resolve once everything is acknowledged, or when ``timeoutMs`` has passed. */
      flush(timeoutMs) {
        sendAll();
        const started = Date.now();
        return new Promise((resolve) => {
          (function check() {
            if (!Object.keys(pending).length || Date.now() - started > timeoutMs) resolve();
            else window.setTimeout(check, 100);
          })();
        });
      },
      pause() {
        paused = true;
      },
      /** The attempt is over: the server will not take these any more. */
      clear() {
        paused = true;
        Object.keys(pending).forEach((qid) => delete pending[qid]);
        U.writeStore(key, null);
      },
    };
  };
})();

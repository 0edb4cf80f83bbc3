/* Quiz page helpers shared by quiz-*.js: time parsing and formatting, safe storage, DOM nodes.
 * ES2017, no framework (old Android Chrome / WeChat). Exposed as window.QuizUtil. */
(function () {
  "use strict";

  const pad = (n) => (n < 10 ? "0" : "") + n;

  /** Milliseconds of an ISO "…Z" timestamp; explicit, since older WebViews reject microseconds. */
  function parseIso(value) {
    const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z$/.exec(value || "");
    if (!m) return NaN;
    const ms = m[7] ? Number((m[7] + "00").slice(0, 3)) : 0;
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
  }

  /** "09:58" or "1:02:03" for a countdown (rounded up: 0:00 only when the time is really up). */
  function clockText(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return (h ? h + ":" + pad(m) : pad(m)) + ":" + pad(s);
  }

  /** A server timestamp as shown everywhere: "YYYY-MM-DD HH:MM" in Beijing time (time.js). */
  const localTime = (iso) => window.QuizTime.beijing(iso);

  /** Fill "{name}" placeholders of a translated pattern. */
  const fmt = (pattern, values) =>
    pattern.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));

  function readStore(key, fallback) {
    try {
      const raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) {
      return fallback; // private mode or a full quota: the page still works, just less safely
    }
  }

  function writeStore(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* ignored: see readStore */
    }
  }

  /** A new element with a class and text (text via textContent: never parsed as HTML). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  window.QuizUtil = {
    pad: pad,
    parseIso: parseIso,
    clockText: clockText,
    localTime: localTime,
    fmt: fmt,
    readStore: readStore,
    writeStore: writeStore,
    el: el,
  };
})();

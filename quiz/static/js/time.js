/* Times as people here read them: "YYYY-MM-DD HH:MM" in Beijing time (UTC+8, no daylight
 * saving), whatever the phone's own zone. The one formatter of every script; the server's is the
 * `localtime` template filter, with the same output. ES5 (old Android WebViews, WeChat). */
(function () {
  "use strict";
  var BEIJING_OFFSET_MS = 8 * 3600 * 1000;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** Milliseconds of a Date, a number, or an ISO "…Z" timestamp (parsed by hand: older
   * WebViews reject microseconds); NaN when it is none of them. */
  function toMs(value) {
    if (value instanceof Date) { return value.getTime(); }
    if (typeof value === "number") { return value; }
    var m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:Z|\+00:00)$/.exec(value || "");
    if (!m) { return NaN; }
    var ms = m[7] ? Number((m[7] + "00").slice(0, 3)) : 0;
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
  }

  /** "2026-12-01 15:43" (with ":04" when seconds is true) in Beijing time; "" if unreadable. */
  function beijing(value, seconds) {
    var ms = toMs(value);
    if (isNaN(ms)) { return ""; }
    var d = new Date(ms + BEIJING_OFFSET_MS); // read with the UTC getters: no local zone involved
    var text = d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()) +
      " " + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
    return seconds ? text + ":" + pad(d.getUTCSeconds()) : text;
  }

  window.QuizTime = { beijing: beijing, toMs: toMs };
})();

/* Contest list and contest page: live countdowns to opening/closing times (ES2017, no framework).
 * The server renders the starting text; this keeps it ticking, corrected for the phone's clock
 * (the page carries the server's time in data-server-time). When a countdown ends the page is
 * reloaded once, so an upcoming contest turns into an open one. */
(function () {
  "use strict";
  var box = document.querySelector("[data-server-time]");
  if (!box) return;
  const parseIso = (value) => {
    const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z$/.exec(value || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
  };
  const offset = parseIso(box.getAttribute("data-server-time")) - Date.now();
  const dayUnit = box.getAttribute("data-day-unit") || "d";
  const pad = (n) => (n < 10 ? "0" : "") + n;
  const items = Array.prototype.slice.call(document.querySelectorAll("[data-countdown-to]"));
  if (!items.length || isNaN(offset)) return;
  const RELOAD_KEY = "play:reloaded-at";

  function text(ms) {
    const total = Math.max(0, Math.floor(ms / 1000));
    const days = Math.floor(total / 86400);
    const rest = total % 86400;
    const clock = pad(Math.floor(rest / 3600)) + ":" + pad(Math.floor((rest % 3600) / 60)) + ":" + pad(rest % 60);
    return (days ? days + dayUnit + " " : "") + clock;
  }

  function reloadOnce() {
    // Guard against a reload loop when the phone's clock disagrees with the server.
    let last = 0;
    try {
      last = Number(window.sessionStorage.getItem(RELOAD_KEY)) || 0;
      window.sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
    } catch (e) {
      /* no storage: still reload, the guard is a nicety */
    }
    if (Date.now() - last > 10000) window.location.reload();
  }

  function tick() {
    const now = Date.now() + offset;
    let ended = false;
    items.forEach((item) => {
      const left = parseIso(item.getAttribute("data-countdown-to")) - now;
      item.textContent = text(left);
      if (left <= 0 && !item.hasAttribute("data-ended")) {
        item.setAttribute("data-ended", "");
        ended = true;
      }
    });
    if (ended) window.setTimeout(reloadOnce, 1500);
  }

  items.forEach((item) => {
    if (parseIso(item.getAttribute("data-countdown-to")) - (Date.now() + offset) <= 0) {
      item.setAttribute("data-ended", ""); // already over when the page was rendered
    }
  });
  tick();
  window.setInterval(tick, 1000);
})();

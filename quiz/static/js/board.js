/* Live leaderboard: poll the board's JSON with If-None-Match and redraw the rows on change.
 * A 304 costs the server one version lookup, so every open board can poll every few seconds.
 * Rows are built with textContent (names come from users: never parsed as HTML). */
(function () {
  "use strict";
  var table = document.querySelector("table[data-board]");
  if (!table || !window.fetch) { return; }
  var api = table.getAttribute("data-api");
  var offset = table.getAttribute("data-offset") || "0";
  var limit = table.getAttribute("data-limit") || "50";
  var week = table.getAttribute("data-week") === "1";
  var seconds = parseInt(table.getAttribute("data-poll") || "5", 10);
  var url = api + (api.indexOf("?") < 0 ? "?" : "&") + "offset=" + offset + "&limit=" + limit;
  var etag = null;
  var wasFrozen = document.querySelector(".board-frozen") !== null;
  var status = document.querySelector("[data-board-status]");

  function duration(ms) {
    var s = Math.floor(ms / 1000);
    var rest = s % 60;
    return Math.floor(s / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  var certificate = table.getAttribute("data-certificate");
  var certificateLabel = table.getAttribute("data-certificate-label") || "";

  function cell(row, text, className) {
    var td = document.createElement("td");
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  /* The same markup as org_cell in templates/boards/_macros.html: a short name, the full
   * path on tap. */
  function orgCell(row, short, full, open) {
    var td = cell(row, "", "col-org");
    if (!full || !short || short === full) { td.textContent = full || ""; return; }
    var details = document.createElement("details");
    details.className = "org-path";
    details.open = Boolean(open[full]);
    var summary = document.createElement("summary");
    summary.textContent = short;
    var span = document.createElement("span");
    span.className = "org-full";
    span.textContent = full;
    details.appendChild(summary);
    details.appendChild(span);
    td.appendChild(details);
  }

  /* The same markup as the podium macro in templates/boards/_macros.html, from the same rows
   * (the first page only: later pages have no podium element). */
  var podium = document.querySelector("[data-board-podium]");

  function points(score) {
    var n = Number(score);
    return isNaN(n) ? String(score) : String(Math.round(n * 100) / 100);
  }

  function renderPodium(rows) {
    if (!podium) { return; }
    var rankLabel = podium.getAttribute("data-label-rank") || "{rank}";
    var pointsLabel = podium.getAttribute("data-label-points") || "{points}";
    var top = rows.slice(0, 3).filter(function (r) { return r.rank <= 3; });
    while (podium.firstChild) { podium.removeChild(podium.firstChild); }
    top.forEach(function (r, i) {
      var li = document.createElement("li");
      li.className = "podium-place podium-" + (i + 1) + (r.is_me ? " is-me" : "");
      [["podium-rank", rankLabel.replace("{rank}", r.rank)],
       ["podium-name", r.name],
       ["podium-score", pointsLabel.replace("{points}", points(r.score))]].forEach(function (part) {
        var span = document.createElement("span");
        span.className = part[0];
        span.textContent = part[1];
        li.appendChild(span);
      });
      podium.appendChild(li);
    });
    podium.hidden = top.length === 0;
  }

  function render(body) {
    var tbody = table.querySelector("tbody");
    var fresh = document.createElement("tbody");
    /* A path someone tapped open stays open through the refresh (it would close under their
     * finger every few seconds). */
    var open = {};
    tbody.querySelectorAll("details.org-path[open] .org-full").forEach(function (span) {
      open[span.textContent] = true;
    });
    body.rows.forEach(function (r) {
      var tr = document.createElement("tr");
      if (r.is_me) { tr.className = "is-me"; }
      cell(tr, r.rank, "col-rank");
      var name = cell(tr, r.name, "col-name");
      if (r.is_me && certificate) {
        var link = document.createElement("a");
        link.className = "badge cert-link";
        link.href = certificate;
        link.textContent = certificateLabel;
        name.appendChild(document.createTextNode(" "));
        name.appendChild(link);
      }
      orgCell(tr, r.organization_short, r.organization, open);
      cell(tr, r.score, "col-num");
      if (week && body.days) {
        body.days.forEach(function (d) { cell(tr, r.days[d.code], "day-col"); });
      }
      cell(tr, duration(r.time_used_ms), "col-num");
      fresh.appendChild(tr);
    });
    table.replaceChild(fresh, tbody);
    renderPodium(body.rows);
    var me = document.querySelector("[data-board-me]");
    if (me && body.me) {
      me.textContent = "第 " + body.me.rank + " 名 · " + body.me.name + " · " + body.me.score +
        " 分 · 用时 " + duration(body.me.time_used_ms);
    }
    if (status) { status.textContent = "已更新 " + window.QuizTime.beijing(new Date()); }
  }

  function poll() {
    if (document.hidden) { return; }
    var headers = etag ? { "If-None-Match": etag } : {};
    fetch(url, { credentials: "same-origin", headers: headers }).then(function (response) {
      if (response.status === 304 || !response.ok) { return null; }
      etag = response.headers.get("ETag");
      return response.json();
    }).then(function (body) {
      if (!body) { return; }
      // A freeze or unfreeze changes the page's banners: reload it once.
      if (body.frozen !== wasFrozen) { window.location.reload(); return; }
      render(body);
    }).catch(function () { /* offline for a moment: try again next tick */ });
  }

  window.setInterval(poll, Math.max(seconds, 2) * 1000);
  poll();
})();

// Contest monitor: re-fetch the attempts table every few seconds (JSON under /admin).
// Text goes in with textContent only, so a student's name can never inject markup.
(function () {
  "use strict";
  var table = document.getElementById("monitor");
  if (!table || !window.fetch) return;
  var url = table.getAttribute("data-url");
  var every = (parseInt(table.getAttribute("data-refresh"), 10) || 10) * 1000;
  var body = table.tBodies[0];
  var updated = document.getElementById("monitor-updated");
  var failed = document.getElementById("monitor-error");

  function clock(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var rest = s % 60;
    return Math.floor(s / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function number(value) {
    return String(Math.round(value * 100) / 100);
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function render(data) {
    var rows = document.createDocumentFragment();
    data.attempts.forEach(function (a) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-status", a.status);
      var who = cell(tr, "");
      var link = document.createElement("a");
      link.href = a.url;
      link.textContent = a.student;
      var login = document.createElement("span");
      login.className = "muted";
      login.textContent = " " + a.username + (a.number > 1 ? " #" + a.number : "");
      who.appendChild(link);
      who.appendChild(login);
      cell(tr, a.organization);
      cell(tr, a.status_label);
      cell(tr, number(a.score) + " / " + number(a.max_score));
      cell(tr, a.answered + " / " + a.questions);
      cell(tr, a.seconds_left === null ? "—" : clock(a.seconds_left * 1000));
      cell(tr, clock(a.time_used_ms));
      cell(tr, String(a.focus_losses));
      cell(tr, clock(a.focus_away_ms));
      rows.appendChild(tr);
    });
    if (data.attempts.length) {
      body.textContent = "";
      body.appendChild(rows);
    }
    Object.keys(data.counts).forEach(function (key) {
      var badge = document.querySelector('[data-count="' + key + '"] b');
      if (badge) badge.textContent = String(data.counts[key]);
    });
    if (updated) updated.textContent = window.QuizTime.beijing(data.now, true);
  }

  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        render(data);
        if (failed) failed.hidden = true;
      })
      .catch(function () {
        if (failed) failed.hidden = false;
      });
  }

  window.setInterval(refresh, every);
})();

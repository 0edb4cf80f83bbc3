/* Projector: full-screen top N that advances through the six themed days and the week.
 * Each slide's JSON is polled with its own ETag, so a hall screen costs the server little.
 * Names arrive masked (audience=public); rows of the highlighted school are marked. */
(function () {
  "use strict";
  var stage = document.querySelector("[data-projector]");
  if (!stage || !window.fetch) { return; }
  var slides = JSON.parse(stage.getAttribute("data-slides"));
  var top = stage.getAttribute("data-top");
  var interval = parseInt(stage.getAttribute("data-interval"), 10) * 1000;
  var school = stage.getAttribute("data-school");
  var title = stage.querySelector("[data-slide-title]");
  var rowsEl = stage.querySelector("[data-rows]");
  var frozenEl = stage.querySelector("[data-frozen]");
  var ruleEl = stage.querySelector("[data-rule]");
  var dots = stage.querySelector("[data-dots]");
  var etags = {};
  var bodies = {};
  var current = 0;

  function duration(ms) {
    var s = Math.floor(ms / 1000);
    var rest = s % 60;
    return Math.floor(s / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // A hall screen cannot scroll: start from the stylesheet's size (the largest) and shrink the
  // type until the whole slide, top N rows and footer, fits the window.
  function fit() {
    stage.style.fontSize = "";
    for (var i = 0; i < 5 && stage.offsetHeight > window.innerHeight; i++) {
      var size = parseFloat(window.getComputedStyle(stage).fontSize);
      stage.style.fontSize = Math.floor(size * 0.98 * window.innerHeight / stage.offsetHeight) + "px";
    }
  }

  function show() {
    var slide = slides[current];
    var body = bodies[current];
    title.textContent = slide.title;
    dots.textContent = slides.map(function (_s, i) { return i === current ? "●" : "○"; }).join(" ");
    if (!body) { return; }
    frozenEl.hidden = !body.frozen;
    ruleEl.textContent = body.rule;
    var fresh = document.createElement("tbody");
    fresh.setAttribute("data-rows", "");
    body.rows.forEach(function (r) {
      var tr = document.createElement("tr");
      if (school && String(r.school_id) === school) { tr.className = "highlight"; }
      [r.rank, r.name, r.organization, r.score, duration(r.time_used_ms)].forEach(function (v) {
        var td = document.createElement("td");
        td.textContent = v;
        tr.appendChild(td);
      });
      fresh.appendChild(tr);
    });
    if (!body.rows.length) {
      var empty = document.createElement("tr");
      var td = document.createElement("td");
      td.colSpan = 5;
      td.textContent = "暂无成绩";
      empty.appendChild(td);
      fresh.appendChild(empty);
    }
    rowsEl.parentNode.replaceChild(fresh, rowsEl);
    rowsEl = fresh;
    fit();
  }

  function load(index) {
    var url = slides[index].url + "?audience=public&limit=" + top;
    var headers = etags[index] ? { "If-None-Match": etags[index] } : {};
    return fetch(url, { credentials: "same-origin", headers: headers }).then(function (response) {
      if (response.status === 304 || !response.ok) { return; }
      etags[index] = response.headers.get("ETag");
      return response.json().then(function (body) { bodies[index] = body; });
    }).catch(function () { /* keep showing the last data */ });
  }

  function refresh() { load(current).then(show); }

  function advance() {
    current = (current + 1) % slides.length;
    refresh();
  }

  window.addEventListener("resize", fit);
  refresh();
  window.setInterval(refresh, 5000);
  window.setInterval(advance, interval);
})();

/* Charts on the results page, drawn with the vendored Chart.js (static/vendor/chart.js).
 * Data comes from data-* attributes (JSON) or, for data-chart-url, a JSON endpoint. */
(function () {
  "use strict";
  if (!window.Chart) { return; }
  var brand = "#1f5fa8";

  function bar(canvas, labels, values, label) {
    return new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: [{ label: label, data: values, backgroundColor: brand }] },
      options: { responsive: true, animation: false, plugins: { legend: { display: false } } }
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    bar(canvas, JSON.parse(canvas.getAttribute("data-labels")),
      JSON.parse(canvas.getAttribute("data-values")), canvas.getAttribute("data-label"));
  });

  document.querySelectorAll("canvas[data-chart-url]").forEach(function (canvas) {
    var series = canvas.getAttribute("data-series");
    fetch(canvas.getAttribute("data-chart-url"), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var part = data[series];
        bar(canvas, part.labels, part.participants, canvas.getAttribute("aria-label"));
      });
  });
})();

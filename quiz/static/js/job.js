// The import progress page: poll the job's JSON every 2 s and move the bar; reload the page
// when the job has finished so the server renders the result (or the error) and its links.
(function () {
  "use strict";
  var card = document.getElementById("job");
  if (!card || card.dataset.finished === "true") return;
  var url = card.dataset.statusUrl;
  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) return;
        var bar = document.getElementById("job-progress");
        bar.max = job.total || 1;
        bar.value = job.done;
        document.getElementById("job-done").textContent = job.done;
        document.getElementById("job-total").textContent = job.total;
        if (job.finished) window.location.reload();
      })
      .catch(function () {})
      .then(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 2000);
})();

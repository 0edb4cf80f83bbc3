// Shared helpers for pages that talk to the JSON API: the CSRF token comes from the page's meta tag.
(function () {
  "use strict";
  window.quizApi = {
    csrfToken: function () {
      var meta = document.querySelector('meta[name="csrf-token"]');
      return meta ? meta.getAttribute("content") : "";
    },
  };
})();

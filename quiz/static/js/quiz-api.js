/* The quiz page's JSON API client: CSRF header, cookies, token refresh. window.QuizApi(base). */
(function () {
  "use strict";

  window.QuizApi = function (base) {
    const meta = document.querySelector('meta[name="csrf-token"]');
    let token = meta ? meta.getAttribute("content") : "";

    function request(method, path, body, extra) {
      const headers = { Accept: "application/json", "X-CSRFToken": token };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      // Chrome before 68 leaves cookies out unless told otherwise.
      const options = Object.assign({ method: method, headers: headers, credentials: "same-origin" }, extra);
      if (body !== undefined) options.body = JSON.stringify(body);
      return fetch(base + path, options);
    }

    async function readJson(response) {
      try {
        return await response.json();
      } catch (e) {
        return null; // an HTML error page or an empty body
      }
    }

    /** A fresh CSRF token (an idle phone's may have expired); true when one was obtained. */
    async function refreshToken() {
      try {
        const response = await fetch(base + "/csrf", { credentials: "same-origin" });
        const body = await readJson(response);
        if (!response.ok || !body || !body.csrf_token) return false;
        token = body.csrf_token;
        if (meta) meta.setAttribute("content", token);
        return true;
      } catch (e) {
        return false;
      }
    }

    return {
      request: request,
      readJson: readJson,
      refreshToken: refreshToken,
      errorCode: (body) => (body && body.error ? body.error.code : ""),
      errorMessage: (body) => (body && body.error ? body.error.message : ""),
    };
  };
})();

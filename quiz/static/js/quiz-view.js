/* The quiz page's questions and navigator, built from the paper (no keys) with textContent only.
 *
 * window.QuizView(data, onAnswer) renders every question once (one shown at a time) and returns
 * show(index), focusCurrent(), refresh(), setState(qid, state, detail), answered(qid), current(). */
(function () {
  "use strict";
  const U = window.QuizUtil;
  const DEBOUNCE_MS = 600;

  window.QuizView = function (data, entries, onAnswer) {
    const T = data.text;
    const questions = data.questions;
    const list = document.getElementById("quiz-questions");
    const nav = document.getElementById("quiz-nav");
    const navButtons = [];
    let current = 0;

    const isAnswered = (value) =>
      !!value && (value.text !== undefined ? value.text.trim() !== "" : (value.choice || []).length > 0);

    function readChoice(entry) {
      const picked = [];
      entry.el.querySelectorAll("input[data-index]").forEach((input) => {
        if (input.checked) picked.push(Number(input.getAttribute("data-index")));
        // A class, not :has(), so old WebViews also highlight the chosen option.
        input.parentNode.classList.toggle("is-checked", input.checked);
      });
      return { choice: picked };
    }

    function buildChoices(entry, card) {
      const q = entry.q;
      const fieldset = U.el("fieldset", "q-options");
      fieldset.appendChild(U.el("legend", "q-stem", q.stem));
      const chosen = entry.value && entry.value.choice ? entry.value.choice : [];
      q.options.forEach((option, i) => {
        const label = U.el("label", "q-option");
        const input = document.createElement("input");
        input.type = q.type === "multiple_choice" ? "checkbox" : "radio";
        input.name = "q-" + q.id;
        input.value = String(i);
        input.setAttribute("data-index", String(i));
        input.checked = chosen.indexOf(i) >= 0;
        label.classList.toggle("is-checked", input.checked);
        input.addEventListener("change", () => onAnswer(q.id, readChoice(entry)));
        label.appendChild(input);
        label.appendChild(U.el("span", "q-letter", String.fromCharCode(65 + i)));
        label.appendChild(U.el("span", "q-text", option));
        fieldset.appendChild(label);
      });
      card.appendChild(fieldset);
    }

    function buildBlank(entry, card) {
      const q = entry.q;
      const label = U.el("label", "q-stem", q.stem);
      label.htmlFor = "q-input-" + q.id;
      const input = document.createElement("input");
      input.type = "text";
      input.id = "q-input-" + q.id;
      input.className = "q-blank";
      input.maxLength = 200;
      input.autocomplete = "off";
      input.placeholder = T.fill_placeholder;
      input.value = entry.value && entry.value.text ? entry.value.text : "";
      let timer = null;
      let composing = false;
      const commit = () => {
        window.clearTimeout(timer);
        const last = entry.value && entry.value.text !== undefined ? entry.value.text : "";
        if (input.value !== last) onAnswer(q.id, { text: input.value });
      };
      const later = () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(commit, DEBOUNCE_MS);
      };
      // Chinese input methods fire input events mid-word: wait until the word is chosen.
      input.addEventListener("compositionstart", () => (composing = true));
      input.addEventListener("compositionend", () => {
        composing = false;
        later();
      });
      input.addEventListener("input", (event) => {
        if (!composing && !event.isComposing) later();
      });
      input.addEventListener("blur", commit);
      input.addEventListener("change", commit);
      card.appendChild(label);
      card.appendChild(input);
    }

    function build(entry) {
      const q = entry.q;
      const card = U.el("section", "q-card");
      card.id = "q-" + q.id;
      card.hidden = true;
      const head = U.el("div", "q-head");
      head.appendChild(U.el("span", "q-number", U.fmt(T.question_of, { n: entry.index + 1, total: questions.length })));
      head.appendChild(U.el("span", "badge q-type", data.types[q.type] || q.type));
      head.appendChild(U.el("span", "q-points", U.fmt(T.points, { points: q.points })));
      card.appendChild(head);
      if (q.type === "fill_blank") buildBlank(entry, card);
      else buildChoices(entry, card);
      const save = U.el("p", "q-save");
      save.setAttribute("role", "status");
      save.setAttribute("aria-live", "polite");
      card.appendChild(save);
      entry.el = card;
      return card;
    }

    function setState(qid, state, detail) {
      const box = entries[qid].el.querySelector(".q-save");
      box.className = "q-save is-" + state;
      const texts = {
        saving: T.saving,
        saved: U.fmt(T.saved, { time: U.localTime(detail) }),
        offline: T.offline,
        retrying: T.retrying,
        failed: U.fmt(T.failed, { message: detail || "" }),
      };
      box.textContent = texts[state] || "";
    }

    function refresh() {
      let done = 0;
      questions.forEach((q, index) => {
        const answered = isAnswered(entries[q.id].value);
        if (answered) done += 1;
        const button = navButtons[index];
        button.classList.toggle("is-answered", answered);
        button.classList.toggle("is-current", index === current);
        button.setAttribute("aria-label", U.fmt(T.question_no, { n: index + 1 }) + (answered ? " ✓" : ""));
        if (index === current) button.setAttribute("aria-current", "step");
        else button.removeAttribute("aria-current");
      });
      document.getElementById("quiz-progress").value = done;
      document.getElementById("quiz-progress-text").textContent = done + " / " + questions.length;
    }

    function show(index) {
      current = Math.max(0, Math.min(questions.length - 1, index));
      questions.forEach((q, i) => (entries[q.id].el.hidden = i !== current));
      document.getElementById("quiz-prev").disabled = current === 0;
      document.getElementById("quiz-next").disabled = current === questions.length - 1;
      refresh();
    }

    /** Put the keyboard on the shown question: its first option (the chosen one of an answered
     * single choice, as Tab into a radio group would) or its blank, not back on the buttons. */
    function focusCurrent() {
      const card = entries[questions[current].id].el;
      const target =
        card.querySelector("input[type=radio]:checked") || card.querySelector("input:not([disabled])");
      if (target) target.focus();
    }

    questions.forEach((q, index) => {
      list.appendChild(build(entries[q.id]));
      const button = U.el("button", "quiz-nav-item", String(index + 1));
      button.type = "button";
      button.addEventListener("click", () => {
        show(index);
        focusCurrent();
      });
      nav.appendChild(button);
      navButtons.push(button);
    });

    return {
      show: show,
      focusCurrent: focusCurrent,
      refresh: refresh,
      setState: setState,
      current: () => current,
      answered: (qid) => isAnswered(entries[qid].value),
    };
  };
})();

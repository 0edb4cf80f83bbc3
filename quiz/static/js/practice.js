/* Practice: one question at a time with immediate feedback (ES2017, no framework).
 * Questions come from #practice-data without keys; each answer is graded by the server
 * (POST /practice/check), which never creates an attempt. Text is set with textContent only. */
(function () {
  "use strict";
  var dataEl = document.getElementById("practice-data");
  if (!dataEl) return;
  const data = JSON.parse(dataEl.textContent);
  const T = data.text;
  const card = document.getElementById("practice-card");
  const feedback = document.getElementById("practice-feedback");
  const checkButton = document.getElementById("practice-check");
  const nextButton = document.getElementById("practice-next");
  const fmt = (p, v) => p.replace(/\{(\w+)\}/g, (all, k) => (k in v ? String(v[k]) : all));
  let index = 0;
  let right = 0;
  let busy = false;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function token() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function render() {
    const q = data.questions[index];
    card.textContent = "";
    feedback.hidden = true;
    feedback.textContent = "";
    const head = el("div", "q-head");
    head.appendChild(el("span", "q-number", fmt(T.question_of, { n: index + 1, total: data.questions.length })));
    head.appendChild(el("span", "badge", data.types[q.type] || q.type));
    card.appendChild(head);
    if (q.type === "fill_blank") {
      const label = el("label", "q-stem", q.stem);
      label.htmlFor = "practice-input";
      const input = document.createElement("input");
      input.type = "text";
      input.id = "practice-input";
      input.className = "q-blank";
      input.autocomplete = "off";
      input.maxLength = 200;
      card.appendChild(label);
      card.appendChild(input);
    } else {
      const fieldset = el("fieldset", "q-options");
      fieldset.appendChild(el("legend", "q-stem", q.stem));
      q.options.forEach((option, i) => {
        const label = el("label", "q-option");
        const input = document.createElement("input");
        input.type = q.type === "multiple_choice" ? "checkbox" : "radio";
        input.name = "practice-choice";
        input.setAttribute("data-index", String(i));
        label.appendChild(input);
        label.appendChild(el("span", "q-letter", String.fromCharCode(65 + i)));
        label.appendChild(el("span", "q-text", option));
        fieldset.appendChild(label);
      });
      card.appendChild(fieldset);
    }
    checkButton.hidden = false;
    checkButton.disabled = false;
    nextButton.hidden = true;
  }

  function answer() {
    const q = data.questions[index];
    if (q.type === "fill_blank") {
      const text = document.getElementById("practice-input").value;
      return text.trim() ? { text: text } : null;
    }
    const choice = [];
    card.querySelectorAll("input[data-index]").forEach((input) => {
      if (input.checked) choice.push(Number(input.getAttribute("data-index")));
    });
    return choice.length ? { choice: choice } : null;
  }

  function show(result) {
    feedback.textContent = "";
    feedback.className = "card practice-feedback " + (result.correct ? "is-right" : "is-wrong");
    feedback.appendChild(el("p", "verdict", result.correct ? T.right : T.wrong));
    const key = el("p");
    key.appendChild(el("strong", "", T.key));
    key.appendChild(document.createTextNode(result.key));
    feedback.appendChild(key);
    if (result.explanation) feedback.appendChild(el("p", "explanation", result.explanation));
    if (result.source) {
      const quote = el("blockquote", "source-para");
      quote.appendChild(document.createTextNode(result.source.before));
      quote.appendChild(el("mark", "", result.source.sentence));
      quote.appendChild(document.createTextNode(result.source.after));
      feedback.appendChild(quote);
      if (result.source.title) feedback.appendChild(el("p", "muted", "《" + result.source.title + "》"));
    }
    if (result.mastered) feedback.appendChild(el("p", "muted", T.mastered));
    feedback.hidden = false;
    card.querySelectorAll("input").forEach((input) => (input.disabled = true));
    checkButton.hidden = true;
    if (index + 1 < data.questions.length) {
      nextButton.hidden = false;
      nextButton.focus();
    } else {
      feedback.appendChild(el("p", "practice-done", fmt(T.done, { right: right, total: data.questions.length })));
    }
  }

  async function check() {
    if (busy) return;
    const given = answer();
    if (!given) {
      feedback.className = "card practice-feedback";
      feedback.textContent = T.empty;
      feedback.hidden = false;
      return;
    }
    busy = true;
    checkButton.disabled = true;
    const body = Object.assign({ question_id: data.questions[index].id, mode: data.mode, day: data.day }, given);
    try {
      const response = await fetch(data.check_url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token() },
        body: JSON.stringify(body),
      });
      const result = response.ok ? await response.json() : null;
      if (!result) throw new Error("bad response");
      if (result.correct) right += 1;
      show(result);
    } catch (e) {
      feedback.className = "card practice-feedback";
      feedback.textContent = T.error;
      feedback.hidden = false;
      checkButton.disabled = false;
    }
    busy = false;
  }

  checkButton.addEventListener("click", check);
  nextButton.addEventListener("click", () => {
    index += 1;
    render();
    // The button just hid itself: the keyboard goes on to the new question's first option.
    const first = card.querySelector("input");
    if (first) first.focus();
  });
  render();
})();

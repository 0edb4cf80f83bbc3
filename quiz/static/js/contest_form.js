// Contest form: show only the settings that apply (draw mode, who may enter, award cut-offs)
// and filter the hand-picked question list as the organizer types. Without JS every section
// stays visible.
(function () {
  "use strict";

  function bindSections(radioName, attribute) {
    var radios = document.querySelectorAll('input[name="' + radioName + '"]');
    var sections = document.querySelectorAll("[" + attribute + "]");
    function update() {
      var chosen = document.querySelector('input[name="' + radioName + '"]:checked');
      var value = chosen ? chosen.value : "";
      sections.forEach(function (section) {
        section.hidden = section.getAttribute(attribute) !== value;
      });
    }
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
  }

  bindSections("draw_mode", "data-draw-section");
  bindSections("access", "data-access-section");

  // Award cut-offs: none without a rule, two (优秀, 合格) for a score rule, three by rank.
  var award = document.querySelector('select[name="award_rule"]');
  if (award) {
    var showCuts = function () {
      document.querySelectorAll("[data-award-cut]").forEach(function (field) {
        var n = parseInt(field.getAttribute("data-award-cut"), 10);
        field.hidden = award.value === "none" || (award.value === "score_percent" && n === 3);
      });
    };
    award.addEventListener("change", showCuts);
    showCuts();
  }

  var search = document.getElementById("question-search");
  if (search) {
    var list = document.getElementById(search.getAttribute("data-filter-target"));
    search.addEventListener("input", function () {
      var words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (!list) return;
      list.querySelectorAll("li").forEach(function (item) {
        var text = item.textContent.toLowerCase();
        var box = item.querySelector("input");
        // Checked questions always stay in view, so a filter never hides part of the choice.
        item.hidden = !(box && box.checked) && !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  }
})();

/* The phone menu (☰): a button that opens and closes the site navigation, from the keyboard as
 * from a tap (Enter/Space come with <button>; Escape closes and gives focus back to it). Above
 * 720 px the CSS shows the navigation and hides the button. ES5 (old WebViews). */
(function () {
  "use strict";
  var button = document.querySelector(".nav-toggle");
  var nav = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!nav) { return; }

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();

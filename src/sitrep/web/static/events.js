/* Colour the event-type swatches of the events table. */
"use strict";
document.querySelectorAll(".swatch[data-type]").forEach(function (s) {
  s.style.background = SITREP.color(s.getAttribute("data-type"));
});

/* Leave empty fields out of the filter URL. */
document.querySelectorAll("form.filter").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (f) { if (!f.value) f.disabled = true; });
  });
});

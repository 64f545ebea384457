/* Colour the event-type swatches of the events table. */
"use strict";
document.querySelectorAll(".swatch[data-type]").forEach(function (s) {
  s.style.background = SITREP.color(s.getAttribute("data-type"));
});

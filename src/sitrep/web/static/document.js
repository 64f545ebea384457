/* Document view: hovering a highlighted span lists what was coded from it in the side panel. */
"use strict";
(function () {
  var panel = document.querySelector("#details ul");
  var hint = document.querySelector("#details p");
  function show(span) {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    (span.getAttribute("title") || "").split("\n").forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      panel.appendChild(li);
    });
    hint.textContent = "\u201c" + span.textContent + "\u201d";
  }
  document.querySelectorAll("#article .hl").forEach(function (span) {
    span.addEventListener("mouseenter", function () { show(span); });
    span.addEventListener("focus", function () { show(span); });
    span.tabIndex = 0;
  });
})();

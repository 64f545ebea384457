/* Shared by the pages: ACLED event-type colours and small DOM helpers (data goes in via textContent only). */
"use strict";
var SITREP = (function () {
  var COLORS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4"
  };
  var OTHER = "#7f7f7f";
  function color(type) { return COLORS[type] || OTHER; }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  function legend(ul, entries) {
    entries.forEach(function (pair) {
      var li = el("li");
      var sw = el("span", null, "swatch");
      sw.style.background = pair[1];
      li.appendChild(sw);
      li.appendChild(document.createTextNode(pair[0]));
      ul.appendChild(li);
    });
  }
  function load(node) {
    return fetch(node.getAttribute("data-source"), {headers: {"Accept": "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); });
  }
  return {COLORS: COLORS, color: color, el: el, svg: svg, legend: legend, load: load};
})();

/* Actor network: a small force layout computed up front, drawn as SVG. Dashed edges are standing
   relations, solid ones event dyads; width grows with weight; a node links to the actor's page. */
"use strict";
(function () {
  var node = document.getElementById("network");
  var status = document.getElementById("network-status");
  var W = 900, H = 600;
  var KIND = {state: "#1f77b4", person: "#ff7f0e", organization: "#2ca02c", igo: "#17becf",
              armed_group: "#d62728", group: "#8c564b", unknown: "#7f7f7f"};
  var PALETTE = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf",
                 "#999999", "#66c2a5", "#8da0cb", "#a6d854", "#e5c494"];

  function layout(nodes, edges) {
    /* Fruchterman-Reingold in a unit-free space with gravity, then scaled to fit the drawing. */
    var n = nodes.length, i, j, it, k = 1, ITER = 300;
    nodes.forEach(function (d, m) {  // deterministic start on a spiral
      var a = m * 2.399963, r = Math.sqrt(m + 0.5);
      d.x = Math.cos(a) * r; d.y = Math.sin(a) * r;
    });
    for (it = 0; it < ITER; it++) {
      var t = 0.5 * Math.sqrt(n) * (1 - it / ITER) + 0.01;
      nodes.forEach(function (d) { d.dx = 0; d.dy = 0; });
      for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) {
        var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
        var dist = Math.max(0.01, Math.sqrt(dx * dx + dy * dy)), f = k * k / dist;
        a.dx += dx / dist * f; a.dy += dy / dist * f; b.dx -= dx / dist * f; b.dy -= dy / dist * f;
      }
      edges.forEach(function (e) {
        if (e.s === e.t) return;
        var dx = e.s.x - e.t.x, dy = e.s.y - e.t.y;
        var dist = Math.max(0.01, Math.sqrt(dx * dx + dy * dy)), f = dist * dist / k;
        e.s.dx -= dx / dist * f; e.s.dy -= dy / dist * f; e.t.dx += dx / dist * f; e.t.dy += dy / dist * f;
      });
      nodes.forEach(function (d) {
        d.dx -= d.x * 0.15; d.dy -= d.y * 0.15;  // gravity keeps loose components near the middle
        var len = Math.max(0.01, Math.sqrt(d.dx * d.dx + d.dy * d.dy));
        d.x += d.dx / len * Math.min(len, t); d.y += d.dy / len * Math.min(len, t);
      });
    }
    var xs = nodes.map(function (d) { return d.x; }), ys = nodes.map(function (d) { return d.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    nodes.forEach(function (d) {
      d.x = 30 + (x1 > x0 ? (d.x - x0) / (x1 - x0) : 0.5) * (W - 200);
      d.y = 25 + (y1 > y0 ? (d.y - y0) / (y1 - y0) : 0.5) * (H - 50);
    });
  }

  SITREP.load(node).then(function (data) {
    var byId = {};
    var nodes = data.nodes.map(function (d) { var c = Object.assign({}, d); byId[String(d.id)] = c; return c; });
    var edges = data.edges.filter(function (e) { return byId[String(e.source)] && byId[String(e.target)]; })
      .map(function (e) { return Object.assign({}, e, {s: byId[String(e.source)], t: byId[String(e.target)]}); });
    if (!nodes.length) { status.textContent = "No actors match."; return; }
    layout(nodes, edges);
    var types = {}, ti = 0;
    edges.forEach(function (e) { if (!(e.type in types)) types[e.type] = PALETTE[ti++ % PALETTE.length]; });
    var maxW = Math.max.apply(null, edges.map(function (e) { return e.weight || 1; }).concat([1]));
    var s = SITREP.svg("svg", {viewBox: "0 0 " + W + " " + H, width: "100%", role: "img",
                               "aria-label": "Actor network"});
    edges.forEach(function (e) {
      var line = SITREP.svg("line", {x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y, stroke: types[e.type],
                                     "stroke-width": 1 + 5 * (e.weight || 1) / maxW, "stroke-opacity": 0.7,
                                     "class": "edge edge-" + (e.kind === "relation" ? "relation" : "event")});
      if (e.kind === "relation") line.setAttribute("stroke-dasharray", "6 4");
      var tip = SITREP.svg("title", {});
      tip.textContent = e.s.name + " \u2192 " + e.t.name + ": " + e.type + " \u00d7" + (e.weight || 1) +
        " (" + (e.kind || "event") + ")";
      line.appendChild(tip);
      s.appendChild(line);
    });
    nodes.forEach(function (d) {
      var a = SITREP.svg("a", {"class": "node"});
      a.setAttribute("href", "/actors/" + encodeURIComponent(String(d.id)));
      a.appendChild(SITREP.svg("circle", {cx: d.x, cy: d.y, r: 7, fill: KIND[d.kind] || KIND.unknown,
                                          stroke: "#fff", "stroke-width": 1.5}));
      var label = SITREP.svg("text", {x: d.x + 9, y: d.y + 4, "font-size": 12, "class": "label"});
      label.textContent = d.name;
      a.appendChild(label);
      var tip = SITREP.svg("title", {});
      tip.textContent = d.name + " (" + (d.kind || "unknown") + (d.country ? ", " + d.country : "") + ")";
      a.appendChild(tip);
      s.appendChild(a);
    });
    node.appendChild(s);
    SITREP.legend(document.getElementById("legend"), Object.keys(types).map(function (t) { return [t, types[t]]; }));
    status.textContent = nodes.length + " actors" + (data.total_nodes > nodes.length ? " (the busiest of " +
      data.total_nodes + ")" : "") + ", " + edges.length + " ties.";
    node.setAttribute("data-ready", "1");
  }).catch(function (err) { status.textContent = "Could not load the network: " + err.message; });
})();

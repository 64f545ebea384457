/* Timeline: stacked bars of events per day by ACLED type, a line of deaths, and a drag-to-select
   range that reloads the page (and the links to every other view) with since/until. */
"use strict";
(function () {
  var node = document.getElementById("timeline");
  var W = 900, H = 260, M = {l: 40, r: 40, t: 10, b: 30};
  var DAY = 86400000;
  function day(s) { return Date.parse(s + "T00:00:00Z"); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }

  SITREP.load(node).then(function (data) {
    var rows = data.days || [];
    if (!rows.length) {  // an empty range is drawn too: the page is ready
      node.appendChild(SITREP.el("p", "No events to draw."));
      node.setAttribute("data-ready", "1");
      return;
    }
    var byDay = {}, types = {};
    rows.forEach(function (r) {
      var d = byDay[r.date] || (byDay[r.date] = {total: 0, deaths: 0, types: {}});
      d.types[r.event_type || "Other"] = (d.types[r.event_type || "Other"] || 0) + r.count;
      d.total += r.count; d.deaths += r.fatalities || 0;
      types[r.event_type || "Other"] = SITREP.color(r.event_type);
    });
    var days = Object.keys(byDay).sort();
    var t0 = day(days[0]), t1 = day(days[days.length - 1]) + DAY;
    var n = Math.max(1, Math.round((t1 - t0) / DAY));
    var maxCount = Math.max.apply(null, days.map(function (d) { return byDay[d].total; }));
    var maxDeaths = Math.max(1, Math.max.apply(null, days.map(function (d) { return byDay[d].deaths; })));
    var pw = W - M.l - M.r, ph = H - M.t - M.b, bw = pw / n;
    function x(t) { return M.l + (t - t0) / DAY * bw; }
    var s = SITREP.svg("svg", {viewBox: "0 0 " + W + " " + H, width: "100%", role: "img",
                               "aria-label": "Events per day by type"});
    s.appendChild(SITREP.svg("line", {x1: M.l, y1: M.t + ph, x2: M.l + pw, y2: M.t + ph, stroke: "#444"}));
    var order = Object.keys(types).sort();
    days.forEach(function (d) {
      var y = M.t + ph;
      order.forEach(function (t) {
        var c = byDay[d].types[t];
        if (!c) return;
        var h = c / maxCount * ph;
        y -= h;
        var r = SITREP.svg("rect", {x: x(day(d)) + 0.5, y: y, width: Math.max(1, bw - 1), height: h,
                                    fill: types[t], "class": "bar", "data-date": d});
        var tip = SITREP.svg("title", {});
        tip.textContent = d + ": " + c + " " + t + " (" + byDay[d].deaths + " deaths that day)";
        r.appendChild(tip);
        s.appendChild(r);
      });
    });
    var pts = days.map(function (d) {
      return (x(day(d)) + bw / 2).toFixed(1) + "," + (M.t + ph - byDay[d].deaths / maxDeaths * ph).toFixed(1);
    });
    s.appendChild(SITREP.svg("polyline", {points: pts.join(" "), fill: "none", stroke: "#000",
                                          "stroke-width": 1.5, "class": "deaths"}));
    [[days[0], M.l, "start"], [days[days.length - 1], M.l + pw, "end"]].forEach(function (a) {
      var tx = SITREP.svg("text", {x: a[1], y: H - 8, "text-anchor": a[2], "font-size": 12});
      tx.textContent = a[0];
      s.appendChild(tx);
    });
    var lab = [["events " + maxCount, M.l - 4, "end"], ["deaths " + maxDeaths, M.l + pw + 4, "start"]];
    lab.forEach(function (a) {
      var tx = SITREP.svg("text", {x: a[1], y: M.t + 10, "text-anchor": a[2], "font-size": 10});
      tx.textContent = a[0];
      s.appendChild(tx);
    });
    var brush = SITREP.svg("rect", {y: M.t, height: ph, x: 0, width: 0, fill: "rgba(0,0,200,0.15)",
                                    "class": "brush"});
    s.appendChild(brush);
    node.appendChild(s);
    SITREP.legend(document.getElementById("legend"), order.map(function (t) { return [t, types[t]]; })
      .concat([["deaths (line)", "#000"]]));

    function svgX(ev) {
      var r = s.getBoundingClientRect();
      return (ev.clientX - r.left) / r.width * W;
    }
    function toDay(px) {
      var i = Math.floor((Math.min(Math.max(px, M.l), M.l + pw - 0.01) - M.l) / bw);
      return iso(t0 + i * DAY);
    }
    var start = null;
    s.addEventListener("mousedown", function (ev) { start = svgX(ev); ev.preventDefault(); });
    s.addEventListener("mousemove", function (ev) {
      if (start === null) return;
      var a = Math.min(start, svgX(ev)), b = Math.max(start, svgX(ev));
      brush.setAttribute("x", a); brush.setAttribute("width", b - a);
    });
    window.addEventListener("mouseup", function (ev) {
      if (start === null) return;
      var a = Math.min(start, svgX(ev)), b = Math.max(start, svgX(ev));
      start = null;
      var params = new URLSearchParams(window.location.search);
      params.set("since", toDay(a));
      params.set("until", toDay(b));
      window.location.search = params.toString();
    });
    node.setAttribute("data-ready", "1");
  });
})();

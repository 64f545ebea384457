/* Map: clustered event markers coloured by ACLED type over Natural Earth country outlines.
   No tiles: the only layers are the vendored outlines and the markers. */
"use strict";
(function () {
  var node = document.getElementById("map");
  var status = document.getElementById("map-status");
  var map = L.map(node, {worldCopyJump: true, minZoom: 1, maxZoom: 12}).setView([30, 20], 2);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Natural Earth");

  fetch("/static/vendor/world-atlas/countries-110m.json").then(function (r) { return r.json(); })
    .then(function (topo) {
      var outlines = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(outlines, {style: {color: "#888", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1},
                           interactive: false}).addTo(map).bringToBack();
    });

  function popup(p) {
    var box = SITREP.el("div", null, "popup");
    box.appendChild(SITREP.el("strong", p.type || "Unknown type"));
    if (p.sub_type) box.appendChild(SITREP.el("div", p.sub_type));
    var rows = [["Date", p.date], ["Place", p.place], ["Actors", (p.actors || []).join(", ")],
                ["Recipients", (p.recipients || []).join(", ")],
                ["Deaths", p.fatalities === null || p.fatalities === undefined ? "" : p.fatalities],
                ["Status", p.status]];
    var dl = SITREP.el("dl");
    rows.forEach(function (r) {
      if (r[1] === "" || r[1] === null || r[1] === undefined) return;
      dl.appendChild(SITREP.el("dt", r[0]));
      dl.appendChild(SITREP.el("dd", r[1]));
    });
    box.appendChild(dl);
    if (p.evidence) {
      var a = SITREP.el("a", "Evidence");
      a.href = p.evidence;
      a.className = "evidence";
      box.appendChild(a);
    }
    return box;
  }

  SITREP.load(node).then(function (data) {
    var cluster = L.markerClusterGroup({maxClusterRadius: 40});
    var types = {};
    data.points.forEach(function (p) {
      types[p.type || "Other"] = SITREP.color(p.type);
      var m = L.circleMarker([p.lat, p.lon], {radius: 7, color: "#222", weight: 1,
                                              fillColor: SITREP.color(p.type), fillOpacity: 0.9,
                                              className: "event-marker"});
      m.bindPopup(function () { return popup(p); });
      cluster.addLayer(m);
    });
    map.addLayer(cluster);
    if (data.points.length) map.fitBounds(cluster.getBounds(), {maxZoom: 7, padding: [30, 30]});
    SITREP.legend(document.getElementById("legend"), Object.keys(types).sort().map(function (t) { return [t, types[t]]; }));
    status.textContent = data.points.length + " located events shown (of " + data.total + " matching" +
      (data.scanned < data.total ? "; the map draws the " + data.scanned + " most recent" : "") + ").";
    node.setAttribute("data-ready", "1");
  }).catch(function (err) { status.textContent = "Could not load events: " + String(err && (err.stack || err.message) || err); });
})();

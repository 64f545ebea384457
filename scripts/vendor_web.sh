#!/bin/sh
# Reproduce src/sitrep/web/static/vendor/ from the npm registry (pinned versions).
# Only the built files the web app loads are copied, with each package's licence.
# Usage: scripts/vendor_web.sh   (needs npm; run from the repository root)
set -eu
OUT="$(cd "$(dirname "$0")/.." && pwd)/src/sitrep/web/static/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
    leaflet@1.9.4 leaflet.markercluster@1.5.3 world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null
M="$TMP/node_modules"
rm -rf "$OUT"
mkdir -p "$OUT/leaflet" "$OUT/markercluster" "$OUT/world-atlas" "$OUT/topojson-client"
cp "$M/leaflet/dist/leaflet.js" "$M/leaflet/dist/leaflet.css" "$M/leaflet/LICENSE" "$OUT/leaflet/"
cp "$M/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$M/leaflet.markercluster/dist/MarkerCluster.css" \
   "$M/leaflet.markercluster/dist/MarkerCluster.Default.css" \
   "$M/leaflet.markercluster/MIT-LICENCE.txt" "$OUT/markercluster/"
cp "$M/world-atlas/countries-110m.json" "$M/world-atlas/LICENSE" "$OUT/world-atlas/"
cp "$M/topojson-client/dist/topojson-client.min.js" "$M/topojson-client/LICENSE" "$OUT/topojson-client/"
cat > "$OUT/VERSIONS.txt" <<V
# source: npm registry, installed by scripts/vendor_web.sh
leaflet 1.9.4 (BSD-2-Clause)
leaflet.markercluster 1.5.3 (MIT)
world-atlas 2.0.2 (ISC; data: Natural Earth, public domain)
topojson-client 3.1.0 (ISC)
V
echo "vendored into $OUT"

// One activity: its deadlines and acts on a timeline, its places on a map with the zone.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("activity-data").textContent);
  // A link to one finding (…#independent-ch05.prior_notification) opens it.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.tagName === "DETAILS") target.open = true;
  const text = (s) => { const e = document.createElement("span"); e.textContent = s; return e; };

  // Axis labels in ISO form (2024-03), as every date on the pages.
  const isoAxis = {
    minorLabels: { millisecond: "SSS", second: "ss", minute: "HH:mm", hour: "HH:mm", weekday: "DD", day: "DD", week: "DD", month: "MM", year: "YYYY" },
    majorLabels: { millisecond: "HH:mm:ss", second: "YYYY-MM-DD HH:mm", minute: "YYYY-MM-DD", hour: "YYYY-MM-DD", weekday: "YYYY-MM", day: "YYYY-MM", week: "YYYY-MM", month: "YYYY", year: "" },
  };
  const tnode = document.getElementById("timeline");
  if (tnode && window.vis && data.timeline.length) {
    const items = data.timeline.map((e, i) => {
      const item = {
        id: i, content: text(e.label), start: e.date,
        title: e.label + (e.status ? " (" + e.status + ")" : ""),
        className: e.kind === "activity" ? "o-none" : "k-" + e.kind + " s-" + (e.status || "none"),
      };
      if (e.kind === "activity" && e.end) {
        const end = new Date(e.end + "T00:00:00Z"); end.setUTCDate(end.getUTCDate() + 1);
        item.end = end; item.type = "range";
      } else { item.type = "box"; }
      return item;
    });
    new vis.Timeline(tnode, new vis.DataSet(items), { stack: true, zoomable: true, maxHeight: 380, format: isoAxis });
  }

  const mnode = document.getElementById("map");
  if (!mnode || !window.L) return;
  const map = L.map(mnode, { attributionControl: true, worldCopyJump: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Borders: Natural Earth (public domain)");
  const points = data.locations.filter((p) => p.lat !== null && p.lon !== null);
  if (points.length) {
    const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lon]));
    map.fitBounds(bounds.pad(0.8), { maxZoom: 6 });
  } else {
    map.setView([54, 30], 3);
  }
  // Bottom to top: every country grey (outside the zone), the zone's land shaded over it,
  // the borders again on top (so the zone's fill does not hide them), the host's border
  // drawn heavy, the Ural line, and the places with their names.
  const get = (url) => fetch(url).then((r) => r.json());
  const hosts = new Set(data.host_states || []);
  Promise.all([get("/geo/countries.geojson"), get("/geo/zone.geojson")]).then(([countries, zone]) => {
    const area = { type: "FeatureCollection", features: zone.features.filter((f) => !f.geometry.type.includes("Line")) };
    const ural = { type: "FeatureCollection", features: zone.features.filter((f) => f.geometry.type.includes("Line")) };
    L.geoJSON(countries, { interactive: false, style: { className: "map-outside", stroke: false, fillColor: "#d9d9d9", fillOpacity: 1 } }).addTo(map);
    L.geoJSON(area, { interactive: false, style: { className: "map-zone", stroke: false, fillColor: "#f6e7b4", fillOpacity: 1 } }).addTo(map);
    L.geoJSON(countries, { interactive: false, style: { className: "map-border", color: "#7a7a7a", weight: 0.7, fill: false } }).addTo(map);
    L.geoJSON(area, { interactive: false, style: { className: "map-zone-edge", color: "#8a6d00", weight: 1.2, fill: false } }).addTo(map);
    L.geoJSON(ural, { interactive: false, style: { className: "map-ural", color: "#8e2c2c", weight: 2, dashArray: "6 4" } }).addTo(map);
    const host = { type: "FeatureCollection", features: countries.features.filter((f) => hosts.has(f.properties.iso3)) };
    const hostLayer = L.geoJSON(host, { interactive: false, style: { className: "map-host", color: "#1f3a5f", weight: 2.5, fill: false } }).addTo(map);
    // The view: the places and the whole of their host, so the places stand in context.
    if (host.features.length) {
      const b = hostLayer.getBounds();
      for (const p of points) b.extend([p.lat, p.lon]);
      map.fitBounds(b.pad(0.05), { maxZoom: 7 });
    }
    for (const p of points) {
      L.circleMarker([p.lat, p.lon], { radius: 6, color: "#c0392b", weight: 2, fillOpacity: 0.8 })
        // A permanent label, as text: a place name never becomes markup. How precise the
        // point is stands in the list under the map.
        .bindTooltip(text(p.name),
          { permanent: true, direction: "right", offset: [6, 0], className: "place-label" })
        .addTo(map);
    }
  });
})();

// One activity: its deadlines and acts on a timeline, its places on a map with the zone.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("activity-data").textContent);
  // A link to one finding (…#independent-ch05.prior_notification) opens it.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.tagName === "DETAILS") target.open = true;
  const text = (s) => { const e = document.createElement("span"); e.textContent = s; return e; };

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
    new vis.Timeline(tnode, new vis.DataSet(items), { stack: true, zoomable: true, maxHeight: 380 });
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
  const layer = (url, style, front) => fetch(url)
    .then((r) => r.json())
    .then((gj) => { const l = L.geoJSON(gj, { style: style, interactive: false }).addTo(map); if (!front) l.bringToBack(); });
  layer("/geo/countries.geojson", { color: "#777", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 }, false)
    .then(() => layer("/geo/zone.geojson", (f) => f.geometry.type.includes("Line")
      ? { color: "#8e2c2c", weight: 2, dashArray: "6 4" }
      : { color: "#1f3a5f", weight: 1.5, fillColor: "#1f3a5f", fillOpacity: 0.08 }, true))
    .then(() => {
      for (const p of points) {
        L.circleMarker([p.lat, p.lon], { radius: 7, color: "#c0392b", weight: 2, fillOpacity: 0.8 })
          .bindTooltip(text(p.name + (p.precision ? " (" + p.precision + ")" : "")))
          .addTo(map);
      }
    });
})();

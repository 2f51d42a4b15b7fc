// The activities timeline: one row per conducting State, zoomable (vis-timeline).
"use strict";
(function () {
  const node = document.getElementById("timeline");
  const data = JSON.parse(document.getElementById("timeline-data").textContent);
  if (!node || !window.vis || data.length === 0) return;
  const dayAfter = (iso) => { const d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1); return d; };
  const groups = [...new Set(data.map((x) => x.group))].sort().map((g) => ({ id: g, content: g }));
  const items = data.map((x) => {
    const label = document.createElement("span");
    label.textContent = x.label; // text, never HTML
    return {
      id: x.id, group: x.group, start: new Date(x.start + "T00:00:00Z"), end: dayAfter(x.end),
      content: label, title: x.label + " (" + x.start + " to " + x.end + ")",
      className: "o-" + (x.outcome || "none"), activity: x.activity,
    };
  });
  const timeline = new vis.Timeline(node, new vis.DataSet(items), new vis.DataSet(groups), {
    stack: true, zoomable: true, horizontalScroll: false, maxHeight: 520, xss: { disabled: false },
    // Rows from the top, with a scroll bar: anchored at the bottom, the first States were
    // cut off above the frame.
    verticalScroll: true, orientation: { axis: "top", item: "top" },
  });
  timeline.on("select", (props) => {
    const item = items.find((x) => x.id === props.items[0]);
    if (item) window.location.href = "/activities/" + encodeURIComponent(item.activity);
  });
})();

// The activities timeline: one row per conducting State, coloured by the headline's
// prior-notification line, the busiest States first, opening on the latest years.
"use strict";
(function () {
  const node = document.getElementById("timeline");
  const data = JSON.parse(document.getElementById("timeline-data").textContent);
  if (!node || !window.vis || data.items.length === 0) return;
  const day = (iso) => new Date(iso + "T00:00:00Z");
  const dayAfter = (iso) => { const d = day(iso); d.setUTCDate(d.getUTCDate() + 1); return d; };
  const latest = {};
  for (const x of data.items) if (!latest[x.group] || x.end > latest[x.group]) latest[x.group] = x.end;
  const orders = {
    count: data.states.map((s) => s.code),
    code: data.states.map((s) => s.code).sort(),
    latest: data.states.map((s) => s.code).sort((a, b) => (latest[b] > latest[a]) - (latest[b] < latest[a]) || (a < b ? -1 : 1)),
  };
  const counts = Object.fromEntries(data.states.map((s) => [s.code, s.count]));
  const groupsFor = (order) => orders[order].map((code, i) => {
    const label = document.createElement("span");
    label.textContent = code + " (" + counts[code] + ")";
    return { id: code, content: label, order: i };
  });
  const groups = new vis.DataSet(groupsFor("count"));
  const items = data.items.map((x) => {
    const label = document.createElement("span");
    label.textContent = x.label; // text, never HTML
    // The hover text: a text node too, so that no name or source can inject markup.
    const tip = document.createElement("div");
    const head = document.createElement("strong");
    head.textContent = x.label + " (" + x.group + ", " + x.start + " to " + x.end + ")";
    tip.appendChild(head);
    tip.appendChild(document.createElement("br"));
    tip.appendChild(document.createTextNode(x.headline || "No prior-notification finding."));
    return {
      id: x.id, group: x.group, start: day(x.start), end: dayAfter(x.end),
      content: label, title: tip, className: "t-" + x.tone, activity: x.activity,
    };
  });
  // Axis labels in ISO form (2024-03), as every date on the pages.
  const isoAxis = {
    minorLabels: { millisecond: "SSS", second: "ss", minute: "HH:mm", hour: "HH:mm", weekday: "DD", day: "DD", week: "DD", month: "MM", year: "YYYY" },
    majorLabels: { millisecond: "HH:mm:ss", second: "YYYY-MM-DD HH:mm", minute: "YYYY-MM-DD", hour: "YYYY-MM-DD", weekday: "YYYY-MM", day: "YYYY-MM", week: "YYYY-MM", month: "YYYY", year: "" },
  };
  const options = {
    format: isoAxis,
    stack: true, zoomable: true, horizontalScroll: false, maxHeight: 560, xss: { disabled: false },
    // Rows from the top, with a scroll bar: anchored at the bottom, the first States were
    // cut off above the frame.
    verticalScroll: true, orientation: { axis: "top", item: "top" }, groupOrder: "order",
    tooltip: { followMouse: true, overflowMethod: "cap" },
  };
  if (data.window) { options.start = day(data.window.start); options.end = day(data.window.end); }
  const timeline = new vis.Timeline(node, new vis.DataSet(items), groups, options);
  timeline.on("select", (props) => {
    const item = items.find((x) => x.id === props.items[0]);
    if (item) window.location.href = "/activities/" + encodeURIComponent(item.activity);
  });
  const order = document.getElementById("timeline-order");
  if (order) order.addEventListener("change", () => { groups.update(groupsFor(order.value)); });
  const years = document.getElementById("timeline-years");
  if (years) years.addEventListener("change", () => {
    const v = years.value;
    const w = v === "window" ? data.window : v === "all" ? data.all
      : { start: v + "-01-01", end: (Number(v) + 1) + "-01-01" };
    if (w) timeline.setWindow(day(w.start), day(w.end), { animation: false });
  });
})();

// A rule's parameters over time: one small stepped chart per parameter (Chart.js).
"use strict";
(function () {
  if (!window.Chart) return;
  const series = JSON.parse(document.getElementById("chart-data").textContent);
  for (const canvas of document.querySelectorAll("canvas.param-chart")) {
    const s = series.find((x) => x.path === canvas.dataset.path);
    if (!s || !s.points.some((p) => p.value !== null)) { canvas.hidden = true; continue; }
    new Chart(canvas, {
      type: "line",
      data: {
        labels: s.points.map((p) => p.since),
        datasets: [{ label: s.path + (s.unit ? " (" + s.unit + ")" : ""), data: s.points.map((p) => p.value), stepped: true, spanGaps: false }],
      },
      options: { animation: false, responsive: false, plugins: { legend: { display: true } } },
    });
  }
})();

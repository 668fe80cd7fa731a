/* Draws every chart on the page from the series the server computed (passed with json_script).
   One script for all pages: a <canvas data-chart="ID-data"> reads <script id="ID-data">. */
(function () {
  "use strict";
  // the filters start folded on phones, open on wider screens
  if (window.matchMedia("(min-width: 800px)").matches) {
    document.querySelectorAll("details.filters-box").forEach(function (box) { box.open = true; });
  }
  if (typeof Chart === "undefined") return;

  var COLOURS = ["#0057b7", "#e0a100", "#6b7280", "#b42318"];
  var eur = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
  var plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

  function format(measure, value) {
    if (value === null || value === undefined) return "unknown";
    if (measure === "value") return "€" + eur.format(value);
    if (measure === "days") return plain.format(value) + " days";
    return plain.format(value);
  }

  function draw(canvas) {
    var spec = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
    // a horizontal bar chart is as tall as its bars need (.chart-canvas--tall reads --rows); set here,
    // not in a style attribute, which the Content-Security-Policy refuses
    var box = canvas.parentElement;
    if (box.dataset.rows) box.style.setProperty("--rows", box.dataset.rows);
    var datasets = spec.datasets.map(function (set, index) {
      var colour = spec.type === "bar" && set.label.indexOf("Not") === 0 ? "#d0d5dd" : COLOURS[index % COLOURS.length];
      return Object.assign({}, set, {
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: spec.type === "line" ? 2 : 0,
        pointRadius: spec.type === "line" ? 2 : undefined,
        stepped: spec.type === "line" ? "before" : undefined,
        spanGaps: false,
      });
    });
    var valueAxis = {
      beginAtZero: true,
      stacked: datasets.some(function (set) { return set.stack; }),
      title: { display: true, text: spec.axis },
      ticks: { callback: function (value) { return format(spec.measure, value); } },
    };
    var labelAxis = spec.timeAxis
      ? { type: "time", time: { unit: "month", tooltipFormat: "MMM yyyy" } }
      : { ticks: { autoSkip: false }, stacked: valueAxis.stacked };
    var scales = spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis };
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: scales,
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (item) { return item.dataset.label + ": " + format(spec.measure, item.raw); },
            },
          },
        },
      },
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();

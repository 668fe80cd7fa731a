/* Draws every chart on the page from the series the server computed (passed with json_script).
   One script for all pages: a <canvas data-chart="ID-data"> reads <script id="ID-data">. */
(function () {
  "use strict";
  // the filters start folded on phones, open on wider screens
  if (window.matchMedia("(min-width: 800px)").matches) {
    document.querySelectorAll("details.filters-box").forEach(function (box) { box.open = true; });
  }
  if (typeof Chart === "undefined") return;
  document.documentElement.classList.add("charts-drawn"); // the PNG links work from here on

  var COLOURS = ["#0057b7", "#e0a100", "#6b7280", "#b42318"];
  var eur = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
  var plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

  function format(measure, value) {
    if (value === null || value === undefined) return "unknown";
    if (measure === "value") return "€" + eur.format(value);
    if (measure === "days") return plain.format(value) + " days";
    return plain.format(value);
  }

  // a long name on lines of at most LINE characters, so a phone shows it whole instead of cutting it
  var LINE = window.matchMedia("(min-width: 800px)").matches ? 40 : 18;
  function wrap(label) {
    var lines = [""];
    String(label).split(" ").forEach(function (word) {
      var last = lines.length - 1;
      if (lines[last] && (lines[last] + " " + word).length > LINE) lines.push(word);
      else lines[last] = lines[last] ? lines[last] + " " + word : word;
    });
    return lines;
  }

  // the canvas is transparent: paint it white so a downloaded PNG reads on any background
  var WHITE_BACKGROUND = {
    id: "whiteBackground",
    beforeDraw: function (chart) {
      var context = chart.ctx;
      context.save();
      context.globalCompositeOperation = "destination-over";
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, chart.width, chart.height);
      context.restore();
    },
  };

  function draw(canvas) {
    var spec = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
    if (spec.horizontal) {
      // a bar per label: the box grows with the labels (set here, not in a style attribute the CSP refuses)
      var rows = spec.labels.reduce(function (sum, label) { return sum + Math.max(1.9, wrap(label).length * 1.2); }, 0);
      canvas.parentElement.style.height = 4 + rows + "rem";
    }
    var datasets = spec.datasets.map(function (set, index) {
      var colour = spec.type === "bar" && set.label.indexOf("Not") === 0 ? "#d0d5dd" : COLOURS[index % COLOURS.length];
      return Object.assign({}, set, {
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: spec.type === "line" ? 2 : 0,
        pointRadius: spec.type === "line" ? 3 : undefined,
        stepped: spec.type === "line" ? "before" : undefined,
        spanGaps: false,
      });
    });
    var valueAxis = {
      beginAtZero: true,
      stacked: datasets.some(function (set) { return set.stack; }),
      title: { display: true, text: spec.axis },
      ticks: {
        // deliveries and units are whole: no tick at 0.5
        precision: spec.measure === "count" || spec.measure === "units" ? 0 : undefined,
        callback: function (value) { return format(spec.measure, value); },
      },
    };
    var labelAxis = spec.timeAxis
      ? { type: "time", time: { unit: "month", tooltipFormat: "MMM yyyy" } }
      : {
          ticks: {
            autoSkip: false,
            callback: function (value) { return wrap(this.getLabelForValue(value)); },
          },
          stacked: valueAxis.stacked,
        };
    var scales = spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis };
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      plugins: [WHITE_BACKGROUND],
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

  // a PNG needs the drawn canvas: the link exists for every chart, and works once the chart is drawn
  function offerPng(link) {
    link.addEventListener("click", function () {
      var chart = Chart.getChart(link.dataset.pngFor);
      if (chart) link.href = chart.toBase64Image("image/png");
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
  document.querySelectorAll("a[data-png-for]").forEach(offerPng);
})();

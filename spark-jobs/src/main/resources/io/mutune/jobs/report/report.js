// Draws every chart of the page with vega-embed (SVG, so that each mark is an element a test can find
// and hover) and records the outcome on the page: data-rendered on each chart, data-charts="done" on
// the body when all have settled, and window.mutuneReport for anything that failed.
(function () {
  const specs = JSON.parse(document.getElementById('mutune-charts').textContent);
  const report = { rendered: 0, failed: [] };
  window.mutuneReport = report;
  const jobs = Object.keys(specs).map(function (id) {
    const el = document.getElementById('chart-' + id);
    return vegaEmbed(el, specs[id], { renderer: 'svg', actions: false })
      .then(function () { el.dataset.rendered = 'true'; report.rendered++; })
      .catch(function (e) { report.failed.push(id + ': ' + e); console.error('chart ' + id + ' failed: ' + e); });
  });
  Promise.allSettled(jobs).then(function () { document.body.dataset.charts = 'done'; });
})();

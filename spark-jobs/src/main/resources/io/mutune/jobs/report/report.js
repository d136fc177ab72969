// Draws the charts of every mutune chart block on the page with vega-embed (SVG, so that each mark
// is an element a test can find and hover) and records the outcome on the page: data-rendered on
// each chart, data-charts="done" on the body when all have settled, and window.mutuneReport for any
// that failed. A block is drawn once, however many copies of this script a page has (notebooks).
(function () {
  const report = window.mutuneReport || (window.mutuneReport = { rendered: 0, failed: [] });
  const jobs = [];
  document.querySelectorAll('script.mutune-charts:not([data-drawn])').forEach(function (block) {
    block.dataset.drawn = 'true';
    const specs = JSON.parse(block.textContent);
    Object.keys(specs).forEach(function (id) {
      const el = document.getElementById('chart-' + id);
      jobs.push(vegaEmbed(el, specs[id], { renderer: 'svg', actions: false })
        .then(function () { el.dataset.rendered = 'true'; report.rendered++; })
        .catch(function (e) { report.failed.push(id + ': ' + e); console.error('chart ' + id + ' failed: ' + e); }));
    });
  });
  Promise.allSettled(jobs).then(function () { document.body.dataset.charts = 'done'; });
})();

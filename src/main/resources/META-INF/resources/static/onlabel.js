// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // A select marked "autosubmit" (the lineage depth and direction) redraws the page when changed.
  document.querySelectorAll('select.autosubmit').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  document.querySelectorAll('figure.lineage').forEach(addZoomControls);
});

// Zoom buttons for a lineage diagram: the SVG keeps its viewBox, so scaling its width and height zooms it, and the
// scroll region around it pans. "Fit" shrinks a large graph to the region's width (never enlarges a small one).
function addZoomControls(figure) {
  var svg = figure.querySelector('svg.lineage-svg');
  var region = figure.querySelector('.lineage-scroll');
  if (!svg || !region) { return; }
  var width = Number(svg.getAttribute('width'));
  var height = Number(svg.getAttribute('height'));
  var scale = 1;
  function apply(next) {
    scale = Math.min(4, Math.max(0.1, next));
    svg.setAttribute('width', String(Math.round(width * scale)));
    svg.setAttribute('height', String(Math.round(height * scale)));
    status.textContent = Math.round(scale * 100) + ' %';
  }
  function button(text, label, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', action);
    return b;
  }
  var bar = document.createElement('div');
  bar.className = 'zoom-controls';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Zoom the lineage graph');
  var status = document.createElement('span');
  status.className = 'zoom-level';
  status.setAttribute('aria-live', 'polite');
  status.textContent = '100 %';
  bar.appendChild(button('−', 'Zoom out', function () { apply(scale / 1.25); }));
  bar.appendChild(button('+', 'Zoom in', function () { apply(scale * 1.25); }));
  bar.appendChild(button('Fit', 'Fit the graph to the width', function () {
    apply(Math.min(1, (region.clientWidth - 4) / width));
  }));
  bar.appendChild(status);
  figure.insertBefore(bar, region);
}

// Progressive enhancement only: every page works without this file.
// A select marked "autosubmit" (the lineage depth and direction) redraws the page when changed.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select.autosubmit').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
});

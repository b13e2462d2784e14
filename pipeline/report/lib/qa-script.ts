/**
 * The QA page's script. Takes: nothing (it reads the page: each finding's
 * `data-severity` and `data-search`). Returns: the script's source, a
 * constant with no data in it.
 *
 * It shows the filters (hidden without script, so the page without script
 * shows every finding), then on every change hides the findings whose
 * severity is unchecked or that miss a typed word (folded as `fold` folds),
 * and the rule groups and files left empty. `/` focuses the filter, Escape
 * clears it. The count goes to a live region.
 */
export const qaScript = String.raw`(function () {
  'use strict';
  var filters = document.querySelector('.filters');
  if (!filters) return;
  filters.hidden = false;
  var search = document.getElementById('q'), count = document.getElementById('count'), empty = document.getElementById('empty');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=severity]'));
  var items = Array.prototype.slice.call(document.querySelectorAll('li[data-severity]'));
  var fold = function (text) { return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim(); };

  function apply() {
    var words = fold(search.value).split(' ').filter(Boolean);
    var wanted = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    var shown = 0;
    items.forEach(function (item) {
      var data = item.dataset;
      item.hidden = wanted.indexOf(data.severity) === -1 || !words.every(function (word) { return data.search.indexOf(word) !== -1; });
      if (!item.hidden) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('.rule-group, section.file'), function (group) {
      group.hidden = !group.querySelector('li[data-severity]:not([hidden])');
    });
    empty.hidden = shown > 0 || items.length === 0;
    count.textContent = 'Showing ' + shown + ' of ' + items.length + ' finding' + (items.length === 1 ? '' : 's');
  }

  search.addEventListener('input', apply);
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  search.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    if (search.value) { search.value = ''; apply(); } else search.blur();
    event.preventDefault();
  });
  document.addEventListener('keydown', function (event) {
    var tag = event.target && event.target.tagName;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    event.preventDefault();
    search.focus();
    search.select();
  });
  apply();
})();
`

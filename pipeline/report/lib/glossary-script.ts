/**
 * The glossary review page's script. Takes: nothing (it reads the page: the
 * concepts' `data-*` attributes and the toolbar). Returns: the script's
 * source, a constant with no data in it.
 *
 * It shows the toolbar (hidden without script, so the page without script
 * simply shows everything), then on every change: search (words folded as
 * `fold` folds them, each must be in the concept's `data-search`), locale
 * (term rows, renderings and violations of that locale only, the source row
 * kept), term status (concepts with a term of that status, in that locale if
 * one is chosen), "has violations" (concepts with one, in that locale if one
 * is chosen, showing only the occurrences that have one), "has source
 * findings", "in the sources", and sort. `/` focuses the search, Escape
 * clears it. The counts go to a live region.
 */
export const glossaryScript = String.raw`(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var toolbar = document.querySelector('.toolbar');
  if (!toolbar) return;
  toolbar.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll('.results [hidden]'), function (item) { item.hidden = false; });
  var search = byId('q'), locale = byId('locale'), status = byId('status'), violations = byId('violations'),
    findings = byId('findings'), used = byId('used'), sort = byId('sort'), count = byId('count'), empty = byId('empty'), main = byId('concepts');
  var concepts = Array.prototype.slice.call(document.querySelectorAll('article.concept'));
  var index = document.querySelector('.index ol');
  var entries = {};
  Array.prototype.forEach.call(document.querySelectorAll('.index li[data-concept]'), function (item) { entries[item.getAttribute('data-concept')] = item; });
  var fold = function (text) { return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim(); };
  var tokens = function (value) { return value ? value.split(' ') : []; };
  var plural = function (n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); };
  var each = function (root, selector, action) { Array.prototype.forEach.call(root.querySelectorAll(selector), action); };

  function violatedIn(list, lng) {
    return lng ? list.indexOf(lng) !== -1 : list.length > 0;
  }

  function apply() {
    var words = fold(search.value).split(' ').filter(Boolean);
    var lng = locale.value, wanted = status.value;
    var shown = 0, occurrences = 0;
    concepts.forEach(function (concept) {
      var data = concept.dataset;
      var visible = words.every(function (word) { return data.search.indexOf(word) !== -1; }) &&
        (!wanted || tokens(data.status).some(function (token) {
          var parts = token.split(':');
          return parts[1] === wanted && (!lng || parts[0] === lng);
        })) &&
        (!violations.checked || violatedIn(tokens(data.violations), lng)) &&
        (!findings.checked || Number(data.findings) > 0) &&
        (!used.checked || Number(data.occurrences) > 0);
      concept.hidden = !visible;
      if (entries[concept.id.slice(8)]) entries[concept.id.slice(8)].hidden = !visible;
      if (!visible) return;
      shown++;
      each(concept, 'tr[data-locale]', function (row) { row.hidden = Boolean(lng) && !row.hasAttribute('data-source') && row.getAttribute('data-locale') !== lng; });
      each(concept, '[data-locale]:not(tr)', function (item) { item.hidden = Boolean(lng) && item.getAttribute('data-locale') !== lng; });
      each(concept, 'li.occurrence', function (item) {
        var hide = violations.checked && !violatedIn(tokens(item.getAttribute('data-violations')), lng);
        item.hidden = hide;
        if (!hide) occurrences++;
      });
    });
    empty.hidden = shown > 0;
    count.textContent = 'Showing ' + shown + ' of ' + plural(concepts.length, 'concept') + ' \u00b7 ' + plural(occurrences, 'occurrence');
  }

  function order() {
    var key = sort.value;
    var name = function (concept) { return concept.querySelector('h2').textContent; };
    var number = function (concept, field) { return Number(concept.dataset[field]); };
    var sorted = concepts.slice().sort(function (a, b) {
      var by = key === 'name' ? name(a).localeCompare(name(b)) :
        key === 'occurrences' ? number(b, 'occurrences') - number(a, 'occurrences') :
        key === 'violations' ? number(b, 'violationCount') - number(a, 'violationCount') : 0;
      return by || number(a, 'order') - number(b, 'order');
    });
    sorted.forEach(function (concept) {
      main.insertBefore(concept, empty);
      var entry = entries[concept.id.slice(8)];
      if (entry && index) index.appendChild(entry);
    });
  }

  search.addEventListener('input', apply);
  [locale, status, violations, findings, used].forEach(function (control) { control.addEventListener('change', apply); });
  sort.addEventListener('change', function () { order(); apply(); });
  search.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    if (search.value) { search.value = ''; apply(); } else search.blur();
    event.preventDefault();
  });
  document.addEventListener('keydown', function (event) {
    var target = event.target, tag = target && target.tagName;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    event.preventDefault();
    search.focus();
    search.select();
  });
  apply();
})();
`

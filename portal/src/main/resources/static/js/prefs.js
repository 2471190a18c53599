// Applies the reader's text size and contrast before the page is drawn (no flash of the wrong
// theme); portal.js changes and stores them.
(function () {
  try {
    var size = localStorage.getItem('portal.textSize');
    if (size) { document.documentElement.setAttribute('data-text-size', size); }
    if (localStorage.getItem('portal.contrast') === 'high') {
      document.documentElement.setAttribute('data-contrast', 'high');
    }
  } catch (e) { /* storage blocked: defaults */ }
})();

// The award form as one types: each text's counter "123/500字" counted as the server counts (one per grapheme, trimmed, NFC;
// code points where Intl.Segmenter is missing), red over the limit; a direction's sections shown when it is ticked. The
// server's count is the one shown after each save.
(function () {
  var segmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null;
  function count(text) {
    text = text.trim().normalize('NFC');
    return segmenter ? Array.from(segmenter.segment(text)).length : Array.from(text).length;
  }
  document.querySelectorAll('.award-form textarea').forEach(function (field) {
    var out = document.querySelector('[data-count-for="' + field.id + '"]');
    if (!out) return;
    var max = field.hasAttribute('data-max') ? Number(field.getAttribute('data-max')) : null;
    function show() {
      var n = count(field.value);
      out.textContent = max === null ? n + '字' : n + '/' + max + '字';
      out.classList.toggle('over', max !== null && n > max);
    }
    field.addEventListener('input', show);
    show();
  });
  document.querySelectorAll('[data-direction-box]').forEach(function (box) {
    var section = document.querySelector('fieldset[data-direction="' + box.value + '"]');
    if (!section) return;
    box.addEventListener('change', function () { section.hidden = !box.checked; });
  });
})();

// The diagnosis report editor. Counts each part and the whole as the server does (Word's 字符数不计空格: one per grapheme,
// whitespace not counted). Keeps a copy of the form in localStorage at every change, so a dropped network, an expired
// session or a refused save loses nothing; saves the report every 30 s and when the page is left, carrying the version it
// read: a save refused because another tab saved first (409) is told, autosave stops, and the text stays in the page and
// in the copy. A copy newer than what the server rendered is put back when the page opens, with a note.
(function () {
  var form = document.querySelector('form.report-form[data-save-url]');
  if (!form || !window.fetch) return;
  var url = form.getAttribute('data-save-url');
  var copyKey = form.getAttribute('data-copy-key');
  var olderKey = copyKey + ':older';
  var serverSavedAt = Number(form.getAttribute('data-saved-at') || 0);
  var versionField = form.querySelector('input[name="Version"]');
  var status = document.getElementById('draft-status');
  var totalBox = document.getElementById('report-count');
  var minimum = Number(totalBox.getAttribute('data-min') || 0);
  var skip = { __RequestVerificationToken: 1, Version: 1, op: 1 };
  // The page itself may be a refusal of a stale 保存: what it shows back was refused.
  var stale = form.hasAttribute('data-refused'), expired = false, sending = false, submitting = false;

  var segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null;
  function count(text) {
    var n = 0, parts = segmenter ? Array.from(segmenter.segment(text.normalize('NFC')), function (s) { return s.segment; }) : Array.from(text);
    parts.forEach(function (g) { if (!/^\s+$/u.test(g)) n++; });
    return n;
  }
  function recount(part) {
    var n = 0;
    form.querySelectorAll('[data-part="' + part + '"]').forEach(function (el) { n += count(el.value || ''); });
    var out = document.querySelector('[data-part-count="' + part + '"]');
    if (out) out.textContent = n;
    var total = 0;
    document.querySelectorAll('[data-part-count]').forEach(function (el) { total += Number(el.textContent) || 0; });
    var shown = document.getElementById('report-total'), verdict = document.getElementById('report-verdict');
    var ok = total >= minimum;
    shown.textContent = total.toLocaleString('en-US');
    shown.className = ok ? 'pass' : 'fail';
    verdict.className = ok ? 'pass' : 'fail';
    verdict.textContent = ok ? '已达到' : '还差' + (minimum - total).toLocaleString('en-US') + '字';
  }

  function fields() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) { if (!skip[name]) pairs.push([name, String(value)]); });
    return pairs;
  }
  var lastPosted = JSON.stringify(fields());
  function changed() { return JSON.stringify(fields()) !== lastPosted; }

  // refused: a save of this text was refused as stale, so it is offered back whatever the clocks say.
  function keepCopy(refused) {
    store(copyKey, { at: Date.now(), version: versionField.value, fields: fields(), refused: !!refused || stale });
  }
  function dropCopy() { try { localStorage.removeItem(copyKey); } catch (e) { /* ignore */ } }

  function say(text, isError, link) { window.DxPilotDraftStatus.say(status, text, isError, link); }

  // A copy newer than the saved report goes back into the form and is saved at once: the last save sent as the page was
  // left may land after the page was drawn again, and saving now (the server takes a save that changes nothing as done)
  // keeps this page on the newest version before anything more is typed. One written on an older version (another tab
  // saved since) is not put over the newer text unasked: it is set aside (its own key, so typing here does not overwrite
  // it) and offered on every opening until it is put back or let go.
  function restore() {
    var copy = read(copyKey), restored = null;
    if (copy && copy.fields && JSON.stringify(copy.fields) !== lastPosted) {
      if (copy.at <= serverSavedAt && !copy.refused) dropCopy();          // saved by this tab's 保存 since
      else if (String(copy.version) !== versionField.value) { store(olderKey, copy); dropCopy(); }
      else { put(copy); if (!copy.refused) restored = copy; }
    }
    var older = read(olderKey);
    if (older && older.fields) offer(older);
    else if (restored) post(restoredNote(restored));
  }

  function offer(older) {
    window.DxPilotDraftStatus.offer(status, older.at, function () { put(older); },
      function () { try { localStorage.removeItem(olderKey); } catch (e) { /* ignore */ } });
  }

  function read(key) { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; } }
  function store(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or off */ } }

  function put(copy) {
    var values = {}, missing = 0;
    copy.fields.forEach(function (p) { (values[p[0]] = values[p[0]] || []).push(p[1]); });
    Object.keys(values).forEach(function (name) { if (!form.elements[name]) missing++; });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || skip[el.name] || el.type === 'submit' || el.type === 'hidden') return;
      var v = values[el.name] || [];
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = v.indexOf(el.value) >= 0;
      else el.value = v.length ? v[0] : '';
    });
    say(restoredNote(copy) + '请检查后保存。' + (missing ? '有' + missing + '处内容所在的表格行已不在页面上，未能恢复。' : ''), false);
    document.querySelectorAll('[data-part-count]').forEach(function (el) { recount(el.getAttribute('data-part-count')); });
    keepCopy();
  }

  function restoredNote(copy) {
    return '已恢复您在本页填写但尚未保存的内容（' + window.DxPilotDraftStatus.when(copy.at) + '）。';
  }

  function body() {
    var data = new FormData(form);
    data.delete('op');
    return data;
  }

  // before: said ahead of the server's note when the save is done.
  function post(before) {
    sending = true;
    var sent = JSON.stringify(fields());
    return fetch(url, { method: 'POST', body: body(), credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 401) {
          expired = true;
          say('登录已超时，报告暂未保存；您填写的内容已保留在本页和本机浏览器中，重新登录后会恢复。', true,
            { href: form.getAttribute('data-login-url'), text: '重新登录' });
          return;
        }
        return r.json().then(function (j) {
          if (r.status === 409) { stale = true; keepCopy(true); say(j.title + ' 您填写的内容仍在本页，并已保存在本机浏览器中。', true); return; }
          if (!r.ok) { say((j.title || '报告未能保存') + (j.errors ? '：' + Object.values(j.errors).flat().slice(0, 2).join('；') : ''), true); return; }
          versionField.value = j.version;
          lastPosted = sent;
          expired = false;
          if (!changed()) dropCopy();
          say((before || '') + j.note);
        });
      })
      .catch(function () { say('网络连接中断，报告暂未保存到服务器；您填写的内容保留在本页和本机浏览器中。', true); })
      .finally(function () { sending = false; });
  }

  restore();
  if (stale) keepCopy(true);
  document.querySelectorAll('[data-part-count]').forEach(function (el) { recount(el.getAttribute('data-part-count')); });
  if (changed()) keepCopy();
  form.addEventListener('input', function (e) {
    keepCopy();
    var part = e.target.getAttribute && e.target.getAttribute('data-part');
    if (part) recount(part);
  });
  form.addEventListener('change', function () { keepCopy(); });
  form.addEventListener('submit', function () { keepCopy(); submitting = true; });

  setInterval(function () { if (!sending && !submitting && !stale && !expired && changed()) post(); }, 30000);

  window.addEventListener('pagehide', function () {
    if (submitting || stale || expired || !changed() || !navigator.sendBeacon) return;
    navigator.sendBeacon(url, body());
  });
})();

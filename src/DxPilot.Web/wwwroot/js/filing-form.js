// The filing form (Features/Filings/FilingEdit.razor). Counts each text as the server does (one per grapheme: a CJK character
// or an emoji is 1; the server decides). Keeps a copy of the answers in localStorage at every change, so a dropped network, an
// expired session or a refused save loses nothing; saves them every 30 s and when the page is left through PUT /api/filings/{id}
// with the version read: a save refused because someone saved first (409) is told, autosave stops, and the text stays in the
// page and in the copy. A copy newer than what the server rendered is put back when the page opens, with a note, or offered
// when someone has saved over it since.
(function () {
  var form = document.querySelector('form.filing-form[data-save-url]');
  if (!form || !window.fetch) return;
  var prefix = 'a.';
  var url = form.getAttribute('data-save-url');
  var copyKey = form.getAttribute('data-copy-key');
  var olderKey = copyKey + ':older';
  var serverSavedAt = Number(form.getAttribute('data-saved-at') || 0);
  var versionField = form.querySelector('input[name="Version"]');
  var token = form.querySelector('input[name="__RequestVerificationToken"]');
  var status = document.getElementById('draft-status');
  // The page itself may be a refusal of a stale 保存: what it shows back was refused.
  var stale = form.hasAttribute('data-refused'), expired = false, sending = false, submitting = false;

  var segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null;
  function count(text) {
    text = text.trim().normalize('NFC');
    return segmenter ? Array.from(segmenter.segment(text)).length : Array.from(text).length;
  }
  function recount(field) {
    var out = document.querySelector('[data-count-for="' + field.id + '"]');
    if (!out) return;
    var max = Number(field.getAttribute('data-max')), n = count(field.value);
    out.textContent = '不超过' + max + '字，已写' + n + '字' + (n > max ? '，超出' + (n - max) + '字' : '');
    out.classList.toggle('over', n > max);
  }

  // The answers as the server takes them: every key of the sections this viewer fills (an unticked box clears its answer),
  // several ticked values one per line.
  function answers() {
    var map = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name.indexOf(prefix) !== 0 || el.disabled) return;
      var key = el.name.substring(prefix.length);
      if (!(key in map)) map[key] = [];
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) return;
      if (el.value) map[key].push(el.value);
    });
    var result = {};
    Object.keys(map).forEach(function (k) { result[k] = map[k].join('\n'); });
    return result;
  }
  var lastPosted = JSON.stringify(answers());
  function changed() { return JSON.stringify(answers()) !== lastPosted; }

  function read(key) { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; } }
  function store(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or off */ } }
  function keepCopy(refused) {
    store(copyKey, { at: Date.now(), version: versionField.value, answers: answers(), refused: !!refused || stale });
  }
  function dropCopy() { try { localStorage.removeItem(copyKey); } catch (e) { /* ignore */ } }
  function say(text, isError, link) { window.DxPilotDraftStatus.say(status, text, isError, link); }

  function put(copy) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name.indexOf(prefix) !== 0 || el.disabled) return;
      var key = el.name.substring(prefix.length);
      if (!(key in copy.answers)) return;
      var v = copy.answers[key] ? copy.answers[key].split('\n') : [];
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = v.indexOf(el.value) >= 0;
      else el.value = copy.answers[key];
    });
    form.querySelectorAll('[data-max]').forEach(recount);
    say(restoredNote(copy) + '请检查后保存。');
    keepCopy();
  }
  function restoredNote(copy) {
    return '已恢复您在本页填写但尚未保存的内容（' + window.DxPilotDraftStatus.when(copy.at) + '）。';
  }

  // A copy newer than the saved answers goes back into the form and is saved at once: the last save sent as the page was
  // left may land after the page was drawn again, and saving now (the server takes a save that changes nothing as done)
  // keeps this page on the newest version before anything more is typed. One saved since by this tab is let go; one
  // written on an older version (someone saved since) is not put over the newer answers unasked: it is set aside (its own
  // key, so typing here does not overwrite it) and offered on every opening until it is put back or let go.
  function restore() {
    var copy = read(copyKey), restored = null;
    if (copy && copy.answers && JSON.stringify(copy.answers) !== lastPosted) {
      if (copy.at <= serverSavedAt && !copy.refused) dropCopy();
      else if (String(copy.version) !== versionField.value) { store(olderKey, copy); dropCopy(); }
      else { put(copy); if (!copy.refused) restored = copy; }
    }
    var older = read(olderKey);
    if (older && older.answers)
      window.DxPilotDraftStatus.offer(status, older.at, function () { put(older); },
        function () { try { localStorage.removeItem(olderKey); } catch (e) { /* ignore */ } });
    else if (restored) post(restoredNote(restored));
  }

  function send(keepalive) {
    return fetch(url, {
      method: 'PUT', credentials: 'same-origin', keepalive: !!keepalive,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': token ? token.value : '' },
      body: JSON.stringify({ answers: answers(), version: Number(versionField.value) }),
    });
  }

  // before: said ahead of the note when the save is done.
  function post(before) {
    sending = true;
    var sent = JSON.stringify(answers());
    return send(false)
      .then(function (r) {
        if (r.status === 401) {
          expired = true;
          say('登录已超时，申请表暂未保存；您填写的内容已保留在本页和本机浏览器中，重新登录后会恢复。', true,
            { href: form.getAttribute('data-login-url'), text: '重新登录' });
          return;
        }
        return r.json().then(function (j) {
          if (r.status === 409) { stale = true; keepCopy(true); say(j.title + ' 您填写的内容仍在本页，并已保存在本机浏览器中。', true); return; }
          if (!r.ok) {
            var problems = j.errors ? Object.values(j.errors).flat() : [];
            say('自动保存未成功' + (problems.length ? '：' + problems.slice(0, 2).join('；') + (problems.length > 2 ? '等' : '') : '') + '。内容保留在本页，点“保存”可看到每项的提示。', true);
            return;
          }
          versionField.value = j.version;
          lastPosted = sent;
          expired = false;
          if (!changed()) dropCopy();
          say((before || '') + '已自动保存（' + new Date().toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }) + '）。');
        });
      })
      .catch(function () { say('网络连接中断，申请表暂未保存到服务器；您填写的内容保留在本页和本机浏览器中。', true); })
      .finally(function () { sending = false; });
  }

  restore();
  if (stale) keepCopy(true);
  form.querySelectorAll('[data-max]').forEach(recount);
  if (changed()) keepCopy();
  form.addEventListener('input', function (e) {
    keepCopy();
    if (e.target.hasAttribute && e.target.hasAttribute('data-max')) recount(e.target);
  });
  form.addEventListener('change', function () { keepCopy(); });
  form.addEventListener('submit', function () { keepCopy(); submitting = true; });

  setInterval(function () { if (!sending && !submitting && !stale && !expired && changed()) post(); }, 30000);

  // Leaving the page: one last save, sent even as the page goes.
  window.addEventListener('pagehide', function () {
    if (submitting || stale || expired || !changed()) return;
    send(true).catch(function () { /* the copy stays in localStorage */ });
  });
})();

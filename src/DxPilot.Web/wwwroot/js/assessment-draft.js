// Keeps what is typed on an assessment form. At every change a copy goes into this tab's sessionStorage, so nothing is lost
// when the session has expired; every 30 s, when the page is left and before every button, the form is posted as a draft
// (the server keeps it and shows it when the form is opened again). A 401 means the session has expired: the user is told,
// nothing is submitted, and after signing in again in this tab the copy is put back. Without script the 保存草稿 buttons
// post the form themselves.
(function () {
  var form = document.querySelector('form.assessment-form[data-draft-url]');
  if (!form || !window.fetch) return;
  var url = form.getAttribute('data-draft-url');
  var storageKey = 'dxpilot-draft:' + form.getAttribute('data-draft-key');
  var serverSavedAt = Number(form.getAttribute('data-saved-at') || 0);
  var status = document.getElementById('draft-status');
  var skip = { __RequestVerificationToken: 1, _handler: 1, Version: 1, Instrument: 1, draft: 1 };
  var expired = false, sending = false, submitting = false;

  function answers() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) { if (!skip[name]) pairs.push([name, String(value)]); });
    return pairs;
  }
  var lastPosted = JSON.stringify(answers());

  function keepCopy() {
    try { sessionStorage.setItem(storageKey, JSON.stringify({ at: Date.now(), answers: answers() })); } catch (e) { /* storage full or off */ }
  }
  function dropCopy() { try { sessionStorage.removeItem(storageKey); } catch (e) { /* ignore */ } }

  function say(text, isError, link) { window.DxPilotDraftStatus.say(status, text, isError, link); }
  function sayExpired() {
    expired = true;
    say('登录已超时，请重新登录；您填写的内容已保留。', true, { href: form.getAttribute('data-login-url'), text: '重新登录' });
  }

  // Puts a copy typed in this tab back when it is newer than the draft the server rendered.
  function restore() {
    var copy;
    try { copy = JSON.parse(sessionStorage.getItem(storageKey) || 'null'); } catch (e) { copy = null; }
    if (!copy || !copy.answers || copy.at <= serverSavedAt || JSON.stringify(copy.answers) === lastPosted) return;
    var values = {};
    copy.answers.forEach(function (p) { (values[p[0]] = values[p[0]] || []).push(p[1]); });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || skip[el.name] || el.disabled || el.type === 'submit' || el.type === 'hidden') return;
      var v = values[el.name] || [];
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = v.indexOf(el.value) >= 0;
      else el.value = v.length ? v[0] : '';
      if (el.tagName === 'TEXTAREA' && el.value) { var d = el.closest('details'); if (d) d.open = true; }
    });
    say('已恢复您在本页填写但尚未保存的内容。');
  }

  function body() {
    var data = new FormData(form);
    data.delete('draft');
    return data;
  }

  // Posts the form as a draft; resolves true when kept, false when not (the reason is shown).
  function post() {
    sending = true;
    return fetch(url, { method: 'POST', body: body(), credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 401) { sayExpired(); return false; }
        return r.json().then(function (j) {
          if (!r.ok) { say(j.title || '草稿未能保存，请稍后再试。', true); return false; }
          lastPosted = JSON.stringify(answers());
          expired = false;
          say(j.note);
          return true;
        });
      })
      .catch(function () { say('网络连接中断，草稿暂未保存到服务器；您填写的内容保留在本页。', true); return false; })
      .finally(function () { sending = false; });
  }

  function changed() { return JSON.stringify(answers()) !== lastPosted; }

  restore();
  if (changed()) keepCopy();
  form.addEventListener('input', keepCopy);
  form.addEventListener('change', keepCopy);

  setInterval(function () { if (!sending && !submitting && changed()) post(); }, 30000);

  // Leaving the page: one last draft, sent even as the page goes.
  window.addEventListener('pagehide', function () {
    if (submitting || expired || !changed() || !navigator.sendBeacon) return;
    navigator.sendBeacon(url, body());
  });

  // Every button posts the draft first: 保存草稿 is then done; 保存并评分 goes on only when the session is still valid.
  form.addEventListener('submit', function (e) {
    if (submitting) return;
    e.preventDefault();
    var button = e.submitter;
    keepCopy();
    post().then(function (kept) {
      if (button && button.name === 'draft') return;
      if (!kept && expired) return;
      if (kept) dropCopy();
      submitting = true;
      if (form.requestSubmit && button) form.requestSubmit(button); else form.submit();
    });
  });
})();

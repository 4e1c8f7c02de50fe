// Keeps a copy of a posted form in this browser, for forms that save by posting the page (the award 申报书): at every change the
// named fields go into localStorage under the form's data-copy-key, so an expired session, a dropped network or a closed tab
// loses nothing. Before each post the session is checked against data-session-url: when it has expired the post is held, the
// user is told and sent to sign in again, and the copy is put back when the form opens next — a copy newer than what the server
// rendered (data-saved-at, ms) and different from it comes back with a note; an older or equal one is let go.
(function () {
  var form = document.querySelector('form[data-copy-key]');
  if (!form || !window.fetch) return;
  var key = form.getAttribute('data-copy-key');
  var serverSavedAt = Number(form.getAttribute('data-saved-at') || 0);
  var status = document.getElementById(form.getAttribute('data-copy-status') || 'draft-status');
  var skip = { __RequestVerificationToken: 1, Version: 1, Action: 1, _handler: 1 };
  var checked = false;

  function fields() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) { if (!skip[name] && typeof value === 'string') pairs.push([name, value]); });
    return pairs;
  }
  var rendered = JSON.stringify(fields());

  function say(text, isError, link) { if (window.DxPilotDraftStatus) window.DxPilotDraftStatus.say(status, text, isError, link); }
  function keep() {
    try { localStorage.setItem(key, JSON.stringify({ at: Date.now(), fields: fields() })); } catch (e) { /* storage full or off */ }
  }
  function drop() { try { localStorage.removeItem(key); } catch (e) { /* ignore */ } }

  function restore() {
    var copy;
    try { copy = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { copy = null; }
    if (!copy || !copy.fields) return;
    if (copy.at <= serverSavedAt || JSON.stringify(copy.fields) === rendered) { drop(); return; }
    var values = {};
    copy.fields.forEach(function (p) { (values[p[0]] = values[p[0]] || []).push(p[1]); });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || skip[el.name] || el.disabled || el.type === 'submit' || el.type === 'hidden' || el.type === 'file') return;
      var v = values[el.name] || [];
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = v.indexOf(el.value) >= 0;
      else el.value = v.length ? v[0] : '';
      // Counters and sections shown per ticked box follow the restored values.
      el.dispatchEvent(new Event(el.type === 'checkbox' || el.type === 'radio' ? 'change' : 'input', { bubbles: true }));
    });
    say('已恢复您在本页填写但尚未保存的内容（' + new Date(copy.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) + '），请检查后保存。');
  }

  restore();
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);

  // The post goes on only with a live session; otherwise it would land on the sign-in page and the text with it.
  form.addEventListener('submit', function (e) {
    keep();
    if (checked) return;
    e.preventDefault();
    var button = e.submitter;
    fetch(form.getAttribute('data-session-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 401) {
          say('登录已超时，申报书暂未保存；您填写的内容已保留在本机浏览器中，重新登录后会恢复。', true,
            { href: form.getAttribute('data-login-url'), text: '重新登录' });
          return;
        }
        checked = true;
        if (form.requestSubmit && button) form.requestSubmit(button); else form.submit();
      })
      .catch(function () { say('网络连接中断，申报书暂未保存到服务器；您填写的内容保留在本页和本机浏览器中。', true); });
  });
})();

// Keeps a copy of every form that saves by posting its page and carries data-form-copy (Features/Platform/FormCopies.cs; which
// forms, and why some do not, is FormCopyRuleTests' list and docs/awards.md's). At every change the typed fields go
// into localStorage, so an expired session, a dropped network or a closed tab loses nothing. Before each post the session is
// checked (GET /api/me): when it has expired the post is held, the user is told and sent to sign in again, and the copy comes
// back when the form opens next.
//
// When the page opens, a copy comes back (with a note) only if what it was typed over is still what the server shows: the
// copy remembers the form's saved values when typing began (its base). If the server now shows other values, they were saved
// since, by this post or by someone else, and the copy is let go. A form that creates a record each time (a comment) has no
// saved values to compare; it names when the user last saved one (data-saved-at, server ms) and a copy older than that is let
// go. A page that shows back a refused post (data-refused) shows unsaved values: the copy stays, and its base with it. A form
// that creates a record from an empty form each time without a per-user time (a new enterprise) has its copy let go by the
// page its successful post lands on (data-copy-posted).
(function () {
  if (!window.fetch) return;
  var skip = { __RequestVerificationToken: 1, Version: 1, Action: 1, _handler: 1 };
  var storable = (function () {
    try { localStorage.setItem('dxpilot-probe', '1'); localStorage.removeItem('dxpilot-probe'); return true; } catch (e) { return false; }
  })();
  var loginUrl = '/account/login?expired=true&ReturnUrl=' + encodeURIComponent(location.pathname + location.search);

  function keeps(form) {
    if (form.hidden) return;
    var key = form.getAttribute('data-form-copy');
    var what = form.getAttribute('data-copy-what') || '填写的内容';
    var status = document.getElementById(form.getAttribute('data-copy-status'));
    var refused = form.hasAttribute('data-refused');
    // The server's clock (ms) less this browser's, read as the page opens: copies are timed on the server's clock.
    var skew = form.hasAttribute('data-now') ? Number(form.getAttribute('data-now')) - Date.now() : 0;
    var savedAt = form.hasAttribute('data-saved-at') ? Number(form.getAttribute('data-saved-at')) : null;
    var checked = false;

    // What the user typed or chose; hidden fields are the page's own (a version that moves when another part is saved). Never a
    // password: the copy stays in this browser's storage, readable by whoever uses the computer next.
    function typed(el) {
      return el.name && !skip[el.name] && !el.disabled && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) &&
        !/^(hidden|password|file|submit|button|reset|image)$/.test(el.type);
    }
    function fields() {
      var pairs = [];
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!typed(el) || ((el.type === 'checkbox' || el.type === 'radio') && !el.checked)) return;
        if (el.type === 'select-multiple') Array.prototype.forEach.call(el.selectedOptions, function (o) { pairs.push([el.name, o.value]); });
        else pairs.push([el.name, el.value]);
      });
      return JSON.stringify(pairs);
    }
    function read() { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; } }
    function drop() { try { localStorage.removeItem(key); } catch (e) { /* ignore */ } }
    function say(text, isError, link) { if (window.DxPilotDraftStatus) window.DxPilotDraftStatus.say(status, text, isError, link); }

    // The status line promises a kept copy: it shows only where this browser can keep one.
    if (status && storable) status.hidden = false;

    var rendered = fields();
    var copy = read();
    // A copy kept before copies had a base (the award form's): its fields as pairs; with no base it comes back if it differs.
    if (copy && Array.isArray(copy.fields)) copy.fields = JSON.stringify(copy.fields);
    // What the copy is typed over: the values the server holds, unless this page shows a refused post (then the copy's own).
    var base = refused ? (copy ? copy.base : null) : rendered;

    function keep() {
      try { localStorage.setItem(key, JSON.stringify({ at: Date.now() + skew, base: base, fields: fields() })); } catch (e) { /* full or off */ }
    }

    // A form whose rows are added by posting it (the contract's 清单) renders one row per row it holds; a copy may hold more or
    // fewer. Such a form has the markup of a row in <template data-copy-rows>, after its rows (data-copy-row), {i} standing for
    // the row's index and {n} for its number: the rows are made as many as the copy's before its values go back.
    function rows(values) {
      Array.prototype.forEach.call(form.querySelectorAll('template[data-copy-rows]'), function (t) {
        var patterns = Array.prototype.map.call(t.content.querySelectorAll('[name*="{i}"]'), function (el) {
          return new RegExp('^' + el.getAttribute('name').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{i\\}', '(\\d+)') + '$');
        });
        var count = 0;
        Object.keys(values).forEach(function (name) {
          patterns.forEach(function (p) { var m = p.exec(name); if (m) count = Math.max(count, Number(m[1]) + 1); });
        });
        var shown = Array.prototype.filter.call(t.parentNode.children, function (el) { return el.hasAttribute('data-copy-row'); });
        shown.slice(count).forEach(function (row) { row.remove(); });
        for (var i = shown.length; i < count; i++) t.insertAdjacentHTML('beforebegin', t.innerHTML.replace(/\{i\}/g, i).replace(/\{n\}/g, i + 1));
      });
    }

    function put(saved) {
      var values = {};
      JSON.parse(saved.fields).forEach(function (p) { (values[p[0]] = values[p[0]] || []).push(p[1]); });
      rows(values);
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!typed(el) || el.readOnly) return;
        var v = values[el.name] || [];
        if (el.type === 'checkbox' || el.type === 'radio') el.checked = v.indexOf(el.value) >= 0;
        else if (el.type === 'select-multiple') Array.prototype.forEach.call(el.options, function (o) { o.selected = v.indexOf(o.value) >= 0; });
        else el.value = v.length ? v.shift() : '';   // fields sharing a name take their values in order
        // Counters and sections shown per ticked box follow the restored values.
        el.dispatchEvent(new Event(el.type === 'checkbox' || el.type === 'radio' ? 'change' : 'input', { bubbles: true }));
      });
      // A form folded away (a need's 修改) opens, for the user to see what came back.
      var folded = form.closest('details');
      if (folded) folded.open = true;
      say('已恢复您在本页填写但尚未保存的内容（' + window.DxPilotDraftStatus.when(saved.at - skew) + '），请检查后保存。');
    }

    if (copy && !refused) {
      var savedSince = savedAt !== null && copy.at <= savedAt;
      var overwritten = copy.base != null && copy.base !== rendered;
      if (copy.fields === rendered || savedSince || overwritten) drop();
      else put(copy);
    }
    if (refused) keep();

    form.addEventListener('input', keep);
    form.addEventListener('change', keep);
    // 取消 means the typing is let go.
    Array.prototype.forEach.call(form.querySelectorAll('[data-copy-discard]'), function (a) { a.addEventListener('click', drop); });

    // The post goes on only with a live session; otherwise it would land on the sign-in page and the text with it.
    form.addEventListener('submit', function (e) {
      keep();
      if (checked) return;
      e.preventDefault();
      var button = e.submitter;
      fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) {
          if (r.status === 401) {
            say('登录已超时，' + what + '暂未保存；您填写的内容已保留在本机浏览器中，重新登录后会恢复。', true, { href: loginUrl, text: '重新登录' });
            return;
          }
          checked = true;
          if (form.requestSubmit && button) form.requestSubmit(button); else form.submit();
        })
        .catch(function () { say('网络连接中断，' + what + '暂未保存到服务器；您填写的内容保留在本页和本机浏览器中。', true); });
    });
  }

  // The page a creating form's successful post landed on names that form's copy (FormCopies.Posted): it was posted. The flag
  // that said so leaves the address, so that this page opened again later does not let go of a copy typed since.
  Array.prototype.forEach.call(document.querySelectorAll('[data-copy-posted]'), function (el) {
    try { localStorage.removeItem(el.getAttribute('data-copy-posted')); } catch (e) { /* storage off */ }
    var flag = el.getAttribute('data-copy-posted-flag');
    if (flag && window.URLSearchParams && history.replaceState) {
      var query = new URLSearchParams(location.search);
      query.delete(flag);
      var rest = query.toString();
      history.replaceState(history.state, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll('form[data-form-copy]'), keeps);

  // 退出 lets go of every copy this user's forms keep here (this script's, the filing form's, the report's): signing out is
  // choosing to leave, and on a shared office computer the next user must not find them. An expired session keeps them.
  var logout = document.querySelector('form[action="/account/logout"][data-user]');
  if (logout) logout.addEventListener('submit', function () {
    var mine = ':' + logout.getAttribute('data-user');
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var k = localStorage.key(i);
        if (k && k.indexOf('dxpilot-') === 0 && (k.slice(-mine.length) === mine || k.indexOf(mine + ':') > 0)) localStorage.removeItem(k);
      }
    } catch (e) { /* storage off */ }
  });
})();

// The status line of a form that keeps drafts (the assessment form, the filing form, the diagnosis report): one message at a
// time, an error announced as an alert, optionally followed by a link (重新登录, 打开最新版本) or by the offer of a copy typed on
// an older version.
window.DxPilotDraftStatus = {
  // A moment as the platform writes it: Beijing time, 2025年7月16日 14:05.
  when: function (ms) {
    return new Date(ms).toLocaleString('zh-CN',
      { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  },

  say: function (status, text, isError, link) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('error', !!isError);
    status.setAttribute('role', isError ? 'alert' : 'status');
    if (link) {
      var a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.text;
      status.appendChild(document.createTextNode(' '));
      status.appendChild(a);
    }
  },

  // A copy typed on a version someone has saved over since is not put over the newer text unasked: it is offered, with a
  // button that puts it back and one that lets it go; either forgets it (forget()).
  offer: function (status, at, putBack, forget) {
    var self = this;
    self.say(status, '本机浏览器中保存有您在' + self.when(at)
      + '基于旧版本填写、未能保存的内容，与当前版本不同。', true);
    [['放回表单（会替换页面上的当前内容）', putBack], ['不需要，删除', function () { self.say(status, ''); }]].forEach(function (b) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = b[0];
      button.addEventListener('click', function () { forget(); b[1](); });
      status.appendChild(document.createTextNode(' '));
      status.appendChild(button);
    });
  },
};

// The status line of a form that keeps drafts (the assessment form, the diagnosis report): one message at a time, an
// error announced as an alert, optionally followed by a link (重新登录, 打开最新版本).
window.DxPilotDraftStatus = {
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
};

// Visit photos: upload with a progress bar. Without this script the form posts as usual; with it the same post goes
// through XMLHttpRequest so that the bar can show how much of the photos has been sent, then the page the server
// answers (the photo list, or the reasons a file was refused) is shown.
(function () {
  for (const form of document.querySelectorAll('form[data-progress]')) {
    const bar = document.getElementById(form.dataset.progress);
    form.addEventListener('submit', (event) => {
      const input = form.querySelector('input[type=file]');
      if (!input || input.files.length === 0 || !window.FormData) return;
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action || location.href);
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round(e.loaded * 100 / e.total); };
      xhr.onload = () => {
        if (xhr.responseURL && xhr.responseURL !== location.href && xhr.status < 400) { location.href = xhr.responseURL; return; }
        document.open(); document.write(xhr.responseText); document.close();
      };
      xhr.onerror = () => {
        button.disabled = false;
        bar.hidden = true;
        alert('网络中断，照片未上传完成，请检查网络后重新上传（已上传成功的照片不受影响）。');
      };
      xhr.send(new FormData(form, event.submitter));
    });
  }
})();

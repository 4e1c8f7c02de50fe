// Live character count for long texts, counted as the server counts them (one per grapheme, NFC).
// Progressive enhancement only: the count after saving comes from the server.
for (const field of document.querySelectorAll('textarea[data-min]')) {
  const out = document.querySelector(`[data-count-for="${field.id}"]`);
  if (!out || typeof Intl.Segmenter !== 'function') continue;
  const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
  const show = () => {
    const count = [...segmenter.segment(field.value.trim().normalize('NFC'))].length;
    out.textContent = `，当前输入 ${count} 字${count < Number(field.dataset.min) ? `，还差 ${Number(field.dataset.min) - count} 字` : ''}`;
  };
  field.addEventListener('input', show);
  show();
}

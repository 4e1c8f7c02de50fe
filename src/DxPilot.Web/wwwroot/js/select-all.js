// A "全选" box (data-select-all="<field name>") ticks or clears every box of that field in its form.
// Progressive enhancement: without the script the box stays hidden and each row is ticked by hand.
for (const all of document.querySelectorAll('input[data-select-all]')) {
  const boxes = () => [...all.form.querySelectorAll(`input[type=checkbox][name="${all.dataset.selectAll}"]`)];
  all.closest('[hidden]')?.removeAttribute('hidden');
  all.addEventListener('change', () => boxes().forEach(b => { b.checked = all.checked; }));
  all.form.addEventListener('change', e => {
    if (e.target === all) return;
    const list = boxes();
    all.checked = list.length > 0 && list.every(b => b.checked);
  });
}

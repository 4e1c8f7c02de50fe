// '无' is exclusive within its group: ticking it clears the others, ticking another clears it. The server refuses a mix
// anyway; this only saves the user a round trip.
document.addEventListener('change', function (e) {
  var box = e.target;
  if (!box.matches('.assessment-form input[type=checkbox]') || !box.checked) return;
  var group = box.getAttribute('data-group') || '';
  document.querySelectorAll('.assessment-form input[type=checkbox][name="' + box.name + '"]').forEach(function (other) {
    if (other === box || (other.getAttribute('data-group') || '') !== group) return;
    if (box.hasAttribute('data-exclusive') || other.hasAttribute('data-exclusive')) other.checked = false;
  });
});

// Behaviour of the staff pages, kept out of the markup (the Content-Security-Policy allows no inline script).
document.addEventListener('DOMContentLoaded', () => {
  // a printable page's print button: <button data-print>
  document.querySelectorAll('[data-print]').forEach(button =>
    button.addEventListener('click', () => window.print()));
  // a refused form: the first field with a problem takes the focus, its problem read out beside it
  const invalid = document.querySelector('form .is-invalid');
  if (invalid) {
    invalid.focus();
  }
});

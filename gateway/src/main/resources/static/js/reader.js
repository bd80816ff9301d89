// The reader pages' own behaviour (the Content-Security-Policy allows no inline script).
document.addEventListener('DOMContentLoaded', () => {
  // a switch that is a choice (keep my reading history) saves at once; its button stays for keyboards without script
  document.querySelectorAll('input[type=checkbox][data-autosubmit]').forEach(input =>
    input.addEventListener('change', () => input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit()));
});

// Behaviour shared by every page, kept out of the markup (the Content-Security-Policy allows no inline script).
document.addEventListener('DOMContentLoaded', () => {
  // a choice that changes what the page shows (the desk's site) submits its form at once
  document.querySelectorAll('select[data-autosubmit]').forEach(select =>
    select.addEventListener('change', () => select.form.submit()));
  // an action that cannot be undone asks first: <form data-confirm="取消这个预约？">
  document.querySelectorAll('form[data-confirm]').forEach(form =>
    form.addEventListener('submit', event => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    }));
});

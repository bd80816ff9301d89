// The circulation desk, keyboard and scanner only. A checkin alert (send on, keep for a hold) holds the scans until it
// is acknowledged: focus goes to its button, the scan fields wait disabled; its slip prints on its own (app.css).
// Also used by a transfer's page, whose packing list prints alone.
document.addEventListener('DOMContentLoaded', () => {
  const scans = document.getElementById('desk-scans');
  const alert = document.getElementById('desk-alert');
  const focusField = id => {
    const field = id ? document.getElementById(id) : null;
    if (field) {
      field.focus();
      if (field.select) {
        field.select();
      }
    }
  };
  if (alert && scans) {
    scans.disabled = true;
    const ok = document.getElementById('acknowledge');
    ok.focus();
    ok.addEventListener('click', () => {
      alert.remove();
      document.body.classList.remove('has-slip');
      scans.disabled = false;
      focusField(alert.dataset.after);
    });
    document.getElementById('print-slip').addEventListener('click', () => window.print());
  }
  else if (scans) {
    focusField(scans.dataset.focus);
  }
  // a packing list prints from its button
  document.querySelectorAll('button[data-print]').forEach(button =>
    button.addEventListener('click', () => window.print()));
});

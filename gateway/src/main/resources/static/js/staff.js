// Behaviour of the staff pages, kept out of the markup (the Content-Security-Policy allows no inline script).
document.addEventListener('DOMContentLoaded', () => {
  // a printable page's print button: <button data-print>
  document.querySelectorAll('[data-print]').forEach(button =>
    button.addEventListener('click', () => window.print()));
  // a copy button puts a field's text on the clipboard: <button data-copy="#field" data-copied="已复制">
  document.querySelectorAll('[data-copy]').forEach(button =>
    button.addEventListener('click', () => {
      const field = document.querySelector(button.dataset.copy);
      field.select();
      const done = () => {
        button.textContent = button.dataset.copied;
      };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(field.value).then(done, () => document.execCommand('copy') && done());
      } else if (document.execCommand('copy')) {
        done();
      }
    }));
  // a file over its limit (<input type=file data-max-bytes data-too-large>) is refused beside its field at once,
  // before its bytes travel; the server refuses it too
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(input =>
    input.addEventListener('change', () => {
      const tooLarge = Array.from(input.files).some(file => file.size > Number(input.dataset.maxBytes));
      let problem = document.getElementById(input.id + '-problem');
      if (tooLarge && !problem) {
        problem = document.createElement('div');
        problem.id = input.id + '-problem';
        problem.className = 'invalid-feedback';
        input.parentElement.appendChild(problem);
      }
      input.classList.toggle('is-invalid', tooLarge);
      if (problem) {
        problem.textContent = tooLarge ? input.dataset.tooLarge : '';
      }
      if (tooLarge) {
        input.value = '';
      }
    }));
  // a refused form: the first field with a problem takes the focus, its problem read out beside it
  const invalid = document.querySelector('form .is-invalid');
  if (invalid) {
    invalid.focus();
  }
});

// The pickup select's filter: what the reader types (a name, its pinyin "baishi" or initials "bsz") narrows the
// options, a township's name its whole group; the first match is chosen when the chosen one is filtered away. Without
// script the filter stays hidden and the plain grouped select is left.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('input[data-filters]').forEach(input => {
    const select = document.getElementById(input.dataset.filters);
    if (!select) { return; }
    const count = document.getElementById(input.id + '-count');
    input.closest('.pickup-filter').hidden = false;
    const folded = text => (text || '').toLowerCase().replace(/\s+/g, '');
    const matches = (element, name, text) => folded(name).includes(text)
      || folded(element.dataset.zh).includes(text) || folded(element.dataset.pinyin).includes(text)
      || folded(element.dataset.initials).startsWith(text);
    input.addEventListener('input', () => {
      const text = folded(input.value);
      let shown = 0;
      let first = null;
      select.querySelectorAll('optgroup').forEach(group => {
        const wholeGroup = text !== '' && group.dataset.pinyin !== undefined && matches(group, group.label, text);
        let inGroup = 0;
        group.querySelectorAll('option').forEach(option => {
          const visible = text === '' || wholeGroup || matches(option, option.textContent, text);
          option.hidden = !visible;
          option.disabled = !visible;
          if (visible) {
            inGroup++;
            first = first || option;
          }
        });
        group.hidden = inGroup === 0;
        shown += inGroup;
      });
      if (select.selectedOptions.length === 0 || select.selectedOptions[0].disabled) {
        if (first) { first.selected = true; }
      }
      count.textContent = text === '' ? '' : input.dataset.count.replace('{n}', shown);
    });
  });
});

// Live updates: an element with data-live opens a server-sent event stream there (EventSource) and changes in place
// as the stream tells. A work page's copies take their new status; a desk's pull list is read again; the circulation
// desk lists what is on its way to it, on its hold shelf and to pull. Each change is
// announced politely (#live-announce, aria-live). Without EventSource, or when the stream is refused, the page is
// simply as it was served. An open stream marks its element data-live-open.
document.addEventListener('DOMContentLoaded', () => {
  if (!('EventSource' in window)) {
    return;
  }
  const announcer = document.getElementById('live-announce');
  const announce = text => {
    if (announcer) {
      announcer.textContent = text;
    }
  };
  const format = (pattern, args) => pattern.replace(/\{(\d)\}/g, (match, i) => args[Number(i)]);

  const holdings = document.querySelector('#holdings[data-live]');
  if (holdings) {
    const labels = {};
    document.querySelectorAll('#status-labels [data-status]').forEach(item => {
      labels[item.dataset.status] = item.textContent;
    });
    const heading = document.getElementById('copies-heading');
    const source = new EventSource(holdings.dataset.live);
    source.addEventListener('open', () => {
      holdings.dataset.liveOpen = 'true';
    });
    source.addEventListener('copy', message => {
      const change = JSON.parse(message.data);
      const row = Array.from(holdings.querySelectorAll('tr.holding'))
        .find(r => r.dataset.site === change.site && r.dataset.barcode === change.barcode);
      if (!row || row.dataset.status === change.status) {
        return;
      }
      const label = labels[change.status] || '';
      const badge = row.querySelector('.badge');
      badge.textContent = label;
      badge.className = change.status === 'available' ? 'badge text-bg-success' : 'badge text-bg-light border';
      row.querySelectorAll('.live-place').forEach(place => place.remove());
      if (heading) {
        const available = Number(heading.dataset.available) + (change.status === 'available' ? 1 : 0)
          - (row.dataset.status === 'available' ? 1 : 0);
        heading.dataset.available = String(available);
        heading.textContent = format(heading.dataset.pattern, [available, heading.dataset.items]);
      }
      row.dataset.status = change.status;
      announce(format(holdings.dataset.announce, [row.querySelector('.holding-site').textContent.trim(), label]));
    });
  }

  const desk = document.querySelector('#desk-live[data-live]');
  if (desk) {
    const site = new URL(desk.dataset.live, window.location.href).searchParams.get('site');
    const list = document.getElementById('desk-live-list');
    const none = document.getElementById('desk-live-none');
    // the barcode is data, not words of the page's language
    const tell = (pattern, barcode) => {
      const item = document.createElement('li');
      item.className = 'py-1';
      const code = document.createElement('span');
      code.setAttribute('translate', 'no');
      code.textContent = barcode;
      const [before, after] = pattern.split('{0}');
      item.append(before, code, after || '');
      list.prepend(item);
      while (list.children.length > 10) {
        list.lastElementChild.remove();
      }
      if (none) {
        none.hidden = true;
      }
    };
    const source = new EventSource(desk.dataset.live);
    source.addEventListener('open', () => {
      desk.dataset.liveOpen = 'true';
    });
    source.addEventListener('copy', message => {
      const change = JSON.parse(message.data);
      if (change.status === 'in_transit' && change.destination === site) {
        tell(desk.dataset.transit, change.barcode);
      }
      else if (change.status === 'on_hold_shelf' && change.atSite === site) {
        tell(desk.dataset.holdShelf, change.barcode);
      }
    });
    source.addEventListener('pull', message => {
      const change = JSON.parse(message.data);
      if (change.atSite === site) {
        tell(desk.dataset.pull, change.barcode);
      }
    });
  }

  const pull = document.querySelector('#pull-live[data-live]');
  if (pull) {
    let pending = null;
    const reread = () => {
      pending = null;
      fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(answer => (answer.ok ? answer.text() : Promise.reject(answer.status)))
        .then(html => {
          const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('pull-live');
          if (fresh && fresh.innerHTML !== pull.innerHTML) {
            pull.innerHTML = fresh.innerHTML;
            announce(pull.dataset.announce);
          }
        })
        .catch(() => {});
    };
    const source = new EventSource(pull.dataset.live);
    source.addEventListener('open', () => {
      pull.dataset.liveOpen = 'true';
    });
    const soon = () => {
      if (pending === null) {
        pending = window.setTimeout(reread, 300);
      }
    };
    source.addEventListener('pull', soon);
    source.addEventListener('copy', soon);
  }
});

// The planning page's map (Leaflet): every stop of the plan as a dot (green: visited as often as asked; amber: short;
// ringed in blue: moved by hand), the units' homes as squares with their names, each run as a line in its unit's colour, and a legend. The base map
// comes from configuration (data-tiles); without one the sites and routes are drawn on a plain background, offline.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('plan-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  const data = element.dataset;
  const map = L.map(element, { preferCanvas: false, zoomSnap: 0.25, attributionControl: Boolean(data.tiles) });
  if (data.tiles) {
    const options = { maxZoom: 18, attribution: data.attribution || '' };
    if (data.subdomains) {
      options.subdomains = data.subdomains.split(',');
    }
    L.tileLayer(data.tiles, options).addTo(map);
  }
  const escape = text => String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  fetch(data.src, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(response => response.json())
    .then(plan => {
      const bounds = [];
      plan.runs.forEach(run => {
        L.polyline(run.points, { color: run.colour, weight: 2, opacity: 0.6, className: 'run' })
          .bindTooltip(escape(run.label), { sticky: true })
          .addTo(map);
      });
      plan.stops.forEach(stop => {
        bounds.push([stop.lat, stop.lon]);
        // a stop a coordinator moved by hand has a blue ring and says so in its tooltip
        L.circleMarker([stop.lat, stop.lon], {
          radius: 5, weight: stop.byHand ? 3 : 1, color: stop.byHand ? '#0b5ed7' : '#fff', fillOpacity: 0.95,
          fillColor: stop.ok ? '#1e7b46' : '#b8860b', className: stop.byHand ? 'stop moved' : 'stop'
        }).bindTooltip(escape(stop.name) + (stop.byHand ? ' · ' + escape(data.legendMoved) : '')).addTo(map);
      });
      plan.homes.forEach(home => {
        bounds.push([home.lat, home.lon]);
        L.marker([home.lat, home.lon], {
          icon: L.divIcon({ className: 'home-marker', iconSize: [14, 14] }),
          title: home.name, alt: home.name, keyboard: false
        }).bindTooltip(escape(home.name), { permanent: true, direction: 'right', className: 'home-label' }).addTo(map);
      });
      if (bounds.length) {
        map.fitBounds(bounds, { padding: [16, 16] });
      }
      else {
        map.setView([30, 120], 9);
      }
      const legend = L.control({ position: 'bottomright' });
      legend.onAdd = () => {
        const box = L.DomUtil.create('div', 'map-legend');
        L.DomEvent.disableClickPropagation(box);
        const rows = [
          '<span class="swatch dot ok"></span>' + escape(data.legendOk),
          '<span class="swatch dot short"></span>' + escape(data.legendShort),
          '<span class="swatch dot moved"></span>' + escape(data.legendMoved),
          '<span class="swatch home"></span>' + escape(data.legendHome)
        ];
        plan.units.forEach(unit => rows.push('<span class="swatch line" data-colour="' + escape(unit.colour) + '"></span>'
          + escape(unit.name)));
        // on a phone the legend starts folded, so that it does not cover the map
        const open = window.matchMedia('(min-width: 576px)').matches ? ' open' : '';
        box.innerHTML = '<details' + open + '><summary>' + escape(data.legendTitle) + '</summary>' + rows.join('<br>')
          + '</details>';
        box.querySelectorAll('.swatch.line').forEach(swatch => { swatch.style.background = swatch.dataset.colour; });
        return box;
      };
      legend.addTo(map);
      element.dataset.drawn = 'true';
    });
});

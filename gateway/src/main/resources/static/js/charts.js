// The report's charts, drawn with ECharts from the figures the page already shows as text:
// <div class="echart" data-labels="A|B" data-now="1.5|2" data-before="1|" data-now-label=".." data-before-label="..">
// (percent, '|' between townships, an empty part where there is no figure). No inline script: the CSP allows none.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') {
    return;
  }
  const numbers = text => (text || '').split('|').map(part => (part === '' ? null : Number(part)));
  const charts = [];
  document.querySelectorAll('.echart').forEach(element => {
    const labels = (element.dataset.labels || '').split('|');
    element.style.height = Math.max(160, labels.length * 30 + 70) + 'px';
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: ['#a4262c', '#9aa0a6'],
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, data: [element.dataset.nowLabel, element.dataset.beforeLabel] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => (v == null ? '–' : v + '%') },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 96, overflow: 'truncate' } },
      series: [
        { name: element.dataset.nowLabel, type: 'bar', data: numbers(element.dataset.now), barMaxWidth: 12 },
        { name: element.dataset.beforeLabel, type: 'bar', data: numbers(element.dataset.before), barMaxWidth: 12 }
      ]
    });
    charts.push(chart);
  });
  window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));
});

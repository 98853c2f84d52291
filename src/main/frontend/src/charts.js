// Small SVG charts drawn by hand: horizontal bars and a ring. Text only through text nodes.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(NS, tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Horizontal bars: rows of { label, values: [{ value, className, text }] }; the bars of a row are stacked side
 * by side on separate lines when there are several (median and p90).
 */
export function bars(rows, { labelWidth = 150, width = 460, barHeight = 16, gap = 6, unit = '' } = {}) {
  const lines = rows.reduce((n, r) => n + r.values.length, 0);
  const height = lines * (barHeight + 2) + rows.length * gap + 4;
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v.value || 0)));
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const plot = width - labelWidth - 60;
  let y = 2;
  rows.forEach((row) => {
    const rowTop = y;
    row.values.forEach((v) => {
      chart.append(svg('rect', { class: 'track', x: labelWidth, y, width: plot, height: barHeight }));
      const w = v.value ? Math.max(2, (v.value / max) * plot) : 0;
      chart.append(svg('rect', { class: 'bar ' + (v.className || ''), x: labelWidth, y, width: w, height: barHeight }));
      chart.append(svg('text', { x: labelWidth + w + 4, y: y + barHeight - 4 }, v.text ?? (String(v.value ?? '—') + unit)));
      y += barHeight + 2;
    });
    chart.append(svg('text', { x: 0, y: rowTop + barHeight - 4 }, row.label));
    y += gap;
  });
  return chart;
}

/** A ring showing a share (0–100), with the figure in the middle. */
export function ring(percent, className) {
  const size = 120;
  const r = 48;
  const c = 2 * Math.PI * r;
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img' });
  chart.append(svg('circle', { cx: 60, cy: 60, r, fill: 'none', stroke: '#eceef0', 'stroke-width': 14 }));
  if (percent !== null && percent !== undefined) {
    const arc = svg('circle', {
      cx: 60, cy: 60, r, fill: 'none', 'stroke-width': 14, 'stroke-dasharray': `${(percent / 100) * c} ${c}`,
      transform: 'rotate(-90 60 60)', class: 'ring ' + className
    });
    arc.setAttribute('stroke', className === 'ok' ? '#1f8a4c' : className === 'warn' ? '#c98000' : '#c0392b');
    chart.append(arc);
  }
  return chart;
}

import { api, ApiError, el } from './api.js';
import { bars, ring } from './charts.js';
import { dateTime, onLanguage, setupLanguage, t } from './i18n.js';

const $ = (id) => document.getElementById(id);
let summary = null;

function isoDate(date) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(date);
}

function query() {
  return new URLSearchParams({ from: $('from').value, to: $('to').value }).toString();
}

function table(target, head, rows, empty) {
  const node = $(target);
  node.replaceChildren();
  if (!rows.length) {
    node.append(el('tbody', {}, el('tr', {}, el('td', { class: 'muted' }, empty))));
    return;
  }
  node.append(el('thead', {}, el('tr', {}, head.map((h) => el('th', { class: h.num ? 'num' : null }, h.text)))));
  node.append(el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c, i) => el('td', { class: head[i].num ? 'num' : null }, c))))));
}

function late(minutes) {
  return minutes < 60 ? t('dash.minutes', minutes) : t('dash.hoursMinutes', Math.floor(minutes / 60), minutes % 60);
}

function level(percent) {
  if (percent === null) return '';
  return percent >= 95 ? 'ok' : percent >= 80 ? 'warn' : 'bad';
}

function render() {
  if (!summary) return;
  const s = summary;
  $('generated').textContent = t('dash.generated', dateTime(s.generatedAt));
  // dispatch SLA
  const sla = s.dispatchSla;
  const figure = $('sla-compliance');
  figure.textContent = sla.compliancePercent === null ? '—' : sla.compliancePercent.toFixed(1) + '%';
  figure.className = 'figure ' + level(sla.compliancePercent);
  $('sla-detail').textContent = sla.compliancePercent === null ? t('dash.noDecided')
    : t('dash.slaDetail', sla.decided, sla.met, sla.breached, sla.pending);
  $('sla-chart').replaceChildren(ring(sla.compliancePercent, level(sla.compliancePercent)));
  // phases
  $('phase-chart').replaceChildren(bars(s.openByPhase.map((p) => ({
    label: document.documentElement.lang === 'ja' ? p.labelJa : p.labelEn, values: [{ value: p.count }]
  }))));
  // durations
  const times = [['dash.toDispatch', s.times.toDispatch], ['dash.toInitialReport', s.times.toInitialReport], ['dash.toClose', s.times.toClose]];
  $('times-chart').replaceChildren(bars(times.map(([key, p]) => ({
    label: t(key),
    values: [{ value: p.medianHours, text: p.medianHours === null ? '—' : t('dash.median') + ' ' + p.medianHours },
      { value: p.p90Hours, className: 'p90', text: p.p90Hours === null ? '—' : t('dash.p90') + ' ' + p.p90Hours }]
  }))));
  table('times-table', [{ text: '' }, { text: t('dash.median'), num: true }, { text: t('dash.p90'), num: true }, { text: t('dash.n'), num: true }],
    times.map(([key, p]) => [t(key), p.medianHours ?? '—', p.p90Hours ?? '—', p.count]), '');
  // workload
  const coordinators = s.workload.coordinators;
  $('workload-chart').replaceChildren(bars(coordinators.map((c) => ({
    label: c.name,
    values: [{ value: c.assignedTasks, text: `${c.assignedTasks} ${t('dash.assigned')}` + (c.overdueTasks ? ` · ${c.overdueTasks} ${t('dash.overdue')}` : ''),
      className: c.overdueTasks ? 'warn' : '' }]
  }))));
  $('unassigned').textContent = t('dash.unassigned', s.workload.unassignedTasks);
  // deadlines
  table('deadlines', [{ text: t('modeler.reference') }, { text: t('modeler.organization') }, { text: t('dash.kind') }, { text: t('dash.due') }],
    s.deadlines.map((d) => [d.reference, d.organization, document.documentElement.lang === 'ja' ? d.labelJa : d.labelEn,
      el('span', {}, dateTime(d.dueAt), ' ', d.overdue ? el('span', { class: 'badge bad' }, t('dash.overdueBadge')) : null)]),
    t('dash.noDeadlines', s.deadlineHorizonHours));
  // outbox
  const outbox = s.outbox;
  const outboxLevel = $('outbox-level');
  outboxLevel.textContent = t('dash.outbox' + outbox.level);
  outboxLevel.className = 'figure ' + ({ OK: 'ok', DELAYED: 'warn', FAILING: 'bad' })[outbox.level];
  $('outbox-chart').replaceChildren(bars(Object.entries(outbox.byStatus).map(([status, n]) => ({
    label: status, values: [{ value: n, className: status === 'FAILED' ? 'bad' : status === 'SENT' ? 'ok' : '' }]
  }))), el('div', { class: 'muted' }, t('dash.sent24h', outbox.sentLast24h),
    outbox.oldestUnsentMinutes === null ? '' : ' · ' + t('dash.oldest', outbox.oldestUnsentMinutes)));
  table('outbox-failed', [{ text: '#' }, { text: t('modeler.reference') }, { text: t('dash.event') }, { text: t('dash.attempts'), num: true }, { text: t('dash.error') }],
    outbox.failed.map((m) => [m.id, m.reference, m.event, m.attempts, m.lastError ?? '']), '');
  // breaches
  table('breaches', [{ text: t('modeler.reference') }, { text: t('modeler.organization') }, { text: t('dash.called') }, { text: t('dash.due') },
    { text: t('dash.dispatched') }, { text: t('dash.late'), num: true }],
  sla.breaches.map((b) => [b.reference, b.organization, dateTime(b.contactedAt), dateTime(b.dueAt),
    b.dispatchedAt ? dateTime(b.dispatchedAt) : el('span', { class: 'badge bad' }, t('dash.notYet')), late(b.lateMinutes)]),
  t('dash.noBreaches'));
}

async function load() {
  $('csv').setAttribute('href', '/dashboard/api/incidents.csv?' + query());
  $('dash-error').replaceChildren();
  try {
    summary = await api('GET', '/dashboard/api/summary?' + query());
    $('from').value = summary.from;
    $('to').value = summary.to;
    render();
    document.body.dataset.loaded = 'true';
  } catch (e) {
    $('dash-error').replaceChildren(el('div', { class: 'message error' }, e instanceof ApiError ? e.message : String(e)));
  }
}

setupLanguage();
onLanguage(render);
const params = new URLSearchParams(window.location.search);
const today = new Date();
$('to').value = params.get('to') || isoDate(today);
$('from').value = params.get('from') || isoDate(new Date(today.getTime() - 29 * 86400000));
$('period-form').addEventListener('submit', (event) => {
  event.preventDefault();
  window.history.replaceState(null, '', '?' + query());
  load();
});
load();

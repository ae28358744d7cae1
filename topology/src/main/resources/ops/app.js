// phi-stream ops page. Polls /status (JSON) and /metrics (Prometheus text) and draws small SVG charts.
// Hand-written on purpose: the page must work with no external resources (no CDN, no npm bundle in the jar),
// and the few charts it needs are simple polylines and bars.
'use strict';

const POLL_MS = 2000;
const HISTORY = 150; // samples kept per series (5 minutes at 2 s)
const SVG_NS = 'http://www.w3.org/2000/svg';

const history = { throughputIn: [], throughputOut: [], lag: [], quarantinePct: [] };
let previous = null; // { t, in, out, quarantined } from the previous poll, server time

/** Parses the Prometheus text format into name -> [{labels, value}]. */
function parseMetrics(text) {
  const out = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/);
    if (!m) continue;
    const labels = {};
    if (m[3]) {
      const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
      let l;
      while ((l = re.exec(m[3])) !== null) labels[l[1]] = l[2];
    }
    const value = Number(m[4]);
    if (!out.has(m[1])) out.set(m[1], []);
    out.get(m[1]).push({ labels, value });
  }
  return out;
}

function sum(metrics, name) {
  return (metrics.get(name) || []).reduce((a, s) => a + (Number.isFinite(s.value) ? s.value : 0), 0);
}

function push(series, point) {
  series.push(point);
  if (series.length > HISTORY) series.shift();
}

function el(tag, attrs, text) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function fmt(v) {
  if (!Number.isFinite(v)) return '-';
  if (Math.abs(v) >= 1e6) return (v / 1e6).toFixed(1) + 'M';
  if (Math.abs(v) >= 1e4) return (v / 1e3).toFixed(1) + 'k';
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** Line chart of one or more series [{cls, points:[{t, v}]}] over time. */
function lineChart(svg, series, unit) {
  const W = 600, H = 200, L = 48, R = 8, T = 8, B = 22;
  svg.replaceChildren();
  const all = series.flatMap(s => s.points);
  svg.setAttribute('data-samples', String(Math.max(0, ...series.map(s => s.points.length))));
  if (all.length < 2) {
    svg.appendChild(el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, 'collecting samples…'));
    return;
  }
  const t0 = Math.min(...all.map(p => p.t)), t1 = Math.max(...all.map(p => p.t));
  let vmax = Math.max(...all.map(p => p.v));
  vmax = vmax <= 0 ? 1 : vmax * 1.1;
  const x = t => L + (t1 === t0 ? 0 : (t - t0) / (t1 - t0)) * (W - L - R);
  const y = v => T + (1 - v / vmax) * (H - T - B);
  for (let i = 0; i <= 4; i++) {
    const v = vmax * i / 4;
    svg.appendChild(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
    svg.appendChild(el('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end', class: 'axis' }, fmt(v) + (unit || '')));
  }
  const span = (t1 - t0) / 1000;
  svg.appendChild(el('text', { x: L, y: H - 6, class: 'axis' }, '-' + (span < 10 ? span.toFixed(1) : Math.round(span)) + ' s'));
  svg.appendChild(el('text', { x: W - R, y: H - 6, 'text-anchor': 'end', class: 'axis' }, 'now'));
  for (const s of series) {
    if (s.points.length === 0) continue;
    const pts = s.points.map(p => x(p.t).toFixed(1) + ',' + y(p.v).toFixed(1)).join(' ');
    svg.appendChild(el('polyline', { points: pts, class: 'line ' + s.cls, 'data-series': s.cls }));
  }
}

/** Bars of PSI per model/feature with the 0.1 and 0.25 thresholds. */
function driftChart(svg, drift) {
  const W = 600, H = 200, L = 40, R = 8, T = 8, B = 40;
  svg.replaceChildren();
  svg.setAttribute('data-samples', String(drift.length));
  if (drift.length === 0) {
    svg.appendChild(el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, 'no drift reported yet'));
    return;
  }
  const vmax = Math.max(0.3, ...drift.map(d => d.psi)) * 1.1;
  const y = v => T + (1 - v / vmax) * (H - T - B);
  for (const [v, cls] of [[0.1, 'threshold minor'], [0.25, 'threshold']]) {
    svg.appendChild(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: cls }));
    svg.appendChild(el('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end', class: 'axis' }, String(v)));
  }
  const slot = (W - L - R) / drift.length;
  drift.forEach((d, i) => {
    const h = Math.max(1, (H - T - B) - (y(Math.max(0, d.psi)) - T));
    const cls = d.psi > 0.25 ? 'bar major' : d.psi > 0.1 ? 'bar minor' : 'bar';
    const bar = el('rect', { x: L + i * slot + slot * 0.15, y: y(Math.max(0, d.psi)), width: slot * 0.7, height: h, class: cls });
    bar.appendChild(el('title', {}, d.model + ' / ' + d.feature + ': ' + d.psi.toFixed(3)));
    svg.appendChild(bar);
    svg.appendChild(el('text', { x: L + i * slot + slot / 2, y: H - B + 12, 'text-anchor': 'middle', class: 'axis' },
      (d.feature.length > 14 ? d.feature.slice(0, 13) + '…' : d.feature)));
    svg.appendChild(el('text', { x: L + i * slot + slot / 2, y: H - B + 24, 'text-anchor': 'middle', class: 'axis' }, d.model));
  });
}

function fillTable(id, rows) {
  const body = document.querySelector('#' + id + ' tbody');
  body.replaceChildren();
  for (const row of rows) {
    const tr = document.createElement('tr');
    for (const cell of row) {
      const td = document.createElement('td');
      td.textContent = cell.text; // text only: nothing from the server is parsed as HTML
      if (cell.cls) td.className = cell.cls;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
}

function render(status, metrics) {
  const state = document.getElementById('state');
  state.textContent = status.state + (status.ready ? '' : ' (not ready)');
  state.className = 'badge ' + status.state;
  document.getElementById('app').textContent = status.application;
  document.getElementById('version').textContent = status.version;
  document.getElementById('updated').textContent = 'updated ' + new Date(status.timeMs).toLocaleTimeString();

  const t = status.timeMs;
  // counts from /status are read at the same instant as its timeMs; /metrics is the fallback
  const c = status.counts || {};
  const now = c.received !== undefined
    ? { t, in: c.received, out: c.released, quarantined: c.quarantined }
    : {
      t,
      in: sum(metrics, 'phistream_records_in_total'),
      out: sum(metrics, 'phistream_records_out_total'),
      quarantined: sum(metrics, 'phistream_records_quarantined_total'),
    };
  if (previous && t > previous.t) {
    const dt = (t - previous.t) / 1000;
    const rin = Math.max(0, now.in - previous.in) / dt;
    const rout = Math.max(0, now.out - previous.out) / dt;
    const rq = Math.max(0, now.quarantined - previous.quarantined) / dt;
    push(history.throughputIn, { t, v: rin });
    push(history.throughputOut, { t, v: rout });
    push(history.quarantinePct, { t, v: rin > 0 ? 100 * rq / rin : 0 });
    document.getElementById('tile-in').textContent = fmt(rin);
    document.getElementById('tile-out').textContent = fmt(rout);
    document.getElementById('tile-quarantined').textContent = fmt(rq);
  }
  previous = now;
  push(history.lag, { t, v: status.lag.total });

  document.getElementById('tile-lag').textContent = status.lag.error && status.lag.partitions.length === 0 ? 'unknown' : fmt(status.lag.total);
  const age = status.audit.lastCheckpointAgeSeconds;
  document.getElementById('tile-audit').textContent = age === null ? 'none yet' : fmt(age) + ' s';
  const models = Object.entries(status.models).map(([m, v]) => m + ' ' + v).join(', ');
  document.getElementById('tile-models').textContent = models || 'none loaded';

  lineChart(document.getElementById('chart-throughput'),
    [{ cls: 'in', points: history.throughputIn }, { cls: 'out', points: history.throughputOut }], '');
  lineChart(document.getElementById('chart-lag'), [{ cls: 'lag', points: history.lag }], '');
  lineChart(document.getElementById('chart-quarantine'), [{ cls: 'quarantine', points: history.quarantinePct }], '%');
  driftChart(document.getElementById('chart-drift'), status.drift);

  fillTable('lag-table', status.lag.partitions.map(p => [
    { text: p.topic }, { text: String(p.partition), cls: 'num' },
    { text: p.committed < 0 ? '-' : String(p.committed), cls: 'num' }, { text: String(p.end), cls: 'num' },
    { text: String(p.lag), cls: 'num' }]));
  document.getElementById('lag-note').textContent = status.lag.error ? 'lag reading: ' + status.lag.error : '';
  fillTable('reason-table', (metrics.get('phistream_records_quarantined_total') || [])
    .filter(s => s.value > 0)
    .map(s => [{ text: (s.labels.stage || '') + ' ' + (s.labels.reason || '') }, { text: String(Math.round(s.value)), cls: 'num' }]));
  fillTable('alerts-table', status.alerts.map(a => [
    { text: new Date(a.at).toLocaleTimeString() }, { text: a.route }, { text: a.band, cls: 'band-' + a.band },
    { text: a.score.toFixed(1), cls: 'num' }, { text: a.model }, { text: a.patientToken, cls: 'token' }]));
  document.body.setAttribute('data-polls', String(Number(document.body.getAttribute('data-polls') || 0) + 1));
}

async function poll() {
  try {
    const [status, metricsText] = await Promise.all([
      fetch('/status', { cache: 'no-store' }).then(r => r.json()),
      fetch('/metrics', { cache: 'no-store' }).then(r => r.text()),
    ]);
    render(status, parseMetrics(metricsText));
  } catch (e) {
    const state = document.getElementById('state');
    state.textContent = 'unreachable';
    state.className = 'badge unreachable';
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

poll();

// The managers' dashboard: each chart reads its /api/stats/... endpoint with the filters chosen
// (the webapps' login travels as the session cookie) and marks itself data-rendered="true".
(function () {
  'use strict';

  const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const STAGES = {
    AWAITING_VISIT: 'Awaiting visit', ASSESSMENT: 'Assessment', INTENSIVE_SUPPORT: 'Intensive support',
    HANDOVER: 'Handover'
  };
  const COLOURS = ['#1d70b8', '#f47738', '#00703c', '#912b88', '#d4351c', '#505a5f', '#28a197', '#b58840'];
  const charts = {};

  const title = (s) => s ? s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ') : s;
  const words = (s) => s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
  const minutes = (m) => m == null ? '–' : m < 120 ? m + ' min' : (m / 60).toFixed(1) + ' h';

  function query() {
    const form = new FormData(document.getElementById('filters'));
    const params = new URLSearchParams();
    for (const [k, v] of form.entries()) {
      if (v) params.set(k, v);
    }
    return params.toString();
  }

  async function figures(path) {
    const response = await fetch('/api/stats/' + path + '?' + query(), {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(path + ': ' + detail);
    }
    return response.json();
  }

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, animation: false }, config.options || {});
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function rendered(name) {
    document.querySelector('[data-chart="' + name + '"]').dataset.rendered = 'true';
  }

  function heatmap(data) {
    const max = Math.max(1, ...data.cells.map((c) => c.calls));
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    head.insertCell().outerHTML = '<th scope="col">Day</th>';
    for (let h = 0; h < 24; h++) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = String(h).padStart(2, '0');
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (let d = 1; d <= 7; d++) {
      const row = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = DAYS[d - 1];
      row.appendChild(th);
      for (let h = 0; h < 24; h++) {
        const calls = data.cells.find((c) => c.day === d && c.hour === h).calls;
        const cell = row.insertCell();
        cell.textContent = calls || '';
        cell.dataset.day = d;
        cell.dataset.hour = h;
        cell.title = DAYS[d - 1] + ' ' + String(h).padStart(2, '0') + ':00: ' + calls + ' calls';
        const strength = calls / max;
        cell.style.background = 'rgba(29, 112, 184, ' + (0.08 + 0.92 * strength).toFixed(2) + ')';
        cell.style.color = strength > 0.5 ? '#fff' : '#0b0c0c';
      }
    }
    const place = document.getElementById('heatmap');
    place.replaceChildren(table);
    const total = document.createElement('p');
    total.className = 'hint';
    total.textContent = data.total + ' calls from ' + data.from + ' to ' + data.to + '.';
    place.appendChild(total);
    rendered('calls-by-hour');
  }

  function districts(data) {
    const rows = data.districts;
    draw('districts', {
      type: 'bar',
      data: {
        labels: rows.map((r) => title(r.district) + (r.team === 'NONE' ? ' (no team)' : ' (' + title(r.team) + ')')),
        datasets: [
          { label: 'Calls', data: rows.map((r) => r.calls), backgroundColor: COLOURS[0] },
          { label: 'Open cases', data: rows.map((r) => r.openCases), backgroundColor: COLOURS[1] }
        ]
      }
    });
    rendered('districts');
  }

  function responseWindows(data) {
    document.getElementById('overall').textContent = data.percentMet == null ? 'none ended' : data.percentMet + ' %';
    const weeks = [...new Set(data.weeks.map((w) => w.weekStarting))].sort();
    const series = [...new Set(data.weeks.map((w) => 'Grade ' + w.grade + ', ' + title(w.team)))].sort();
    draw('responseWindows', {
      type: 'line',
      data: {
        labels: weeks,
        datasets: series.map((s, i) => ({
          label: s,
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length],
          spanGaps: true,
          data: weeks.map((week) => {
            const w = data.weeks.find((x) => x.weekStarting === week && 'Grade ' + x.grade + ', ' + title(x.team) === s);
            return w ? w.percentMet : null;
          })
        }))
      },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% met' } } } }
    });
    const body = document.querySelector('#windowTable tbody');
    body.replaceChildren(...data.weeks.map((w) => {
      const tr = document.createElement('tr');
      [w.weekStarting, w.grade, title(w.team), w.met, w.missed, w.open,
        w.percentMet == null ? '–' : w.percentMet + ' %', minutes(w.medianMinutesToVisit), minutes(w.p90MinutesToVisit)]
        .forEach((v) => { const td = tr.insertCell(); td.textContent = v; });
      return tr;
    }));
    rendered('response-windows');
  }

  function openCases(data) {
    draw('openCases', {
      type: 'bar',
      data: {
        labels: data.stages.map((s) => STAGES[s.stage] || title(s.stage)),
        datasets: [
          { label: 'On time', data: data.stages.map((s) => s.open - s.overdue), backgroundColor: COLOURS[0] },
          { label: 'Past a deadline', data: data.stages.map((s) => s.overdue), backgroundColor: '#d4351c' }
        ]
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
    const list = document.getElementById('overdue');
    list.replaceChildren(...data.overdue.map((c) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = c.link;
      a.textContent = c.caseRef;
      li.append(a, ' ', STAGES[c.stage] || c.stage, ', ', c.allocatedWorker || 'not allocated');
      li.className = 'late';
      return li;
    }));
    if (!data.overdue.length) list.textContent = 'None.';
    rendered('open-cases');
  }

  function caseloads(data) {
    draw('caseloads', {
      type: 'bar',
      data: {
        labels: data.workers.map((w) => w.name),
        datasets: [
          { label: 'Open cases', data: data.workers.map((w) => w.open), backgroundColor: COLOURS[0] },
          { label: 'Of those past a deadline', data: data.workers.map((w) => w.overdue), backgroundColor: '#d4351c' }
        ]
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } }
    });
    rendered('caseloads');
  }

  function escalations(data) {
    document.getElementById('escalationTotal').textContent = data.escalations;
    document.getElementById('incidentTotal').textContent = data.incidents;
    const rows = data.byKind.map((c) => ({ label: words(c.kind) + ' (' + title(c.team) + ')', count: c.count, incident: false }))
      .concat(data.incidentsByActivity.map((c) => ({ label: 'Incident: ' + words(c.kind.replace(/^Task_/, '')) + ' (' + title(c.team) + ')', count: c.count, incident: true })));
    draw('escalations', {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.label),
        datasets: [{ label: 'Count', data: rows.map((r) => r.count), backgroundColor: rows.map((r) => r.incident ? '#d4351c' : COLOURS[1]) }]
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } }
    });
    rendered('escalations');
  }

  async function load() {
    const status = document.getElementById('status');
    status.textContent = 'Loading…';
    document.querySelectorAll('[data-chart]').forEach((c) => delete c.dataset.rendered);
    const parts = [
      ['calls-by-hour', heatmap], ['districts', districts], ['response-windows', responseWindows],
      ['open-cases', openCases], ['caseloads', caseloads], ['escalations', escalations]
    ];
    const results = await Promise.allSettled(parts.map(([path, show]) => figures(path).then(show)));
    const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
    status.textContent = failed.length ? 'Could not load: ' + failed.join('; ') : '';
  }

  // for tests and for anybody reading the figures behind a chart
  window.earDashboard = {
    labels: () => Object.values(charts).flatMap((c) => c.data.labels.concat(c.data.datasets.map((d) => d.label))),
    points: (id) => charts[id] ? charts[id].data.datasets.flatMap((d) => d.data).filter((v) => v != null).length : 0
  };

  document.getElementById('filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  load();
})();

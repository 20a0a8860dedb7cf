/*
 * Entente's page. Plain JavaScript, no libraries, no network but this application's own API.
 * Every answer comes from the server (the rules live in Java); this file only draws them.
 */
(function () {
  'use strict';

  /** The date the page opens on: a fixed, interesting day (Turkey's veto is in force), never "today". */
  const DEFAULT_DATE = '2011-01-01';
  const MS_PER_DAY = 86400000;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const DIMENSION_LABELS = {
    majorNonNatoAlly: 'Major non-NATO ally',
    mediterraneanDialogue: 'Mediterranean Dialogue',
    exerciseParticipation: 'Exercise participation',
    catalogingSystem: 'Cataloging system',
    headquartersOffice: 'Headquarters office',
    representation: 'Representation',
    industryAccess: 'Industry access',
    agreements: 'Agreements',
    membership: 'Membership',
    membershipConditions: 'Membership conditions'
  };
  const PRECISION_WORDS = { DAY: 'day', MONTH: 'month', YEAR: 'year' };
  const VALUE_COLOURS = {
    NONE: '#e3e6eb', NOT_ACCREDITED: '#e3e6eb', NON_MEMBER: '#e3e6eb',
    DESIGNATED: '#9cc5e8', PARTNER: '#a8d5a2', ACTIVE: '#7cc47f', VETOED: '#e57368', MEMBER: '#8fb8de',
    AUTHORIZED: '#b9a3d9', ACCREDITED: '#e0b96a', SUPPLIER: '#9fd3cf', NATO_TENDERS: '#4fa59e'
  };
  const LIST_SHADES = ['#e3e6eb', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6'];
  const OTHER_COLOURS = ['#f4b183', '#c5e0b4', '#ffd966', '#bdd7ee', '#d5a6bd', '#a9d18e', '#f8cbad', '#b4a7d6'];

  const state = {
    relation: null,
    timeline: null,        // {relation, dimensions: {key: [segment]}}
    events: [],            // the stored events, as the events API gives them
    facts: [],             // the facts among them, with their window in day numbers
    full: null,            // {from, to}: the whole history, in day numbers
    zoom: 'all',
    date: DEFAULT_DATE,
    step: 0,
    steps: 0,
    replay: null,
    whatIf: null           // the last scenario run, drawn over the baseline
  };

  const $ = (id) => document.getElementById(id);

  // --- dates ------------------------------------------------------------------------------------

  /** Day number (days since 1970-01-01) of a YYYY-MM-DD string, or NaN. */
  function dayOf(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) {
      return NaN;
    }
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    const d = new Date(t);
    if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
      return NaN;
    }
    return Math.round(t / MS_PER_DAY);
  }

  function isoOf(day) {
    const d = new Date(day * MS_PER_DAY);
    const y = String(d.getUTCFullYear()).padStart(4, '0');
    return y + '-' + String(d.getUTCMonth() + 1).padStart(2, '0') + '-' + String(d.getUTCDate()).padStart(2, '0');
  }

  function yearStart(year) {
    return Math.round(Date.UTC(year, 0, 1) / MS_PER_DAY);
  }

  function yearOf(day) {
    return new Date(day * MS_PER_DAY).getUTCFullYear();
  }

  /** The days a valid date covers: "2010" is the whole year, "2010-06" the month, "2010-06-01" the day. */
  function windowOf(validDate) {
    const parts = validDate.split('-').map(Number);
    if (parts.length === 1) {
      return { from: yearStart(parts[0]), to: yearStart(parts[0] + 1) - 1 };
    }
    if (parts.length === 2) {
      return {
        from: Math.round(Date.UTC(parts[0], parts[1] - 1, 1) / MS_PER_DAY),
        to: Math.round(Date.UTC(parts[0], parts[1], 0) / MS_PER_DAY)
      };
    }
    const day = dayOf(validDate);
    return { from: day, to: day };
  }

  function precisionOf(dateText) {
    return dateText.length === 4 ? 'year' : dateText.length === 7 ? 'month' : 'day';
  }

  // --- values -----------------------------------------------------------------------------------

  function dimensionLabel(key) {
    return DIMENSION_LABELS[key] || key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
  }

  function valueText(value) {
    if (Array.isArray(value)) {
      return value.length === 0 ? 'none' : value.join(', ');
    }
    return value === null || value === undefined ? '' : String(value);
  }

  function colourOf(value) {
    if (Array.isArray(value)) {
      return LIST_SHADES[Math.min(value.length, LIST_SHADES.length - 1)];
    }
    if (VALUE_COLOURS[value]) {
      return VALUE_COLOURS[value];
    }
    let hash = 0;
    for (const c of String(value)) {
      hash = (hash * 31 + c.charCodeAt(0)) | 0;
    }
    return OTHER_COLOURS[Math.abs(hash) % OTHER_COLOURS.length];
  }

  function answerText(answer) {
    if (answer.certain) {
      return valueText(answer.value);
    }
    return 'uncertain: ' + (answer.possibleValues || []).map(valueText).join(' or ');
  }

  function detailText(detail) {
    if (!detail) {
      return '';
    }
    return Object.entries(detail)
      .map(([k, v]) => k.replace(/([A-Z])/g, ' $1').toLowerCase() + ' ' + v)
      .join(', ');
  }

  // --- the API ----------------------------------------------------------------------------------

  /** GETs (or sends) JSON; a non-2xx answer throws with the problem detail's text. */
  async function api(path, options) {
    const response = await fetch(path, Object.assign({ headers: { Accept: 'application/json, application/problem+json' } }, options));
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const error = new Error(body && body.detail ? body.detail : response.status + ' ' + response.statusText);
      error.status = response.status;
      error.problem = body;
      throw error;
    }
    return body;
  }

  function relationPath(suffix) {
    return 'api/relations/' + encodeURIComponent(state.relation) + suffix;
  }

  // --- small DOM helpers --------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svgEl(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) {
        continue;
      }
      if (k === 'text') {
        node.textContent = v;
      } else if (k === 'class') {
        node.setAttribute('class', v);
      } else if (k === 'style') {
        // Through the CSSOM, not as a style attribute: the Content-Security-Policy (style-src 'self') refuses
        // inline style attributes.
        for (const rule of String(v).split(';')) {
          const colon = rule.indexOf(':');
          if (colon > 0) {
            node.style.setProperty(rule.slice(0, colon).trim(), rule.slice(colon + 1).trim());
          }
        }
      } else if (k.startsWith('on')) {
        node.addEventListener(k.slice(2), v);
      } else {
        node.setAttribute(k, v === true ? '' : v);
      }
    }
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) {
        continue;
      }
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  /** Replaces a node's children; arrays are flattened and null/false skipped, as in el(). */
  function fill(node, ...children) {
    node.replaceChildren();
    append(node, children);
  }

  function debounce(fn, ms) {
    let timer = null;
    return function (...args) {
      clearTimeout(timer);
      timer = setTimeout(() => fn.apply(this, args), ms);
    };
  }

  function showError(node, message) {
    node.textContent = message || '';
    node.hidden = !message;
  }

  // --- loading ------------------------------------------------------------------------------------

  async function init() {
    bindControls();
    try {
      const relations = await api('api/relations');
      const select = $('relation-select');
      select.replaceChildren(...relations.map((r) => el('option', { value: r.id, text: r.title + ' (' + r.facts + ' facts)' })));
      if (relations.length === 0) {
        showError($('load-error'), 'No relation is recorded yet.');
        return;
      }
      state.relation = relations[0].id;
      await loadRelation();
    } catch (e) {
      showError($('load-error'), 'Could not load the relations: ' + e.message);
    }
    initWhatIf();
  }

  async function loadRelation() {
    showError($('load-error'), '');
    const [timeline, events] = await Promise.all([api(relationPath('/timeline')), api(relationPath('/events'))]);
    state.timeline = timeline;
    state.events = events;
    // Facts: every event with a valid date but the corrections (their effect is in the timeline the API gives).
    state.facts = events.filter((e) => e.validDate && e.type !== 'FactCorrected').map((e) => ({
      id: e.payload.factId,
      type: e.type,
      validDate: e.validDate,
      precision: e.precision,
      sources: e.sources || [],
      globalSequence: e.globalSequence,
      window: windowOf(e.validDate)
    }));
    const years = state.facts.map((f) => yearOf(f.window.from)).concat(state.facts.map((f) => yearOf(f.window.to)));
    const first = years.length ? Math.min(...years) : 2000;
    const last = years.length ? Math.max(...years) : 2020;
    state.full = { from: yearStart(Math.floor((first - 1) / 10) * 10), to: yearStart(last + 2) - 1 };
    state.steps = events.filter((e) => e.type !== 'RelationOpened').length;
    state.step = Math.min(state.step, state.steps);

    const slider = $('date-slider');
    slider.min = '0';
    slider.max = String(state.full.to - state.full.from);

    drawTimelines();
    renderTimelineText();
    renderLegend();
    renderEvents();
    await Promise.all([showDate(state.date), showStep(state.step)]);
  }

  // --- the timeline ---------------------------------------------------------------------------------

  function domain() {
    if (state.zoom === 'all' || !state.full) {
      return state.full;
    }
    const [a, b] = state.zoom.split('-').map(Number);
    return { from: yearStart(a), to: yearStart(b + 1) - 1 };
  }

  function drawTimelines() {
    if (!state.timeline) {
      return;
    }
    drawTimeline($('timeline-svg'), state.timeline.dimensions, { facts: state.facts, interactive: true });
    if (state.whatIf) {
      const divergences = state.whatIf.diff.dimensions;
      drawTimeline($('whatif-svg'), state.timeline.dimensions, {
        overlay: state.whatIf.timeline,
        divergences,
        changed: new Set(Object.keys(divergences).filter((key) => divergences[key].length > 0))
      });
    }
    if (state.replay) {
      const applied = state.replay.applied;
      const shown = applied ? state.facts.filter((f) => f.globalSequence <= applied.globalSequence) : [];
      drawTimeline($('replay-svg'), state.replay.dimensions, {
        facts: shown,
        applied: applied ? applied.factId : null,
        changed: new Set(state.replay.applied ? state.replay.applied.changedDimensions : [])
      });
    }
  }

  /**
   * Draws one lane per dimension (and, with an overlay, a second bar per lane for the scenario), the fact
   * markers in rows above them, a year axis and the selected date's cursor.
   */
  function drawTimeline(svg, dimensions, options) {
    const opts = options || {};
    const range = domain();
    const width = Math.max(300, Math.round(svg.parentElement.clientWidth || 800));
    const narrow = width < 560;
    const labelWidth = narrow ? 0 : 172;
    const x0 = labelWidth + 6;
    const x1 = width - 10;
    const span = range.to + 1 - range.from;
    const x = (day) => x0 + (Math.min(Math.max(day, range.from), range.to + 1) - range.from) / span * (x1 - x0);
    const keys = Object.keys(dimensions);
    const overlay = opts.overlay || null;

    svg.replaceChildren();
    const hatchId = svg.id + '-hatch';
    svg.append(svgEl('defs', {},
      svgEl('pattern', { id: hatchId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svgEl('rect', { width: 6, height: 6, fill: '#ffffff' }),
        svgEl('rect', { width: 2.5, height: 6, fill: '#8a93a3' }))));

    let y = 18; // below the axis labels
    const axis = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
    svg.append(axis);

    // Fact markers, packed into rows so that none hides another.
    const markerGroup = svgEl('g', { class: 'facts', role: opts.interactive ? 'list' : null, 'aria-label': opts.interactive ? 'Facts' : null });
    const facts = (opts.facts || []).filter((f) => f.window.to >= range.from && f.window.from <= range.to);
    if (facts.length) {
      const rows = [];
      const rowHeight = 11;
      const sorted = facts.slice().sort((a, b) => a.window.from - b.window.from || a.window.to - b.window.to);
      const placed = sorted.map((fact) => {
        const left = x(fact.window.from);
        const w = Math.max(5, x(fact.window.to + 1) - left);
        let row = rows.findIndex((end) => end + 2 <= left);
        if (row < 0) {
          rows.push(0);
          row = rows.length - 1;
        }
        rows[row] = left + w;
        return { fact, left, w, row };
      });
      if (!narrow) {
        svg.append(svgEl('text', { class: 'lane-label', x: 4, y: y + 10, text: 'Facts (' + facts.length + ')' }));
      } else {
        svg.append(svgEl('text', { class: 'lane-label', x: x0, y: y + 9, text: 'Facts (' + facts.length + ')' }));
        y += 12;
      }
      for (const p of placed) {
        const classes = 'fact precision-' + p.fact.precision + (p.fact.id === opts.applied ? ' applied' : '');
        const marker = svgEl('g', {
          class: classes,
          'data-fact-id': p.fact.id,
          tabindex: opts.interactive ? 0 : null,
          role: opts.interactive ? 'button' : null,
          'aria-label': opts.interactive ? factLabel(p.fact) : null
        }, svgEl('rect', { x: p.left.toFixed(1), y: y + p.row * rowHeight, width: p.w.toFixed(1), height: rowHeight - 3, rx: 2 }));
        if (opts.interactive) {
          marker.addEventListener('mouseenter', () => showTip(p.fact, marker));
          marker.addEventListener('mouseleave', () => hideTip(marker));
          marker.addEventListener('focus', () => showTip(p.fact, marker));
          marker.addEventListener('blur', () => hideTip(marker));
          marker.addEventListener('click', (event) => {
            event.stopPropagation();
            pickDate(isoOf(p.fact.window.to));
          });
          marker.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              pickDate(isoOf(p.fact.window.to));
            } else if (event.key === 'Escape') {
              hideTip(marker);
            }
          });
        } else {
          marker.append(svgEl('title', { text: factLabel(p.fact) }));
        }
        markerGroup.append(marker);
      }
      y += rows.length * rowHeight + 8;
    }

    // One lane per dimension.
    const lanes = svgEl('g', { class: 'lanes' });
    const barHeight = overlay ? 13 : 18;
    for (const key of keys) {
      const lane = svgEl('g', { class: 'lane' + (opts.changed && opts.changed.has(key) ? ' changed' : ''), 'data-dimension': key });
      const label = dimensionLabel(key);
      if (narrow) {
        lane.append(svgEl('text', { class: 'lane-label', x: x0, y: y + 10, text: overlay ? label + ' (history / scenario)' : label }));
        y += 13;
      }
      const laneHeight = overlay ? barHeight * 2 + 3 : barHeight;
      lane.append(svgEl('rect', { class: 'lane-bg', x: x0, y: y, width: x1 - x0, height: laneHeight }));
      if (!narrow && overlay) {
        lane.append(svgEl('text', { class: 'lane-label', x: 4, y: y + barHeight - 3, text: label }));
        lane.append(svgEl('text', { class: 'lane-sublabel', x: 14, y: y + 2 * barHeight, text: 'scenario' }));
      } else if (!narrow) {
        lane.append(svgEl('text', { class: 'lane-label', x: 4, y: y + laneHeight / 2 + 4, text: label }));
      }
      drawSegments(lane, dimensions[key], key, { x, y, height: barHeight, range, hatchId, role: overlay ? 'baseline' : null });
      if (overlay && overlay[key]) {
        drawSegments(lane, overlay[key], key, {
          x, y: y + barHeight + 3, height: barHeight, range, hatchId, role: 'scenario',
          divergences: (opts.divergences && opts.divergences[key]) || []
        });
      }
      lanes.append(lane);
      y += laneHeight + (narrow ? 5 : 7);
    }
    svg.append(lanes, markerGroup);

    // Year axis, with lines through every lane.
    const years = (range.to - range.from) / 365.25;
    const stepYears = years <= 16 ? 1 : years <= 45 ? 5 : 10;
    const minGap = narrow ? 34 : 30;
    let lastLabel = -Infinity;
    for (let year = Math.ceil(yearOf(range.from) / stepYears) * stepYears; yearStart(year) <= range.to; year += stepYears) {
      const xx = x(yearStart(year));
      axis.append(svgEl('line', { x1: xx, x2: xx, y1: 14, y2: y }));
      if (xx - lastLabel >= minGap) {
        const anchor = xx < x0 + 14 ? 'start' : xx > x1 - 14 ? 'end' : 'middle';
        axis.append(svgEl('text', { x: xx, y: 11, 'text-anchor': anchor, text: String(year) }));
        lastLabel = xx;
      }
    }

    // The selected date.
    const cursor = svgEl('g', { class: 'cursor-group', 'aria-hidden': 'true' });
    cursor.append(svgEl('line', { class: 'cursor', x1: 0, x2: 0, y1: 14, y2: y }));
    svg.append(cursor);

    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (y + 4));
    svg.setAttribute('width', width);
    svg.setAttribute('height', y + 4);
    svg.entente = { x, x0, x1, range, cursor, height: y };
    moveCursor(svg);

    if (opts.interactive) {
      svg.onclick = (event) => {
        const box = svg.getBoundingClientRect();
        const px = (event.clientX - box.left) * (width / box.width);
        if (px < x0 || px > x1) {
          return;
        }
        pickDate(isoOf(Math.round(range.from + (px - x0) / (x1 - x0) * span)));
      };
    }
  }

  function drawSegments(parent, segments, key, g) {
    for (const segment of segments || []) {
      const from = segment.from ? dayOf(segment.from) : -Infinity;
      const to = segment.to ? dayOf(segment.to) : Infinity;
      if (to < g.range.from || from > g.range.to) {
        continue;
      }
      const left = g.x(Math.max(from, g.range.from));
      const right = g.x(Math.min(to, g.range.to) + 1);
      const answer = segment.answer;
      const uncertain = !answer.certain;
      const group = svgEl('g', {
        class: 'segment' + (uncertain ? ' uncertain' : '') + (g.role ? ' ' + g.role : ''),
        'data-value': uncertain ? '' : valueText(answer.value),
        'data-from': segment.from || '', 'data-to': segment.to || ''
      });
      const fill = uncertain ? 'url(#' + g.hatchId + ')' : colourOf(answer.value);
      group.append(svgEl('rect', { x: left.toFixed(1), y: g.y, width: Math.max(0.8, right - left).toFixed(1), height: g.height, fill }));
      if (uncertain) {
        group.append(svgEl('rect', { class: 'outline', x: left.toFixed(1), y: g.y + 0.5, width: Math.max(0.8, right - left).toFixed(1), height: g.height - 1 }));
      }
      const text = answerText(answer);
      if (right - left > text.length * 6.1 + 8) {
        group.append(svgEl('text', { class: 'segment-label', x: (left + 4).toFixed(1), y: g.y + g.height / 2 + 4, text }));
      }
      const who = g.role === 'scenario' ? ' (scenario)' : g.role === 'baseline' ? ' (recorded history)' : '';
      group.append(svgEl('title', { text: dimensionLabel(key) + who + ': ' + text + ', ' + intervalText(segment) }));
      parent.append(group);
    }
    for (const d of g.divergences || []) {
      const from = d.from ? dayOf(d.from) : -Infinity;
      const to = d.to ? dayOf(d.to) : Infinity;
      if (to < g.range.from || from > g.range.to) {
        continue;
      }
      const left = g.x(Math.max(from, g.range.from));
      const right = g.x(Math.min(to, g.range.to) + 1);
      parent.append(svgEl('g', { class: 'segment diverges', 'data-from': d.from || '', 'data-to': d.to || '' },
        svgEl('rect', { class: 'outline', x: left.toFixed(1), y: g.y - 1, width: Math.max(2, right - left).toFixed(1), height: g.height + 2 }),
        svgEl('title', { text: dimensionLabel(key) + ': the scenario diverges ' + intervalText(d) })));
    }
  }

  function intervalText(segment) {
    if (!segment.from && !segment.to) {
      return 'at all times';
    }
    if (!segment.from) {
      return 'until ' + segment.to;
    }
    if (!segment.to) {
      return 'from ' + segment.from;
    }
    return 'from ' + segment.from + ' to ' + segment.to;
  }

  function factLabel(fact) {
    return fact.type + ' ' + fact.id + ', dated ' + fact.validDate + ' (' + PRECISION_WORDS[fact.precision] + ' precision)';
  }

  function moveCursor(svg) {
    const g = svg.entente;
    if (!g) {
      return;
    }
    const day = dayOf(state.date);
    const visible = day >= g.range.from && day <= g.range.to;
    g.cursor.style.display = visible ? '' : 'none';
    if (visible) {
      const xx = g.x(day) + (g.x(day + 1) - g.x(day)) / 2;
      g.cursor.setAttribute('transform', 'translate(' + xx.toFixed(1) + ',0)');
    }
  }

  // --- the fact tooltip -----------------------------------------------------------------------------

  function showTip(fact, marker) {
    const tip = $('fact-tip');
    fill(tip,
      el('div', { class: 'tip-date', text: fact.validDate + ' · ' + PRECISION_WORDS[fact.precision] + ' precision' }),
      el('div', {}, el('strong', { text: fact.type }), ' · ', el('code', { text: fact.id })),
      ...fact.sources.map((s) => el('div', {},
        el('blockquote', { text: '“' + s.quote + '”' }),
        el('cite', { text: s.seed || s.url || s.title || '' })))
    );
    tip.hidden = false;
    marker.setAttribute('aria-describedby', 'fact-tip');
    document.querySelectorAll('#timeline-svg .fact.active').forEach((m) => m.classList.remove('active'));
    marker.classList.add('active');
    const box = $('timeline-box').getBoundingClientRect();
    const r = marker.getBoundingClientRect();
    const tipWidth = tip.offsetWidth;
    const left = Math.min(Math.max(0, r.left - box.left + r.width / 2 - tipWidth / 2), Math.max(0, box.width - tipWidth));
    tip.style.left = left + 'px';
    tip.style.top = (r.bottom - box.top + 6) + 'px';
  }

  function hideTip(marker) {
    $('fact-tip').hidden = true;
    marker.removeAttribute('aria-describedby');
    marker.classList.remove('active');
  }

  // --- the timeline as text, and the legend -----------------------------------------------------------

  function renderTimelineText() {
    const box = $('timeline-text');
    const rows = [];
    for (const [key, segments] of Object.entries(state.timeline.dimensions)) {
      segments.forEach((segment, i) => {
        const answer = segment.answer;
        rows.push(el('tr', {},
          i === 0 ? el('th', { scope: 'rowgroup', rowspan: segments.length, text: dimensionLabel(key) }) : null,
          el('td', { text: segment.from || 'the beginning' }),
          el('td', { text: segment.to || 'now' }),
          el('td', { text: answerText(answer) + (answer.certain ? '' : ' (the change happened in ' + answer.window.from + ' – ' + answer.window.to + ')') }),
          el('td', { text: (answer.facts || []).map((f) => f.id).join(', ') })));
      });
    }
    const facts = state.facts.map((f) => el('tr', {},
      el('td', { text: f.validDate }),
      el('td', { text: PRECISION_WORDS[f.precision] }),
      el('td', { text: f.type }),
      el('td', { text: f.id }),
      el('td', { text: f.sources.map((s) => '“' + s.quote + '” (' + (s.seed || s.url) + ')').join(' ') })));
    fill(box,
      el('h3', { text: 'Each dimension over time' }),
      el('div', { class: 'scroll-x' }, el('table', { id: 'timeline-table' },
        el('thead', {}, el('tr', {}, ['Dimension', 'From', 'To', 'Answer', 'Facts'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, rows))),
      el('h3', { text: 'The facts, by valid date' }),
      el('div', { class: 'scroll-x' }, el('table', { id: 'facts-table' },
        el('thead', {}, el('tr', {}, ['Date', 'Precision', 'Type', 'Fact', 'Source'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, facts))));
  }

  function renderLegend() {
    const seen = new Map();
    let lists = false;
    for (const segments of Object.values(state.timeline.dimensions)) {
      for (const s of segments) {
        if (s.answer.certain && Array.isArray(s.answer.value)) {
          lists = true;
        } else if (s.answer.certain) {
          seen.set(valueText(s.answer.value), colourOf(s.answer.value));
        }
      }
    }
    const items = [...seen.entries()].map(([text, colour]) =>
      el('li', {}, el('span', { class: 'swatch', style: 'background:' + colour, 'aria-hidden': 'true' }), text));
    if (lists) {
      items.push(el('li', {}, LIST_SHADES.slice(1, 4).map((c) => el('span', { class: 'swatch', style: 'background:' + c, 'aria-hidden': 'true' })),
        'lists (agreements, conditions): darker = more items'));
    }
    items.push(el('li', {}, el('span', { class: 'swatch uncertain', 'aria-hidden': 'true' }), 'uncertain'));
    items.push(el('li', {}, 'Fact markers: dark = day, mid = month, light = year precision'));
    $('timeline-legend').replaceChildren(...items);
  }

  // --- status at a date -----------------------------------------------------------------------------

  let statusRequest = 0;

  /** Asks the server for the status at {@code at}; on success the date becomes the selected date. */
  async function showDate(at) {
    const request = ++statusRequest;
    const input = $('date-input');
    try {
      const status = await api(relationPath('/status?at=' + encodeURIComponent(at)));
      if (request !== statusRequest) {
        return;
      }
      showError($('date-error'), '');
      input.removeAttribute('aria-invalid');
      syncDate(status.at);
      $('status-caption').textContent = 'Status of ' + state.relation + ' on ' + status.at;
      renderStatus($('status-list'), status.dimensions, {});
    } catch (e) {
      if (request !== statusRequest) {
        return;
      }
      input.setAttribute('aria-invalid', 'true');
      const parameter = e.problem && e.problem.parameter ? ' (parameter ' + e.problem.parameter + ')' : '';
      showError($('date-error'), e.message + parameter);
    }
  }

  /** Keeps the field, the slider and the timelines' cursors on one date. */
  function syncDate(iso) {
    state.date = iso;
    const input = $('date-input');
    if (document.activeElement !== input || dayOf(input.value) !== dayOf(iso)) {
      input.value = iso;
    }
    const slider = $('date-slider');
    if (state.full) {
      slider.value = String(Math.min(Math.max(dayOf(iso) - state.full.from, 0), state.full.to - state.full.from));
    }
    slider.setAttribute('aria-valuetext', iso);
    moveCursor($('timeline-svg'));
    moveCursor($('replay-svg'));
    $('replay-status-date').textContent = iso;
  }

  const refreshReplayStatus = debounce(() => showStep(state.step), 150);
  const fetchStatus = debounce((iso) => showDate(iso), 90);

  /** A date chosen on the slider, a marker or the timeline: move at once, ask the server shortly after. */
  function pickDate(iso) {
    syncDate(iso);
    fetchStatus(iso);
    refreshReplayStatus();
  }

  function renderStatus(container, dimensions, options) {
    const compact = !!options.compact;
    const changed = options.changed || new Set();
    const cards = Object.entries(dimensions).map(([key, answer]) => {
      const headingId = container.id + '-' + key;
      const value = answer.certain
        ? el('span', { class: 'value', 'data-value': valueText(answer.value), style: 'background:' + colourOf(answer.value), text: valueText(answer.value) })
        : el('span', { class: 'value uncertain', 'data-value': '', text: answerText(answer) });
      const when = answer.certain
        ? (answer.since ? el('span', { class: 'since', text: ' since ' + answer.since + ' (' + precisionOf(answer.since) + ')' }) : el('span', { class: 'since', text: ' from the beginning' }))
        : el('span', { class: 'window', text: ' the change happened between ' + answer.window.from + ' and ' + answer.window.to });
      const detail = detailText(answer.detail);
      const parts = [el('h3', { id: headingId, text: dimensionLabel(key) }), el('p', { class: 'answer' }, value, when, detail ? el('span', { class: 'since', text: ' — ' + detail }) : null)];
      if (!compact && answer.facts && answer.facts.length) {
        parts.push(el('p', { class: 'since', text: 'Why:' }), el('ul', { class: 'why' }, answer.facts.map((f) => el('li', {},
          el('strong', { text: f.type }), ' ', el('code', { text: f.id }), ', dated ' + f.date + ' (' + PRECISION_WORDS[f.precision] + ')',
          (f.sources || []).map((s) => el('blockquote', {}, '“' + s.quote + '” ', el('cite', { text: s.seed || s.url || '' })))))));
      } else if (!compact && answer.certain) {
        parts.push(el('p', { class: 'since', text: 'Why: no fact has changed it; this is its initial value.' }));
      }
      return el('article', { class: 'dimension' + (changed.has(key) ? ' changed' : ''), 'data-dimension': key, 'aria-labelledby': headingId }, parts);
    });
    container.replaceChildren(...cards);
  }

  // --- step-through replay ------------------------------------------------------------------------------

  let replayRequest = 0;

  async function showStep(step) {
    if (!state.relation) {
      return;
    }
    const n = Math.max(0, Math.min(step, state.steps));
    state.step = n;
    updateStepControls();
    const request = ++replayRequest;
    let replay;
    try {
      replay = await api(relationPath('/replay?step=' + n + '&at=' + encodeURIComponent(state.date)));
    } catch (e) {
      if (request === replayRequest) {
        $('replay-applied').replaceChildren(el('p', { class: 'error', text: 'Could not replay: ' + e.message }));
      }
      return;
    }
    if (request !== replayRequest) {
      return;
    }
    state.replay = replay;
    state.steps = replay.steps;
    updateStepControls();
    renderApplied(replay);
    drawTimelines();
    renderStatus($('replay-status'), replay.status || {}, {
      compact: true, changed: new Set(replay.applied ? replay.applied.changedDimensions : [])
    });
    $('replay-status-date').textContent = replay.at || state.date;
    document.querySelectorAll('#events-table tr.applied-row').forEach((r) => r.classList.remove('applied-row'));
    if (replay.applied) {
      const row = document.querySelector('#events-table tr[data-global-sequence="' + replay.applied.globalSequence + '"]');
      if (row) {
        row.classList.add('applied-row');
      }
    }
  }

  function updateStepControls() {
    $('replay-counter').textContent = 'Step ' + state.step + ' of ' + state.steps;
    $('replay-first').disabled = state.step === 0;
    $('replay-prev').disabled = state.step === 0;
    $('replay-next').disabled = state.step >= state.steps;
    $('replay-last').disabled = state.step >= state.steps;
  }

  function renderApplied(replay) {
    const box = $('replay-applied');
    const summary = replay.accepted + ' facts accepted' + (replay.rejected.length ? ', ' + replay.rejected.length + ' rejected' : '')
      + ' after ' + replay.step + ' of ' + replay.steps + ' recorded events';
    if (!replay.applied) {
      box.className = 'applied';
      fill(box, el('p', {}, el('strong', { text: 'No fact folded yet.' }),
        ' Every dimension has its initial value. Press Next (or →) to apply the first recorded event.'));
      return;
    }
    const a = replay.applied;
    const f = a.fact || { id: a.factId, type: a.type, sources: [] };
    const c = a.correction;
    box.className = 'applied' + (a.accepted ? '' : ' rejected');
    const changed = a.changedDimensions.length
      ? 'Changed: ' + a.changedDimensions.map(dimensionLabel).join(', ') + '.'
      : 'Changed no dimension (the fact is context, or confirms a value already held).';
    fill(box,
      el('p', {},
        el('span', { class: 'badge' + (a.accepted ? '' : ' rejected'), text: a.accepted ? 'accepted' : 'rejected' }), ' ',
        c ? [el('strong', { text: 'Correction' }), ' of '] : null,
        el('strong', { text: f.type }), ' ', el('code', { id: 'replay-fact-id', text: a.factId }),
        f.date ? ', dated ' + f.date + ' (' + PRECISION_WORDS[f.precision] + ' precision)' : '',
        ' — recorded event ' + a.position + ' of ' + replay.steps + ', global sequence ' + a.globalSequence + '.'),
      c ? el('p', { id: 'replay-correction', text: (c.retracted ? 'Retracts the fact. ' : '')
        + (c.date ? 'New date: ' + c.date + '. ' : '') + 'Reason: ' + c.reason }) : null,
      a.rejection ? el('p', { class: 'error', text: 'Rule ' + a.rejection.rule + ': ' + a.rejection.reason }) : null,
      el('p', { id: 'replay-changed', text: changed }),
      ((c ? c.sources : f.sources) || []).map((s) => el('blockquote', {}, '“' + s.quote + '” ', el('cite', { text: s.seed || s.url || '' }))),
      el('p', { class: 'since', text: summary + '.' }));
  }

  // --- the event store ----------------------------------------------------------------------------------

  function renderEvents() {
    const rows = state.events.map((e) => el('tr', { 'data-global-sequence': e.globalSequence },
      el('td', { class: 'num', text: e.globalSequence }),
      el('td', { class: 'num', text: e.aggregateSequence }),
      el('td', {}, el('strong', { text: e.type }), e.payload && e.payload.factId ? el('div', {}, el('code', { text: e.payload.factId })) : null),
      el('td', { text: e.validDate ? e.validDate + ' (' + PRECISION_WORDS[e.precision] + ')' : '—' }),
      el('td', {}, el('time', { datetime: e.recordedAt, text: e.recordedAt })),
      el('td', { text: [e.recordedBy, e.reason].filter((x) => x).join(' — ') || '—' }),
      el('td', {}, el('details', {}, el('summary', { text: 'payload' }), el('pre', { text: JSON.stringify(e.payload, null, 2) })))));
    $('events-table').tBodies[0].replaceChildren(...rows);
  }

  // --- what-if ------------------------------------------------------------------------------------------

  let whatIfRequest = 0;

  /** Lists the shipped scenarios; without a scenario API the panel says so. */
  async function initWhatIf() {
    let scenarios;
    try {
      scenarios = await api('api/scenarios');
    } catch (e) {
      $('whatif-pending').hidden = false;
      return;
    }
    $('whatif-body').hidden = false;
    const select = $('scenario-select');
    fill(select, scenarios.map((sc) => el('option', { value: sc.id, text: sc.title })));
    if (scenarios.some((sc) => sc.id === 'turkey-never-vetoes')) {
      select.value = 'turkey-never-vetoes';
    }
    select.addEventListener('change', () => loadScenario(select.value));
    $('whatif-form').addEventListener('submit', (event) => {
      event.preventDefault();
      runScenario();
    });
    if (scenarios.length) {
      await loadScenario(select.value);
    }
  }

  /** Puts a shipped scenario's source in the editor, then runs it. */
  async function loadScenario(id) {
    try {
      const shipped = await api('api/scenarios/' + encodeURIComponent(id));
      $('scenario-rationale').textContent = shipped.scenario.rationale || '';
      $('scenario-source').value = shipped.source;
    } catch (e) {
      showError($('whatif-error'), 'Could not load scenario ' + id + ': ' + e.message);
      return;
    }
    await runScenario();
  }

  /** Sends the editor's text to POST /api/scenarios/run; the server's rules judge it. */
  async function runScenario() {
    const request = ++whatIfRequest;
    const source = $('scenario-source');
    const button = $('scenario-run');
    button.disabled = true;
    try {
      const result = await api('api/scenarios/run', {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml', Accept: 'application/json, application/problem+json' },
        body: source.value
      });
      if (request !== whatIfRequest) {
        return;
      }
      showError($('whatif-error'), '');
      source.removeAttribute('aria-invalid');
      state.whatIf = result;
      renderWhatIf(result);
      drawTimelines();
    } catch (e) {
      if (request !== whatIfRequest) {
        return;
      }
      const p = e.problem || {};
      const where = p.field ? ' (field ' + p.field + (p.line ? ', line ' + p.line : '') + ')' : '';
      showError($('whatif-error'), 'The scenario cannot run: ' + e.message + where);
      source.setAttribute('aria-invalid', 'true');
      state.whatIf = null;
      $('whatif-result').replaceChildren();
      $('whatif-svg').replaceChildren();
    } finally {
      if (request === whatIfRequest) {
        button.disabled = false;
      }
    }
  }

  function renderWhatIf(result) {
    const diverging = Object.entries(result.diff.dimensions).filter(([, intervals]) => intervals.length > 0);
    const met = result.expectations.filter((x) => x.passed).length;
    const summary = (result.diff.firstDivergence
      ? 'First divergence from history: ' + result.diff.firstDivergence + '.'
      : 'The scenario never diverges from history.')
      + ' ' + result.changes.length + ' change' + (result.changes.length === 1 ? '' : 's') + ', '
      + result.accepted.length + ' facts accepted, ' + result.rejected.length + ' rejected.'
      + (result.expectations.length ? ' Expectations: ' + met + ' of ' + result.expectations.length + ' met.' : '');
    const changes = result.changes.map((c) => el('li', {}, el('strong', { text: c.change }), ' ', c.type || '', ' ',
      el('code', { text: c.id }), c.date ? ' (' + c.date + ')' : ''));
    const rejected = result.rejected.map((r) => el('li', { 'data-fact-id': r.factId },
      el('strong', { text: r.type }), ' ', el('code', { text: r.factId }), ', dated ' + r.date + ' — rule ',
      el('strong', { text: r.rule }), ': ' + r.ruleStatement + ' ', el('span', { class: 'since', text: r.reason })));
    const divergences = [];
    for (const [key, intervals] of diverging) {
      for (const d of intervals) {
        divergences.push(el('li', { 'data-dimension': key },
          el('strong', { text: dimensionLabel(key) }), ', ' + intervalText(d) + ': history ',
          el('span', { class: 'value' + (d.baseline.certain ? '' : ' uncertain'), text: answerText(d.baseline) }), ' → scenario ',
          el('span', { class: 'value' + (d.scenario.certain ? '' : ' uncertain'), text: answerText(d.scenario) }),
          d.causes.length ? el('span', { class: 'since', text: ' — because of ' + d.causes.map((c) => c.id + ' (' + c.change.toLowerCase() + ')').join(', ') }) : null));
      }
    }
    const expectations = result.expectations.map((x) => el('li', { class: x.passed ? 'passed' : 'failed' },
      el('strong', { text: x.passed ? '✓ met' : '✗ not met' }), ' ' + x.expected + ' — got ' + x.actual));
    fill($('whatif-result'),
      el('p', { id: 'whatif-summary', class: 'caption', text: summary }),
      el('h3', { text: 'Changes' }), el('ul', { id: 'whatif-changes' }, changes),
      el('h3', { text: 'Facts the rules rejected' }),
      rejected.length ? el('ul', { id: 'whatif-rejected', class: 'rejections' }, rejected)
        : el('p', { id: 'whatif-rejected', text: 'None: the rules accept every fact of the scenario.' }),
      el('h3', { text: 'Where the scenario diverges' }),
      divergences.length ? el('ul', { id: 'whatif-divergences', class: 'divergences' }, divergences)
        : el('p', { id: 'whatif-divergences', text: 'Nowhere: every dimension answers as in history at every date.' }),
      expectations.length ? [el('h3', { text: 'The scenario\'s expectations' }), el('ul', { id: 'whatif-expectations' }, expectations)] : null);
  }

  // --- controls -----------------------------------------------------------------------------------------

  function bindControls() {
    $('relation-select').addEventListener('change', async (event) => {
      state.relation = event.target.value;
      state.step = 0;
      try {
        await loadRelation();
      } catch (e) {
        showError($('load-error'), 'Could not load ' + state.relation + ': ' + e.message);
      }
    });
    $('zoom-select').addEventListener('change', (event) => {
      state.zoom = event.target.value;
      drawTimelines();
    });
    $('date-form').addEventListener('submit', (event) => {
      event.preventDefault();
      showDate($('date-input').value.trim()).then(refreshReplayStatus);
    });
    const slider = $('date-slider');
    slider.addEventListener('input', () => {
      if (state.full) {
        pickDate(isoOf(state.full.from + Number(slider.value)));
      }
    });
    slider.addEventListener('keydown', (event) => {
      if (event.key !== 'PageUp' && event.key !== 'PageDown') {
        return;
      }
      event.preventDefault();
      const day = dayOf(state.date);
      const d = new Date(day * MS_PER_DAY);
      d.setUTCFullYear(d.getUTCFullYear() + (event.key === 'PageUp' ? 1 : -1));
      const next = Math.min(Math.max(Math.round(d.getTime() / MS_PER_DAY), state.full.from), state.full.to);
      pickDate(isoOf(next));
    });
    $('prev-fact').addEventListener('click', () => jumpToFact(-1));
    $('next-fact').addEventListener('click', () => jumpToFact(1));

    $('replay-first').addEventListener('click', () => showStep(0));
    $('replay-prev').addEventListener('click', () => showStep(state.step - 1));
    $('replay-next').addEventListener('click', () => showStep(state.step + 1));
    $('replay-last').addEventListener('click', () => showStep(state.steps));
    $('replay-controls').addEventListener('keydown', (event) => {
      const moves = { ArrowLeft: state.step - 1, ArrowRight: state.step + 1, Home: 0, End: state.steps };
      if (event.key in moves) {
        event.preventDefault();
        showStep(moves[event.key]);
      }
    });
    window.addEventListener('resize', debounce(drawTimelines, 150));
  }

  /** Moves the date to the day the previous or next fact is certain to have happened (its window's last day). */
  function jumpToFact(direction) {
    const today = dayOf(state.date);
    const ends = [...new Set(state.facts.map((f) => f.window.to))].sort((a, b) => a - b);
    const target = direction > 0 ? ends.find((d) => d > today) : ends.filter((d) => d < today).pop();
    if (target !== undefined) {
      pickDate(isoOf(target));
    }
  }

  document.addEventListener('DOMContentLoaded', init);
})();

// The HTML report's script (engine/src/report/html/): reads the report embedded as JSON in
// #report-data and draws the chart, the table and the policy's quotes. Plain DOM, no library.
// Everything from the policy or the data goes in as text (textContent, attribute values), never
// as markup.
"use strict";
(function () {
  const R = JSON.parse(document.getElementById("report-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  // Okabe & Ito's palette: told apart with the common colour-vision deficiencies.
  // The third is darker than Okabe-Ito's vermillion, which is close to its orange: values of a
  // ladder read in order, light blue, orange, dark magenta.
  const PALETTE = ["#56B4E9", "#E69F00", "#A3195B", "#0072B2", "#009E73", "#CC79A7", "#F0E442", "#000000"];
  const UNKNOWN_COLOUR = "#9aa1a9";
  const STATUS = { d: "definite", p: "possible", u: "unknown" };

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // 2.1e25, 1.001e25, 3e23: a figure as the policy writes one.
  function sci(x, digits) {
    if (x === 0) return "0";
    const [m, e] = x.toExponential(digits === undefined ? 3 : digits - 1).split("e");
    return String(parseFloat(m)) + "e" + String(parseInt(e, 10));
  }
  function isoDate(days) { return new Date(days * DAY).toISOString().slice(0, 10); }
  // Text with its web addresses as links.
  function linked(parent, text) {
    const parts = text.split(/(https?:\/\/[^\s)\]]+)/);
    parts.forEach((part, i) => {
      if (i % 2) parent.appendChild(el("a", { href: part }, part));
      else if (part) parent.appendChild(document.createTextNode(part));
    });
    return parent;
  }

  const models = R.models;
  const columns = R.columns;
  const unit = R.unit;

  // Each model's verdict per column (by rule name), built once.
  for (const m of models) {
    m.byRule = {};
    for (const v of m.v) m.byRule[v.r] = v;
    // The obligations column: the kinds incurred, marked as in the text table (`report, license~`).
    if (m.ob !== undefined) m.byRule.obligations = { r: "obligations", v: m.ob, s: "d" };
    m.plotted = R.chart && m.c !== undefined && m.d !== undefined && m.c > 0;
  }

  // The quotes each rule's verdicts carry, in the order first met; the table's headers link to them.
  const quotesByRule = new Map();
  for (const m of models) for (const v of m.v) {
    if (v.q === undefined) continue;
    if (!quotesByRule.has(v.r)) quotesByRule.set(v.r, new Set());
    quotesByRule.get(v.r).add(v.q);
  }
  const ruleIds = new Map();
  [...quotesByRule.keys()].forEach((rule, i) => ruleIds.set(rule, "rule-" + i));

  // ---- header ------------------------------------------------------------------------------
  const sub = [R.policy];
  if (R.as_of) sub.push("as of " + R.as_of);
  document.getElementById("subtitle").textContent = "policy " + sub.join(" \u00b7 ");
  const dataLine = document.getElementById("data-line");
  dataLine.appendChild(document.createTextNode("Models: " + models.length + ", from " + (R.data.file || "the data") + ". "));
  const footer = document.getElementById("footer");
  footer.appendChild(document.createTextNode("Made by scalepol from policy " + R.policy + " and " + (R.data.file || "the data") + ". "));
  if (R.data.credit) {
    for (const target of [dataLine, footer]) {
      const a = el("a", { href: R.data.link, class: "credit" }, R.data.credit);
      target.appendChild(a);
    }
  }

  // ---- colours: per column, one per value, in the order of the compute they come with ------
  function valueOrder(rule) {
    const low = new Map();
    for (const m of models) {
      const v = m.byRule[rule];
      if (!v || v.s === "u") continue;
      const c = m.c !== undefined ? m.c : Infinity;
      if (!low.has(v.v) || c < low.get(v.v)) low.set(v.v, c);
    }
    const values = [...low.keys()];
    // A trigger's false before its true, whatever compute they come with.
    if (values.every((v) => v === "true" || v === "false")) return values.sort((a, b) => (a === "false" ? -1 : b === "false" ? 1 : 0));
    return values.sort((a, b) => low.get(a) - low.get(b));
  }
  const colourOf = {};
  for (const c of columns) {
    const order = valueOrder(c.rule);
    const map = new Map();
    order.forEach((value, i) => map.set(value, PALETTE[i % PALETTE.length]));
    colourOf[c.rule] = map;
  }
  function colour(rule, v) {
    if (!v || v.s === "u") return UNKNOWN_COLOUR;
    return colourOf[rule].get(v.v) || UNKNOWN_COLOUR;
  }
  // The column the chart colours by: the first tier ladder on compute, else the first column.
  let colourRule = columns.length ? columns[0].rule : null;
  for (const c of columns) {
    if (c.kind === "tier" && R.thresholds.some((t) => t.rule === c.rule)) { colourRule = c.rule; break; }
  }

  // ---- the chart ---------------------------------------------------------------------------
  const chart = document.getElementById("chart");
  const tooltip = document.getElementById("tooltip");
  const W = 1100, H = 540, M = { left: 74, right: 18, top: 16, bottom: 48 };
  let fromYear = 0;  // the years the chart shows: all (0), or from this one on
  const points = [];  // {m, circle, bar}

  // A chart of more points than this is drawn thinned: every k-th model in file order, k the
  // smallest that brings it under the limit (docs/html-report.md). A browser draws tens of
  // thousands of SVG circles slowly, and no reader tells them apart; the table keeps every model.
  const MAX_POINTS = 20000;

  function drawChart() {
    chart.textContent = "";
    points.length = 0;
    const inYears = models.filter((m) => m.plotted && (!fromYear || m.d >= Date.UTC(fromYear, 0, 1) / DAY));
    const every = Math.ceil(inYears.length / MAX_POINTS);
    const plotted = every > 1 ? inYears.filter((m, i) => i % every === 0) : inYears;
    const note = document.getElementById("chart-note");
    const notPlotted = models.filter((m) => !m.plotted).length;
    const outside = models.length - notPlotted - inYears.length;
    if (!R.chart) {
      note.textContent = "The policy has no " + R.compute_field + " and " + R.date_field + " fields: there is no chart.";
      chart.remove();
      return;
    }
    note.textContent = (notPlotted === 1 ? "1 model has" : notPlotted + " models have") +
      " no compute or date and " + (notPlotted === 1 ? "is" : "are") + " not plotted; " +
      (notPlotted === 1 ? "it is" : "they are") + " in the table. " + inYears.length + " models plotted" +
      (outside ? " (" + outside + " before " + fromYear + " not shown)" : "") +
      (every > 1 ? "; too many to draw: one in every " + every + " is drawn (" + plotted.length +
        "), and the table lists them all" : "") +
      (plotted.some((m) => m.lo !== undefined) ? "; vertical bars: the range of a compute estimate." : ".");
    chart.setAttribute("viewBox", "0 0 " + W + " " + H);
    if (!plotted.length && !R.thresholds.length) return;
    // Domains: every point, every range and every line, to whole powers of ten.
    let cMin = Infinity, cMax = -Infinity, dMin = Infinity, dMax = -Infinity;
    for (const m of plotted) {
      cMin = Math.min(cMin, m.lo !== undefined && m.lo > 0 ? m.lo : m.c);
      cMax = Math.max(cMax, m.hi !== undefined ? m.hi : m.c);
      dMin = Math.min(dMin, m.d); dMax = Math.max(dMax, m.d);
    }
    for (const t of R.thresholds) if (t.value > 0) { cMin = Math.min(cMin, t.value); cMax = Math.max(cMax, t.value); }
    if (!isFinite(dMin)) { dMin = Date.now() / DAY - 3650; dMax = Date.now() / DAY; }
    if (fromYear) dMin = Math.min(dMin, Date.UTC(fromYear, 0, 1) / DAY);
    // A little room around the extremes, so no point sits on an axis.
    const e0 = Math.floor(Math.log10(cMin) - 0.2), e1 = Math.max(Math.ceil(Math.log10(cMax) + 0.2), e0 + 1);
    const pad = Math.max(dMax - dMin, 365) * 0.02;
    const t0 = dMin - pad, t1 = dMax + pad;
    const y0 = new Date(t0 * DAY).getUTCFullYear() + 1, y1 = new Date(t1 * DAY).getUTCFullYear();
    const pw = W - M.left - M.right, ph = H - M.top - M.bottom;
    const X = (d) => M.left + ((d - t0) / (t1 - t0)) * pw;
    const Y = (c) => M.top + ph - ((Math.log10(c) - e0) / (e1 - e0)) * ph;

    const g = svg("g");
    chart.appendChild(g);
    // Grid and ticks: every power of ten; years, thinned to fit.
    const eStep = Math.max(1, Math.ceil((e1 - e0) / 14));
    for (let e = e0; e <= e1; e += eStep) {
      const y = Y(Math.pow(10, e));
      g.appendChild(svg("line", { class: "grid", x1: M.left, x2: M.left + pw, y1: y, y2: y }));
      g.appendChild(svg("text", { class: "tick", x: M.left - 8, y: y + 4, "text-anchor": "end" }, "1e" + e));
    }
    const yStep = Math.max(1, Math.ceil((y1 - y0) / 16));
    for (let yr = y0; yr <= y1; yr += yStep) {
      const x = X(Date.UTC(yr, 0, 1) / DAY);
      g.appendChild(svg("line", { class: "grid", x1: x, x2: x, y1: M.top, y2: M.top + ph }));
      g.appendChild(svg("text", { class: "tick", x: x, y: M.top + ph + 18, "text-anchor": "middle" }, String(yr)));
    }
    g.appendChild(svg("line", { class: "axis", x1: M.left, x2: M.left, y1: M.top, y2: M.top + ph }));
    g.appendChild(svg("line", { class: "axis", x1: M.left, x2: M.left + pw, y1: M.top + ph, y2: M.top + ph }));
    g.appendChild(svg("text", { class: "axis-title", x: M.left + pw / 2, y: H - 8, "text-anchor": "middle" }, "publication date (" + R.date_field + ")"));
    g.appendChild(svg("text", { class: "axis-title", transform: "translate(16," + (M.top + ph / 2) + ") rotate(-90)", "text-anchor": "middle" },
      R.compute_field + " (" + unit + ", log scale)"));

    // Ranges first, so points are drawn over them.
    const bars = svg("g", { class: "ranges" });
    const dots = svg("g", { class: "points" });
    g.appendChild(bars);
    g.appendChild(dots);
    // Larger compute first: small models drawn last stay visible in the crowd.
    for (const m of plotted.slice().sort((a, b) => b.c - a.c)) {
      const x = X(m.d);
      let bar = null;
      if (m.lo !== undefined && m.lo > 0) {
        bar = svg("line", { class: "range", x1: x, x2: x, y1: Y(m.lo), y2: Y(m.hi), "data-range": m.n });
        bars.appendChild(bar);
      }
      const c = svg("circle", { class: "point", cx: x.toFixed(1), cy: Y(m.c).toFixed(1), r: 4.2, "data-model": m.n, tabindex: "0" });
      c.addEventListener("mouseenter", () => showTip(m, c));
      c.addEventListener("focus", () => showTip(m, c));
      c.addEventListener("mouseleave", hideTip);
      c.addEventListener("blur", hideTip);
      c.addEventListener("click", () => openRow(m));
      dots.appendChild(c);
      points.push({ m: m, circle: c, bar: bar });
    }

    // The policy's lines, labelled at the right with the rule, the tier and the value.
    const labels = [];
    for (const t of R.thresholds) {
      if (!(t.value > 0)) continue;
      const y = Y(t.value);
      const line = svg("line", { class: "threshold", x1: M.left, x2: M.left + pw, y1: y, y2: y, "data-threshold": t.value });
      const text = t.rule + (t.label ? ": " + t.label : "") + " " + t.op + " " + sci(t.value) + " " + unit;
      // Above the line at the left, where the early, small models leave room; labels of lines
      // close together are pushed apart.
      let ly = y - 5;
      for (const other of labels) if (Math.abs(other - ly) < 15) ly = other - 15;
      labels.push(ly);
      const label = svg("text", { class: "threshold-label", x: M.left + 8, y: ly, "data-threshold": t.value }, text);
      const title = svg("title", {}, (t.quote ? "\u201c" + t.quote + "\u201d " : "") + (t.source ? "\u2014 " + t.source : ""));
      label.appendChild(title);
      label.addEventListener("click", () => {
        const target = document.getElementById("line-" + R.thresholds.indexOf(t));
        if (target) target.scrollIntoView({ block: "center" });
      });
      g.appendChild(line);
      g.appendChild(label);
    }
    colourPoints();
  }

  function colourPoints() {
    for (const p of points) {
      const v = colourRule ? p.m.byRule[colourRule] : null;
      const col = colour(colourRule, v);
      const s = v ? v.s : "u";
      // Status by shape of the mark as well as colour: filled, ring, or dashed grey ring.
      p.circle.setAttribute("fill", s === "d" ? col : "#fff");
      p.circle.setAttribute("fill-opacity", s === "d" ? "0.85" : "1");
      p.circle.setAttribute("stroke", s === "d" ? "#fff" : col);
      p.circle.setAttribute("stroke-width", s === "d" ? "0.8" : "2");
      p.circle.setAttribute("stroke-dasharray", s === "u" ? "2 1.5" : "none");
      p.circle.setAttribute("data-status", STATUS[s]);
      if (p.bar) p.bar.setAttribute("stroke", col);
    }
    drawLegend();
  }

  function drawLegend() {
    const legend = document.getElementById("legend");
    legend.textContent = "";
    if (!R.chart) return;
    const pick = el("label", { class: "item" }, "Colour by ");
    const select = el("select", { id: "colour-by" });
    for (const c of columns) {
      const o = el("option", { value: c.rule }, c.rule);
      if (c.rule === colourRule) o.selected = true;
      select.appendChild(o);
    }
    select.addEventListener("change", () => { colourRule = select.value; colourPoints(); });
    pick.appendChild(select);
    legend.appendChild(pick);
    const years = el("label", { class: "item" }, "Years ");
    const yearSelect = el("select", { id: "years" });
    for (const [value, text] of [[0, "all"], [2010, "since 2010"], [2018, "since 2018"]]) {
      const o = el("option", { value: String(value) }, text);
      if (value === fromYear) o.selected = true;
      yearSelect.appendChild(o);
    }
    yearSelect.addEventListener("change", () => { fromYear = Number(yearSelect.value); drawChart(); applyFilter(); });
    years.appendChild(yearSelect);
    legend.appendChild(years);
    if (colourRule) {
      for (const [value, col] of colourOf[colourRule]) legend.appendChild(legendItem(col, "d", value));
    }
    legend.appendChild(legendItem("#555", "d", "definite"));
    legend.appendChild(legendItem("#555", "p", "possible (range across a line)"));
    legend.appendChild(legendItem(UNKNOWN_COLOUR, "u", "unknown"));
    const lineItem = el("span", { class: "item" });
    const s = svg("svg", { width: 26, height: 10 });
    s.appendChild(svg("line", { x1: 0, x2: 26, y1: 5, y2: 5, stroke: "#3b3f45", "stroke-width": 1.6, "stroke-dasharray": "7 4" }));
    lineItem.appendChild(s);
    lineItem.appendChild(document.createTextNode("a line of the policy"));
    legend.appendChild(lineItem);
  }
  function legendItem(col, status, text) {
    const item = el("span", { class: "item" });
    const s = svg("svg", { width: 12, height: 12 });
    s.appendChild(svg("circle", {
      cx: 6, cy: 6, r: 4.5, fill: status === "d" ? col : "#fff", stroke: status === "d" ? "#fff" : col,
      "stroke-width": status === "d" ? 0.8 : 2, "stroke-dasharray": status === "u" ? "2 1.5" : "none",
    }));
    item.appendChild(s);
    item.appendChild(document.createTextNode(text));
    return item;
  }

  function showTip(m, circle) {
    tooltip.textContent = "";
    tooltip.appendChild(el("b", {}, m.n));
    let compute = R.compute_field + " " + sci(m.c) + " " + unit;
    if (m.lo !== undefined) compute += " (" + sci(m.lo, 3) + "\u2013" + sci(m.hi, 3) + ")";
    tooltip.appendChild(el("div", {}, compute));
    tooltip.appendChild(el("div", {}, R.date_field + " " + isoDate(m.d)));
    for (const c of columns) {
      const v = m.byRule[c.rule];
      if (v) tooltip.appendChild(el("div", {}, c.rule + ": " + v.v + " (" + STATUS[v.s] + (v.dep ? ", depends on " + v.dep.join(", ") : "") + ")"));
    }
    const wrap = document.getElementById("chart-wrap").getBoundingClientRect();
    const r = circle.getBoundingClientRect();
    tooltip.hidden = false;
    let left = r.left - wrap.left + 12;
    if (left + 340 > wrap.width) left = Math.max(0, r.left - wrap.left - 350);
    tooltip.style.left = left + "px";
    tooltip.style.top = (r.top - wrap.top + 12) + "px";
  }
  function hideTip() { tooltip.hidden = true; }

  // The lines under the chart, each with the sentence it encodes.
  function drawLines() {
    const box = document.getElementById("lines");
    R.thresholds.forEach((t, i) => {
      const q = el("div", { class: "quote", id: "line-" + i });
      q.appendChild(el("div", { class: "label" }, t.rule + (t.label ? ": " + t.label : "") + " \u2014 " + R.compute_field + " " + t.op + " " + sci(t.value) + " " + unit));
      if (t.quote) q.appendChild(el("blockquote", {}, "\u201c" + t.quote + "\u201d"));
      if (t.source) q.appendChild(sourceLine(t.source));
      box.appendChild(q);
    });
  }
  function sourceLine(source) {
    return linked(el("div", { class: "source" }, "\u2014 "), source);
  }

  // ---- the table ---------------------------------------------------------------------------
  const tbody = document.getElementById("rows");
  const rows = [];  // {m, tr, detail, text}
  const headers = [
    { key: "model", label: "model", num: false },
    { key: "date", label: R.date_field, num: true },
    { key: "compute", label: R.compute_field + " (" + unit + ")", num: true },
  ];
  for (const c of columns) headers.push({ key: "rule", rule: c.rule, label: c.rule, num: false });

  function cellText(v) {
    if (!v) return "-";
    return v.v + (v.s === "p" ? "~" : v.s === "u" && v.v !== "unknown" ? "?" : "") + (v.dep ? "*" : "");
  }

  function buildTable() {
    const head = document.getElementById("head-row");
    headers.forEach((h, i) => {
      const th = el("th", { scope: "col", "data-col": String(i), title: "sort by " + h.label, class: h.num ? "num" : "" }, h.label);
      th.addEventListener("click", () => sortBy(i));
      // The rule's text, a click away.
      if (h.rule && ruleIds.has(h.rule)) {
        const link = el("a", { href: "#" + ruleIds.get(h.rule), class: "cite", title: "what the policy says" }, "\u00a7");
        link.addEventListener("click", (e) => e.stopPropagation());
        th.appendChild(link);
      }
      head.appendChild(th);
    });
    const frag = document.createDocumentFragment();
    models.forEach((m, index) => {
      const tr = el("tr", { class: "row", "data-model": m.n });
      tr.appendChild(el("td", {}, m.n));
      tr.appendChild(el("td", { class: "num" }, m.d !== undefined ? isoDate(m.d) : ""));
      tr.appendChild(el("td", { class: "num" }, m.c !== undefined ? sci(m.c) + (m.lo !== undefined ? " (" + sci(m.lo, 3) + "\u2013" + sci(m.hi, 3) + ")" : "") : ""));
      for (const c of columns) {
        const v = m.byRule[c.rule];
        const td = el("td");
        const span = el("span", { class: "v " + (v ? v.s : "u") }, cellText(v));
        if (v && v.s !== "u") {
          const col = colour(c.rule, v);
          span.style.background = col + "33";
          span.style.borderColor = col;
        }
        td.appendChild(span);
        tr.appendChild(td);
      }
      tr.addEventListener("click", () => toggle(row));
      const row = { m: m, tr: tr, detail: null, index: index, name: m.n.toLowerCase() };
      rows.push(row);
      frag.appendChild(tr);
    });
    tbody.appendChild(frag);
  }

  function toggle(row) {
    if (!row.detail) {
      row.detail = el("tr", { class: "detail" });
      const td = el("td", { colspan: String(headers.length) });
      explain(row.m, td);
      row.detail.appendChild(td);
      row.tr.after(row.detail);
      row.detail.hidden = true;
    }
    row.detail.hidden = !row.detail.hidden;
    row.tr.classList.toggle("open", !row.detail.hidden);
  }
  function openRow(m) {
    const row = rows.find((r) => r.m === m);
    if (!row) return;
    if (row.tr.hidden) { filter.value = ""; verdictFilter.value = ""; applyFilter(); }
    if (!row.detail || row.detail.hidden) toggle(row);
    row.tr.scrollIntoView({ block: "center" });
  }

  // One model's verdicts, each with its reason, its tests and the policy text.
  function explain(m, box) {
    for (const v of m.v) {
      const d = el("div", { class: "why" });
      d.appendChild(el("h4", {}, v.r + " = " + v.v + " \u00b7 " + STATUS[v.s] + (v.dep ? " \u00b7 depends on " + v.dep.join(", ") : " \u00b7 robust")));
      if (v.b) d.appendChild(el("div", { class: "because" }, v.b));
      if (v.u) d.appendChild(el("div", { class: "muted" }, "rests on missing data: " + v.u.join(", ")));
      if (v.t && v.t.length) {
        const ul = el("ul");
        for (const [test, result, margin, flip] of v.t) {
          const li = el("li", {}, test + " \u2192 " + result);
          if (margin) li.appendChild(el("div", { class: "muted" }, margin));
          if (flip) li.appendChild(el("div", { class: "muted" }, flip));
          ul.appendChild(li);
        }
        d.appendChild(ul);
      }
      if (v.q !== undefined) d.appendChild(quoteBox(R.quotes[v.q]));
      box.appendChild(d);
    }
  }
  function quoteBox(pair) {
    const q = el("div", { class: "quote" });
    if (pair[0]) q.appendChild(el("blockquote", {}, "\u201c" + pair[0] + "\u201d"));
    if (pair[1]) q.appendChild(sourceLine(pair[1]));
    return q;
  }

  // Sorting: the rows' keys are read once per sort; rows (and their open explanations) are moved,
  // not rebuilt.
  let sortCol = -1, sortDir = 1;
  function key(row, h) {
    const m = row.m;
    if (h.key === "model") return m.n.toLowerCase();
    if (h.key === "date") return m.d !== undefined ? m.d : null;
    if (h.key === "compute") return m.c !== undefined ? m.c : null;
    const v = m.byRule[h.rule];
    return v ? (v.s === "u" ? "\uffff" : v.v) : null;
  }
  function sortBy(i) {
    sortDir = sortCol === i ? -sortDir : 1;
    sortCol = i;
    const h = headers[i];
    const keyed = rows.map((r) => [key(r, h), r]);
    keyed.sort((a, b) => {
      // Missing values last, whichever the direction.
      if (a[0] === null || b[0] === null) return (a[0] === null) - (b[0] === null) || a[1].index - b[1].index;
      const c = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
      return c * sortDir || a[1].index - b[1].index;
    });
    const frag = document.createDocumentFragment();
    for (const [, r] of keyed) {
      frag.appendChild(r.tr);
      if (r.detail) frag.appendChild(r.detail);
    }
    tbody.appendChild(frag);
    document.querySelectorAll("#head-row th").forEach((th, j) => {
      if (j === i) th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  }

  // Filtering: by a part of the name, and by a verdict (a rule's value, or a status anywhere).
  const filter = document.getElementById("filter");
  const verdictFilter = document.getElementById("verdict-filter");
  function fillVerdictFilter() {
    for (const [value, label] of [["s:p", "any possible (~)"], ["s:u", "any unknown"], ["dep", "any depending on assumptions (*)"]]) {
      verdictFilter.appendChild(el("option", { value: value }, label));
    }
    for (const c of columns) {
      const group = el("optgroup", { label: c.rule });
      const values = new Set();
      for (const m of models) { const v = m.byRule[c.rule]; if (v) values.add(v.v); }
      for (const value of values) group.appendChild(el("option", { value: "r:" + c.rule + "\u0000" + value }, c.rule + " = " + value));
      verdictFilter.appendChild(group);
    }
  }
  function matchesVerdict(m, f) {
    if (!f) return true;
    if (f === "s:p" || f === "s:u") return m.v.some((v) => v.s === f[2]);
    if (f === "dep") return m.v.some((v) => v.dep);
    const [rule, value] = f.slice(2).split("\u0000");
    const v = m.byRule[rule];
    return !!v && v.v === value;
  }
  function applyFilter() {
    const text = filter.value.trim().toLowerCase();
    const f = verdictFilter.value;
    let shown = 0;
    const visible = new Set();
    for (const r of rows) {
      const show = (!text || r.name.includes(text)) && matchesVerdict(r.m, f);
      r.tr.hidden = !show;
      if (r.detail && !show) r.detail.hidden = true;
      if (!show) r.tr.classList.remove("open");
      if (show) { shown++; visible.add(r.m); }
    }
    // The chart follows the table: points of rows filtered out are faded.
    const all = shown === rows.length;
    for (const p of points) p.circle.setAttribute("opacity", all || visible.has(p.m) ? "1" : "0.12");
    document.getElementById("count").textContent = shown + " of " + rows.length + " models shown";
  }
  let pending = 0;
  filter.addEventListener("input", () => { clearTimeout(pending); pending = setTimeout(applyFilter, 60); });
  verdictFilter.addEventListener("change", applyFilter);

  // ---- the policy's text, rule by rule -----------------------------------------------------
  function drawRules() {
    const box = document.getElementById("rules");
    if (!quotesByRule.size) { box.appendChild(el("p", { class: "note" }, "No verdict of this report carries a quote.")); return; }
    for (const [rule, qs] of quotesByRule) {
      const b = el("div", { class: "rule-block", id: ruleIds.get(rule) });
      b.appendChild(el("h3", {}, rule));
      for (const q of qs) b.appendChild(quoteBox(R.quotes[q]));
      box.appendChild(b);
    }
  }

  drawChart();
  drawLines();
  buildTable();
  fillVerdictFilter();
  applyFilter();
  drawRules();
  document.body.setAttribute("data-ready", "true");
})();

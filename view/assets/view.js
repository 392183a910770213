/* phoihop view: the pictures of one page, drawn from window.PHOIHOP_DATA (view/page.py page_data).
 *
 * overview  - agencies grouped by province (or level, or kind), one node per group sized by its
 *             duties, links weighted by the duties they share; a click opens a group into its
 *             agencies (at most maxNodes drawn at once).
 * agency    - one agency and its partners within N steps, over the link kinds chosen.
 * directive - a directive, its issuer, the agencies it gives duties, the directives it cites and
 *             that cite it (the page was built for it by `phoihop view --directive`).
 * Filters (province, level, kind, topic, years, issuer, link kinds) count duties exactly: every
 * link and agency carries its duties split by directive and topic set.
 * Each picture is laid out hidden from view, then frozen, then shown.
 * A grouped page (view/grouped_page.py, data.grouped) holds cells - the agencies of one province,
 * level and kind, counted by facet - and the links between cells; a cell's agencies and their
 * links are a script beside the page (NAME_files/cN.js), loaded when its group is opened or an
 * agency near it is in focus; the names the search finds are NAME_files/names.js.
 * Document text is only ever put on screen with textContent. */
"use strict";
var network, nodes, edges;

(function () {
  var data = window.PHOIHOP_DATA;
  var A = data.agencies.map(function (a) {
    return { n: a[0], l: a[1], p: a[2], v: a[3], k: a[4], g: a[5], c: a[6], fl: a[7], fs: a[8], al: a[9] };
  });
  var E = data.edges.map(function (l) { return { s: l[0], t: l[1], k: l[2], n: l[3], f: l[4], note: l[5] }; });
  var D = data.directives, F = data.facets;
  var DETAILS = window.PHOIHOP_DETAILS || {}, waiting = {};
  var G = data.grouped || null, CELLS = [], CL = [], loaded = {}, loading = {}, cellOf = {};
  var NAMES = null, namesWaiting = null, facetsWaiting = null, matchNote = "", drawToken = 0;
  if (G) {
    CELLS = G.cells.map(function (c) { return { p: c[0], v: c[1], k: c[2], count: c[3], fl: c[4], fs: c[5], nl: c[6], ns: c[7] }; });
    CL = G.links.map(function (l) { return { s: l[0], t: l[1], k: l[2], n: l[3], f: l[4] }; });
  }
  var container = document.getElementById("mynetwork");
  var panel = document.getElementById("panel");
  var statusLine = document.getElementById("status");
  var $ = function (id) { return document.getElementById(id); };

  /* Same idea as ingest.textnorm.fold: no diacritics, đ -> d, lower case, words only. */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  /* the words of what a reader typed, abbreviations expanded as the command line does
   * (ingest.abbreviations): "ubnd tp hai phong" -> uy ban nhan dan thanh pho hai phong */
  function words(text) {
    var ws = fold(text).split(" ").filter(Boolean), out = [];
    for (var i = 0; i < ws.length;) {
      var hit = 0;
      for (var n = Math.min(4, ws.length - i); n > 0 && !hit; n--) {
        var key = ws.slice(i, i + n).join(" ");
        if (data.abbr.hasOwnProperty(key)) { out.push.apply(out, data.abbr[key].split(" ")); hit = n; }
      }
      if (!hit) { out.push(ws[i]); hit = 1; }
      i += hit;
    }
    return out;
  }
  function hasWords(folded, ws) { return ws.every(function (w) { return (" " + folded).indexOf(" " + w) >= 0; }); }

  A.forEach(function (a) { a.f = " " + fold(a.n) + " " + a.al.map(fold).join(" ") + " "; });

  var state = {
    mode: data.mode, focus: data.focus, depth: data.depth, groupBy: "p", expanded: {},
    province: "", level: "", kind: "", topic: "", since: null, until: null, issuer: null,
    links: {}, selected: null
  };
  data.links.forEach(function (k) { state.links[k] = true; });

  var KINDS = { coordinates: ["coordinates"], "co-assigned": ["co-assigned"], assigns: ["lead", "support"] };

  function say(text) { statusLine.textContent = text; statusLine.title = text; }

  /* ------------------------------------------------------------------ what the filters keep */
  /* a duty's directive passes the years and issuer filters (year 0: not known) */
  function factOk(year, issuer) {
    if ((state.since || state.until) && !year) { return false; }
    if (state.since && year < state.since) { return false; }
    if (state.until && year > state.until) { return false; }
    return !state.issuer || state.issuer[issuer] === true;
  }
  function directiveOk(i) { return factOk(D[i].y, D[i].i); }
  function topicOk(ts) { return state.topic === "" || data.topicSets[ts].indexOf(+state.topic) >= 0; }
  /* duties of a facet list that pass the filters: [year, issuer, topic set, duties] rows; ``total``
   * (the duties of the list, when known) is the answer when no year, issuer or topic is asked */
  function count(f, total) {
    if (total !== undefined && !dutyFiltered()) { return total; }
    var n = 0;
    (typeof f === "number" ? F[f] : f).forEach(function (r) { if (factOk(r[0], r[1]) && topicOk(r[2])) { n += r[3]; } });
    return n;
  }
  function agencyOk(i) {
    var a = A[i];
    return (!state.province || a.p === state.province) && (!state.level || a.v === state.level) &&
      (!state.kind || a.k === state.kind);
  }
  function endOk(ref) {
    var i = +ref.slice(1);
    return ref[0] === "a" ? agencyOk(i) : directiveOk(i);
  }
  function kindOn(kind) {
    if (kind === "issued" || kind === "cites") { return true; }
    return Object.keys(KINDS).some(function (k) { return state.links[k] && KINDS[k].indexOf(kind) >= 0; });
  }
  /* links kept, with their filtered counts */
  function liveLinks() {
    var out = [];
    E.forEach(function (l, i) {
      if (!kindOn(l.k) || !(G ? cellOk(l.sc) && cellOk(l.tc) : endOk(l.s) && endOk(l.t))) { return; }
      var n = l.f === -1 ? l.n : count(l.f);
      if (n > 0) { out.push({ i: i, s: l.s, t: l.t, k: l.k, n: n }); }
    });
    return out;
  }
  function weight(i) { return count(A[i].fl) + count(A[i].fs); }
  /* agencies kept: they pass the agency filters and have a kept duty or a kept link */
  function liveAgencies(links) {
    var keep = {};
    A.forEach(function (a, i) { if (agencyOk(i) && weight(i) > 0) { keep[i] = true; } });
    links.forEach(function (l) {
      [l.s, l.t].forEach(function (r) { if (r[0] === "a") { keep[+r.slice(1)] = true; } });
    });
    return keep;
  }

  /* ------------------------------------------------------------------ node and link looks */
  function groupKey(i) { return A[i][state.groupBy]; }
  function groupName(key) {
    if (state.groupBy === "v") { return (data.levels[key] || [null, key])[1]; }
    return key;
  }
  function agencyNode(i, w) {
    var a = A[i], c = data.levels[a.v][0];
    var node = { id: "a" + i, label: a.l, full: a.l, value: w, shape: data.shapes[a.g] || "dot", title: agencyTip(i, w),
                 color: { background: c, border: "#2d3436", highlight: { background: c, border: "#000" },
                          hover: { background: c, border: "#000" } } };
    if (a.c) { node.borderWidth = 3; node.shapeProperties = { borderDashes: [4, 3] }; }
    if (state.mode === "agency" && "a" + i === state.focus) { node.borderWidth = 4; node.color.border = "#000"; }
    return node;
  }
  /* a group node; ``many`` is its number of agencies ("up to N" for a closed group of a grouped
   * page under a duty filter: the page counts its duties exactly, not its agencies) */
  function groupNode(key, many, w) {
    var label = groupName(key) + "\n" + many + " agenc" + (many === 1 ? "y" : "ies");
    return { id: "g:" + key, label: label, full: label,
             value: w, shape: "dot", title: textTip(groupName(key),
               [["Agencies", many], ["Duties", w], ["", "click: open the group"]]),
             color: { background: "#dfe6e9", border: "#636e72", highlight: { background: "#b2bec3", border: "#2d3436" },
                      hover: { background: "#b2bec3", border: "#2d3436" } },
             font: { size: 18, bold: true }, scaling: { label: { enabled: true, min: 16, max: 26, drawThreshold: 1 } } };
  }
  function directiveNode(i) {
    var d = D[i];
    return { id: "d" + i, label: d.n, full: d.n, shape: "box", title: textTip(d.h, [["Subject", d.s]]),
             color: { background: "#fdf6e3", border: "#b58900" }, margin: 8,
             font: { size: 16, bold: true }, scaling: { label: { enabled: true, min: 14, max: 18, drawThreshold: 1 } } };
  }
  function linkLook(id, from, to, kind, n) {
    var st = data.styles[kind];
    return { id: id, from: from, to: to, value: n, dashes: st.dashes, arrows: st.arrows, kind: kind,
             color: { color: st.color, highlight: st.color, hover: st.color, opacity: 0.8 },
             title: textTip(kindName(kind) + ": " + n + " dut" + (n === 1 ? "y" : "ies"), [["", "click for the duties and quotes"]]) };
  }
  function kindName(kind) {
    return { coordinates: "coordinates (lead \u2192 support)", "co-assigned": "co-assigned (same duty)",
             lead: "assigns a duty to lead", support: "asks to support a duty", issued: "issued", cites: "cites" }[kind] || kind;
  }

  /* ------------------------------------------------------------------ tooltips and the panel */
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function lines(box, rows) {
    rows.forEach(function (kv) {
      if (kv[1] === null || kv[1] === undefined || kv[1] === "") { return; }
      var row = el("div", "tip-line");
      if (kv[0]) { row.appendChild(el("span", "tip-key", kv[0] + ": ")); }
      row.appendChild(el("span", null, kv[1]));
      box.appendChild(row);
    });
  }
  function textTip(title, rows) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-title", title));
    lines(box, rows || []);
    return box;
  }
  function agencyTip(i, w) {
    var a = A[i];
    return textTip(a.n, [["Province", a.p], ["Level", data.levels[a.v][1]], ["Kind", a.k], ["Duties", w],
                         ["", "click: duties and quotes"]]);
  }
  function nameOf(x) { return typeof x === "number" ? A[x].n : x; }
  /* an agency's quoted duties and those of the links it starts: in the page, or in a small
   * script beside it (NAME_files/aN.js) loaded on the first click */
  function withDetails(i, then) {
    if (DETAILS[i]) { then(DETAILS[i]); return; }
    if (!data.detailsDir) { then({ duties: [], links: {} }); return; }
    if (waiting[i]) { waiting[i].push(then); return; }
    waiting[i] = [then];
    var tag = document.createElement("script");
    tag.src = data.detailsDir + "a" + i + ".js";
    tag.onerror = function () { DETAILS[i] = { duties: [], links: {}, missing: true }; flush(i); };
    document.head.appendChild(tag);
  }
  function flush(i) { (waiting[i] || []).forEach(function (f) { f(DETAILS[i]); }); delete waiting[i]; }
  function dutyItem(d) {
    var part = el("div", "tip-item");
    if (d.h) { part.appendChild(el("div", "tip-head", d.h)); }
    if (d.q) { part.appendChild(el("blockquote", "tip-quote", "\u201c" + d.q + "\u201d")); }
    lines(part, [["Lead", d.L.map(nameOf).join("; ")], ["Support", d.S.map(nameOf).join("; ")],
                 ["Deadline", d.dl], ["Obligation", d.o], ["Source", d.src]]);
    return part;
  }
  function button(text, action) {
    var b = el("button", "panel-button", text);
    b.type = "button";
    b.addEventListener("click", action);
    return b;
  }
  function showPanel(title, rows, duties, extra) {
    panel.textContent = "";
    panel.appendChild(button("\u00d7", function () { panel.hidden = true; }));
    panel.appendChild(el("h2", null, title));
    lines(panel, rows);
    (extra || []).forEach(function (x) { panel.appendChild(x); });
    if (duties && duties.length) {
      panel.appendChild(el("h3", null, "Duties (" + duties.length + " shown)"));
      duties.forEach(function (d) { panel.appendChild(dutyItem(d)); });
    }
    panel.hidden = false;
  }
  function agencyPanel(i) {
    var a = A[i], partners = {};
    current.links.forEach(function (l) {
      if (l.k !== "coordinates" && l.k !== "co-assigned") { return; }
      var other = l.s === "a" + i ? l.t : l.t === "a" + i ? l.s : null;
      if (other && other[0] === "a") { partners[other] = (partners[other] || 0) + l.n; }
    });
    var list = el("ul", "partners");
    Object.keys(partners).sort(function (x, y) { return partners[y] - partners[x]; }).slice(0, 12).forEach(function (r) {
      var li = el("li"), b = button(A[+r.slice(1)].n + " (" + partners[r] + ")", function () { focusAgency(r); });
      li.appendChild(b); list.appendChild(li);
    });
    var extra = [button("Focus on this agency", function () { focusAgency("a" + i); })];
    if (list.childNodes.length) { extra.push(el("h3", null, "Coordinates with")); extra.push(list); }
    withDetails(i, function (det) {
      showPanel(a.n, [["Province", a.p], ["Level", data.levels[a.v][1]], ["Kind", a.k],
                      ["Leads", count(a.fl)], ["Supports", count(a.fs)], ["Also called", a.al.join("; ")],
                      ["", det.missing ? "(its duties are in " + data.detailsDir + ", which is not beside the page)" : ""],
                      ["Quotes", G ? "phoihop view --agency \u201c" + a.n + "\u201d writes its page with its duties and their quotes" : ""]],
                det.duties, extra);
    });
  }
  function linkPanel(id) {
    var l = current.linkById[id];
    if (!l) { return; }
    var ends = [l.from, l.to].map(function (r) { return r[0] === "a" ? A[+r.slice(1)].n : r[0] === "d" ? D[+r.slice(1)].h : groupName(r.slice(2)); });
    var notes = l.members.map(function (i) { return E[i].note; }).filter(Boolean);
    var members = l.members.filter(function (i) { return E[i].s[0] === "a"; }).slice(0, 6), duties = [], left = members.length;
    function show() {
      showPanel(ends[0] + (l.arrows ? " \u2192 " : " \u2014 ") + ends[1],
                [["Link", kindName(l.kind)], ["Duties", l.n], ["Citation", notes.join("; ")]], duties.slice(0, 12));
    }
    if (!left) { show(); return; }
    members.forEach(function (i) {
      withDetails(+E[i].s.slice(1), function (det) {
        (det.links[i] || []).forEach(function (d) { duties.push(d); });
        left -= 1;
        if (!left) { show(); }
      });
    });
  }
  /* a group's panel: its busiest agencies (a closed group of a grouped page loads its files) */
  function groupPanel(key) {
    if (G && !current.groups[key]) {
      var cells = [];
      CELLS.forEach(function (c, i) { if (cellKey(i) === key && cellOk(i)) { cells.push(i); } });
      loadCells(cells, function () {
        var keep = liveAgencies(liveLinks()), w = {};
        var members = Object.keys(keep).map(Number).filter(function (i) { return A[i] && cellKey(A[i].cell) === key; });
        members.forEach(function (i) { w[i] = weight(i); });
        members.sort(function (x, y) { return w[y] - w[x] || (A[x].n < A[y].n ? -1 : 1); });
        showGroup(key, members);
      });
      return;
    }
    showGroup(key, current.groups[key] || []);
  }
  function showGroup(key, members) {
    var list = el("ul", "partners");
    members.slice(0, 15).forEach(function (i) {
      var li = el("li"); li.appendChild(button(A[i].n, function () { focusAgency("a" + i); })); list.appendChild(li);
    });
    showPanel(groupName(key), [["Agencies", members.length]], [],
              [button(state.expanded[key] ? "Close the group" : "Open the group", function () { toggleGroup(key); }),
               el("h3", null, "Agencies with most duties"), list]);
  }

  /* ------------------------------------------------------------------ the pictures */
  var current = { links: [], linkById: {}, groups: {} };

  function overviewPicture(links, keep) {
    var groups = {}, weightOf = {};
    Object.keys(keep).forEach(function (k) {
      var i = +k, g = groupKey(i);
      (groups[g] = groups[g] || []).push(i);
      weightOf[i] = weight(i);
    });
    Object.keys(groups).forEach(function (g) {
      groups[g].sort(function (x, y) { return weightOf[y] - weightOf[x] || (A[x].n < A[y].n ? -1 : 1); });
    });
    current.groups = groups;
    var place = {}, ns = [], hidden = 0;
    Object.keys(groups).sort().forEach(function (g) {
      var members = groups[g];
      if (state.expanded[g]) {
        members.forEach(function (i, rank) {
          if (rank < data.maxNodes) { place["a" + i] = "a" + i; ns.push(agencyNode(i, weightOf[i])); }
          else { place["a" + i] = "g:" + g; hidden += 1; }
        });
        if (members.length > data.maxNodes) {
          ns.push(groupNode(g, members.length - data.maxNodes, members.slice(data.maxNodes).reduce(function (s, i) { return s + weightOf[i]; }, 0)));
        }
      } else {
        members.forEach(function (i) { place["a" + i] = "g:" + g; });
        ns.push(groupNode(g, members.length, members.reduce(function (s, i) { return s + weightOf[i]; }, 0)));
      }
    });
    var merged = {};
    links.forEach(function (l) { mergeLink(merged, place[l.s], place[l.t], l.k, l.n, l.i); });
    say(hidden ? hidden + " agencies of open groups not drawn (at most " + data.maxNodes + " per group): filter or search to see them" : "");
    return { nodes: ns, merged: merged };
  }

  /* a link between two drawn nodes, merged with the others of its kind between the same two
   * (between groups, in either direction) */
  function mergeLink(merged, s, t, kind, n, member) {
    if (!s || !t || s === t) { return; }
    var grouped = s[0] === "g" || t[0] === "g";
    var key = grouped ? [s, t].sort().join("|") + "|" + kind : s + "|" + t + "|" + kind;
    var m = merged[key] = merged[key] || { from: s, to: t, kind: kind, n: 0, members: [] };
    m.n += n;
    if (member !== null) { m.members.push(member); }
  }

  /* ------------------------------------------------------------------ a grouped page */
  function cellKey(c) { return CELLS[c][state.groupBy]; }
  function cellOk(c) {
    var x = CELLS[c];
    return (!state.province || x.p === state.province) && (!state.level || x.v === state.level) &&
      (!state.kind || x.k === state.kind);
  }
  function dutyFiltered() { return state.topic !== "" || !!state.since || !!state.until || !!state.issuer; }
  function script(src, failed) {
    var tag = document.createElement("script");
    tag.src = src;
    tag.onerror = failed;
    document.head.appendChild(tag);
  }
  function flushCell(c) { var w = loading[c] || []; delete loading[c]; w.forEach(function (f) { f(); }); }
  /* load the scripts of these cells (those not loaded yet), then go on */
  function loadCells(cells, then) {
    var want = cells.filter(function (c, i) { return !loaded[c] && cells.indexOf(c) === i; }), left = want.length;
    if (!left) { then(); return; }
    want.forEach(function (c) {
      var one = function () { left -= 1; if (!left) { then(); } };
      if (loading[c]) { loading[c].push(one); return; }
      loading[c] = [one];
      say("loading " + want.length + " group file" + (want.length === 1 ? "" : "s") + "\u2026");
      script(G.dir + "c" + c + ".js", function () {
        loaded[c] = "missing";
        say("a file of this page is missing: " + G.dir + "c" + c + ".js (keep the folder beside the page)");
        flushCell(c);
      });
    });
  }
  function addCell(c, d) {
    d.agencies.forEach(function (r) {
      var a = { n: r[1], l: r[2], p: r[3], v: r[4], k: r[5], g: r[6], c: r[7], fl: r[8], fs: r[9], al: r[10], cell: c };
      a.f = " " + fold(a.n) + " " + a.al.map(fold).join(" ") + " ";
      A[r[0]] = a; cellOf[r[0]] = c;
    });
    d.links.forEach(function (r) {
      if (!E[r[0]]) { E[r[0]] = { s: "a" + r[1], t: "a" + r[2], k: r[3], n: r[4], f: r[5], note: null, sc: r[6], tc: r[7] }; }
      cellOf[r[1]] = r[6]; cellOf[r[2]] = r[7];
    });
    loaded[c] = true;
    flushCell(c);
  }
  /* the cells' and their links' duties by year, issuer and topic set: only the year, issuer and
   * topic filters need them, so a grouped page loads them on the first such filter */
  function withFacets(then) {
    if (F) { then(); return; }
    var first = !facetsWaiting;
    facetsWaiting = (facetsWaiting || []).concat([then]);
    if (!first) { return; }
    say("loading the duties by year, issuer and topic\u2026");
    script(G.dir + "facets.js", function () {
      facetsWaiting = null;
      say("the facets file of this page is missing (" + G.dir + "facets.js): keep the folder beside the page");
      document.body.setAttribute("data-stable", "1");
    });
  }
  function addFacets(d) {
    F = d;
    var w = facetsWaiting || []; facetsWaiting = null;
    w.forEach(function (f) { f(); });
  }
  function withNames(then) {
    if (NAMES) { then(); return; }
    if (namesWaiting) { namesWaiting.push(then); return; }
    namesWaiting = [then];
    script(G.dir + "names.js", function () { NAMES = []; say("the names file of this page is missing (" + G.dir + ")"); addNames([]); });
  }
  function addNames(rows) {
    NAMES = rows.map(function (r) {
      cellOf[r[0]] = r[3];
      return { i: r[0], n: r[1], f: " " + fold(r[1]) + " " + r[2].map(fold).join(" ") + " " };
    });
    fillNames();
    var w = namesWaiting || []; namesWaiting = null;
    w.forEach(function (f) { f(); });
  }
  /* the cells a picture needs: those of the open groups, or those around the agency in focus */
  function prepare(then) {
    if (!G) { then(); return; }
    if (state.mode === "agency" && state.focus) { around(then); return; }
    var want = [];
    CELLS.forEach(function (c, i) { if (state.expanded[cellKey(i)]) { want.push(i); } });
    loadCells(want, then);
  }
  /* load the cells of the agencies within state.depth links of the focus (a cell's file holds
   * every link of its agencies), step by step */
  function around(then) {
    var start = +state.focus.slice(1), frontier = [start], seen = {}, step = 0;
    seen[start] = true;
    function next() {
      loadCells(frontier.map(function (i) { return cellOf[i]; }).filter(function (c) { return c !== undefined; }), function () {
        if (step >= state.depth) { then(); return; }
        step += 1;
        var on = {}, found = [];
        frontier.forEach(function (i) { on["a" + i] = true; });
        E.forEach(function (l) {
          if (!kindOn(l.k)) { return; }
          [[l.s, l.t], [l.t, l.s]].forEach(function (p) {
            var j = +p[1].slice(1);
            if (on[p[0]] && !seen[j]) { seen[j] = true; found.push(j); }
          });
        });
        frontier = found;
        next();
      });
    }
    next();
  }
  /* the overview of a grouped page: closed groups from the cells, open ones from their files */
  function groupedPicture(links, keep) {
    var live = {}, groups = {}, cellLinks = [];
    CL.forEach(function (l) {
      if (!kindOn(l.k) || !cellOk(l.s) || !cellOk(l.t)) { return; }
      var n = count(l.f, l.n);
      if (n > 0) { cellLinks.push({ s: l.s, t: l.t, k: l.k, n: n }); live[l.s] = true; live[l.t] = true; }
    });
    CELLS.forEach(function (c, i) { if (cellOk(i) && count(c.fl, c.nl) + count(c.fs, c.ns) > 0) { live[i] = true; } });
    Object.keys(live).forEach(function (k) {
      var c = +k, x = CELLS[c], g = cellKey(c);
      var grp = groups[g] = groups[g] || { cells: {}, count: 0, w: 0 };
      grp.cells[c] = true; grp.count += x.count; grp.w += count(x.fl, x.nl) + count(x.fs, x.ns);
    });
    var lost = [], broken = {};
    Object.keys(groups).forEach(function (g) {
      Object.keys(groups[g].cells).forEach(function (c) { if (loaded[c] === "missing") { lost.push(c); broken[g] = true; } });
    });
    /* a group whose file is missing stays closed */
    function open(g) { return state.expanded[g] && !broken[g]; }
    var place = {}, ns = [], hidden = 0;
    current.groups = {};
    Object.keys(groups).sort().forEach(function (g) {
      var grp = groups[g];
      if (!open(g)) {
        current.groups[g] = null;
        ns.push(groupNode(g, dutyFiltered() ? "up to " + grp.count : grp.count, grp.w));
        return;
      }
      var weightOf = {}, members = Object.keys(keep).map(Number).filter(function (i) { return A[i] && grp.cells[A[i].cell]; });
      members.forEach(function (i) { weightOf[i] = weight(i); });
      members.sort(function (x, y) { return weightOf[y] - weightOf[x] || (A[x].n < A[y].n ? -1 : 1); });
      current.groups[g] = members;
      members.forEach(function (i, rank) {
        if (rank < data.maxNodes) { place["a" + i] = "a" + i; ns.push(agencyNode(i, weightOf[i])); }
        else { place["a" + i] = "g:" + g; hidden += 1; }
      });
      if (members.length > data.maxNodes) {
        ns.push(groupNode(g, members.length - data.maxNodes,
                          members.slice(data.maxNodes).reduce(function (s, i) { return s + weightOf[i]; }, 0)));
      }
    });
    var merged = {};
    cellLinks.forEach(function (l) {
      var gs = cellKey(l.s), gt = cellKey(l.t);
      if (!open(gs) && !open(gt)) { mergeLink(merged, "g:" + gs, "g:" + gt, l.k, l.n, null); }
    });
    links.forEach(function (l) {
      var e = E[l.i], gs = cellKey(e.sc), gt = cellKey(e.tc);
      if (!open(gs) && !open(gt)) { return; }
      mergeLink(merged, open(gs) ? place[l.s] : "g:" + gs, open(gt) ? place[l.t] : "g:" + gt, l.k, l.n, l.i);
    });
    say(lost.length ? "files of this page are missing (" + G.dir + "c" + lost.join(".js, c") + ".js): keep the folder beside the page"
      : hidden ? hidden + " agencies of open groups not drawn (at most " + data.maxNodes + " per group): filter or search to see them" : "");
    return { nodes: ns, merged: merged };
  }

  function focusPicture(links, keep) {
    var adjacent = {};
    links.forEach(function (l) {
      if (l.k === "issued" || l.k === "cites") { return; }
      (adjacent[l.s] = adjacent[l.s] || []).push(l.t);
      (adjacent[l.t] = adjacent[l.t] || []).push(l.s);
    });
    var seen = {}, frontier = [state.focus];
    seen[state.focus] = true;
    for (var step = 0; step < state.depth; step++) {
      var next = [];
      frontier.forEach(function (r) { (adjacent[r] || []).forEach(function (m) { if (!seen[m]) { seen[m] = true; next.push(m); } }); });
      frontier = next;
    }
    var ns = Object.keys(seen).filter(function (r) { return r[0] === "a"; })
      .map(function (r) { return agencyNode(+r.slice(1), weight(+r.slice(1))); });
    var merged = {};
    links.forEach(function (l) {
      if (!seen[l.s] || !seen[l.t]) { return; }
      merged[l.s + "|" + l.t + "|" + l.k] = { from: l.s, to: l.t, kind: l.k, n: l.n, members: [l.i] };
    });
    var partners = ns.length - 1;
    say(A[+state.focus.slice(1)].n + ": " + partners + " partner" + (partners === 1 ? "" : "s") +
        " within " + state.depth + " step" + (state.depth === 1 ? "" : "s") + matchNote);
    matchNote = "";
    return { nodes: ns, merged: merged };
  }

  function directivePicture(links, keep) {
    var ns = [], present = {};
    links.forEach(function (l) { present[l.s] = true; present[l.t] = true; });
    Object.keys(keep).forEach(function (k) { if (present["a" + k]) { ns.push(agencyNode(+k, weight(+k))); } });
    D.forEach(function (d, i) { if (directiveOk(i) || present["d" + i]) { ns.push(directiveNode(i)); } });
    var merged = {};
    links.forEach(function (l) { merged[l.s + "|" + l.t + "|" + l.k] = { from: l.s, to: l.t, kind: l.k, n: l.n, members: [l.i] }; });
    return { nodes: ns, merged: merged };
  }

  /* draw the picture of the state, once the files it needs are loaded (a grouped page) */
  function draw() {
    var token = ++drawToken;
    document.body.setAttribute("data-stable", "0");
    prepare(function () { if (token === drawToken) { drawNow(); } });
  }
  function drawNow() {
    var links = liveLinks(), keep = liveAgencies(links);
    current.links = links;
    var picture = state.mode === "agency" && state.focus ? focusPicture(links, keep)
      : state.mode === "directive" ? directivePicture(links, keep)
      : G ? groupedPicture(links, keep) : overviewPicture(links, keep);
    var es = [];
    current.linkById = {};
    Object.keys(picture.merged).forEach(function (key, n) {
      var m = picture.merged[key], look = linkLook("e" + n, m.from, m.to, m.kind, m.n);
      if (m.from.indexOf("g:") === 0 || m.to.indexOf("g:") === 0) { look.arrows = ""; }
      m.arrows = look.arrows;
      current.linkById[look.id] = m;
      es.push(look);
    });
    document.body.setAttribute("data-stable", "0");
    container.style.visibility = "hidden";
    network.setOptions({ physics: { enabled: true } });
    nodes.clear(); edges.clear();
    nodes.add(picture.nodes); edges.add(es);
    if (!picture.nodes.length) {
      say("nothing matches these filters");
      done();
    } else {
      network.stabilize(picture.nodes.length > 300 ? 250 : 400);
    }
    document.body.setAttribute("data-mode", state.mode);
  }
  function done() {
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    declutter(function () {
      container.style.visibility = "visible";
      document.body.setAttribute("data-stable", "1");
    });
  }

  /* Labels never pile up: after a drawing, the labels vis-network drew are taken from the biggest
   * node down, and a label that would overlap one already taken is blanked (its name is still in
   * the tooltip and the panel). Redone after each zoom, as labels shrink relative to the picture
   * when they reach their largest size on screen. */
  var BLANK = " ";
  function declutter(then) {
    var full = nodes.get({ filter: function (n) { return n.full !== undefined && n.label !== n.full; } })
      .map(function (n) { return { id: n.id, label: n.full }; });
    if (full.length) { nodes.update(full); }
    network.once("afterDrawing", function () {
      var taken = [], blank = [];
      nodes.get().sort(function (x, y) {   /* directives (boxes: their label is the node) first */
        return (y.shape === "box") - (x.shape === "box") || (y.value || 0) - (x.value || 0) || (x.id < y.id ? -1 : 1);
      })
        .forEach(function (n) {
          var body = network.body.nodes[n.id];
          if (!body || !body.labelModule.visible()) { return; }
          var b = body.labelModule.size;
          var box = { l: b.left, t: b.top, r: b.left + b.width, b: b.top + b.height };
          var hit = taken.some(function (o) { return box.l < o.r && o.l < box.r && box.t < o.b && o.t < box.b; });
          if (hit && n.shape !== "box") { blank.push({ id: n.id, label: BLANK, full: n.full === undefined ? n.label : n.full }); }
          else { taken.push(box); }
        });
      if (blank.length) { nodes.update(blank); }
      if (then) { network.once("afterDrawing", then); }
      network.redraw();
    });
    network.redraw();
  }
  var zoomTimer = null;

  /* ------------------------------------------------------------------ actions */
  function focusAgency(ref) {
    state.mode = "agency"; state.focus = ref; panel.hidden = true;
    draw();
  }
  function overview() { state.mode = "overview"; state.focus = null; draw(); }
  function toggleGroup(key) { state.expanded[key] = !state.expanded[key]; draw(); }
  /* the agencies a search looks in: those of the page, or of the names file of a grouped page */
  function named() {
    if (G) { return NAMES || []; }
    return A.map(function (a, i) { return { i: i, n: a.n, f: a.f }; });
  }
  function find(query) {
    var ws = words(query);
    if (!ws.length) { return []; }
    var exact = fold(query);
    var hits = named().filter(function (a) { return hasWords(a.f, ws); });
    hits.sort(function (x, y) {
      return (fold(y.n) === exact) - (fold(x.n) === exact) || x.n.length - y.n.length;
    });
    return hits;
  }
  function search(query) {
    if (G && !NAMES) {
      document.body.setAttribute("data-stable", "0");
      withNames(function () { search(query); });
      return [];
    }
    var hits = find(query);
    if (!hits.length) { say("no agency matches \u201c" + query + "\u201d"); return []; }
    matchNote = hits.length > 1 ? " \u2014 " + hits.length + " match: " + hits.slice(0, 5).map(function (a) { return a.n; }).join("; ") : "";
    focusAgency("a" + hits[0].i);
    return hits.map(function (a) { return "a" + a.i; });
  }
  /* the issuer names a typed issuer stands for: agencies (by name or alias) and directive issuers */
  function issuers(query) {
    var ws = words(query), names = {}, out = {};
    if (!ws.length) { return null; }
    named().forEach(function (a) { if (hasWords(a.f, ws)) { names[a.n] = true; } });
    data.issuers.forEach(function (name, i) {
      if (name && (names[name] || hasWords(" " + fold(name) + " ", ws))) { out[i] = true; }
    });
    return out;
  }
  function setFilter(name, value) {
    if (G && !F && value && ["topic", "since", "until", "issuer"].indexOf(name) >= 0) {
      document.body.setAttribute("data-stable", "0");
      withFacets(function () { setFilter(name, value); });
      return;
    }
    if (name === "issuer" && G && !NAMES && value) { withNames(function () { setFilter(name, value); }); return; }
    if (name === "since" || name === "until") { state[name] = value ? +value : null; }
    else if (name === "issuer") { state.issuer = issuers(value); }
    else { state[name] = value; }
    draw();
  }

  /* ------------------------------------------------------------------ wiring */
  nodes = new vis.DataSet([]);
  edges = new vis.DataSet([]);
  network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  network.on("stabilizationIterationsDone", done);
  network.on("zoom", function () {
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(function () { declutter(null); }, 200);
  });
  network.on("click", function (p) {
    if (p.nodes.length) {
      var id = p.nodes[0];
      if (id.indexOf("g:") === 0) { groupPanel(id.slice(2)); }
      else if (id[0] === "a") { agencyPanel(+id.slice(1)); }
      else if (id[0] === "d") { showPanel(D[+id.slice(1)].h, [["Subject", D[+id.slice(1)].s]], []); }
    } else if (p.edges.length) { linkPanel(p.edges[0]); }
  });
  network.on("doubleClick", function (p) {
    if (p.nodes.length && p.nodes[0].indexOf("g:") === 0) { toggleGroup(p.nodes[0].slice(2)); }
    else if (p.nodes.length && p.nodes[0][0] === "a") { focusAgency(p.nodes[0]); }
  });

  /* the search box's suggestions: the first 5,000 names */
  function fillNames() {
    var names = $("agency-names");
    names.textContent = "";
    named().sort(function (x, y) { return x.n < y.n ? -1 : 1; }).slice(0, 5000).forEach(function (a) {
      var o = document.createElement("option"); o.value = a.n; names.appendChild(o);
    });
  }
  fillNames();
  $("search").addEventListener("focus", function () { if (G) { withNames(function () {}); } });
  $("controls").addEventListener("submit", function (e) { e.preventDefault(); });
  $("search").addEventListener("change", function () { if ($("search").value) { search($("search").value); } });
  $("search").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); search($("search").value); } });
  $("depth").addEventListener("change", function () { state.depth = +$("depth").value; if (state.mode === "agency") { draw(); } });
  $("overview").addEventListener("click", overview);
  $("group-by").addEventListener("change", function () { state.groupBy = $("group-by").value; state.expanded = {}; if (state.mode === "overview") { draw(); } });
  [["province-filter", "province"], ["level-filter", "level"], ["kind-filter", "kind"], ["topic-filter", "topic"],
   ["since", "since"], ["until", "until"], ["issuer-filter", "issuer"]].forEach(function (pair) {
    $(pair[0]).addEventListener("change", function () { setFilter(pair[1], $(pair[0]).value); });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".link-kind"), function (box) {
    box.addEventListener("change", function () { state.links[box.value] = box.checked; draw(); });
  });

  window.phoihop = {
    fold: fold, state: state, draw: draw, search: search, find: find, focusAgency: focusAgency,
    overview: overview, toggleGroup: toggleGroup, setFilter: setFilter,
    setLinks: function (kinds) { Object.keys(KINDS).forEach(function (k) { state.links[k] = kinds.indexOf(k) >= 0; }); draw(); },
    groupBy: function (key) { state.groupBy = key; state.expanded = {}; draw(); },
    shown: function () {
      return { nodes: nodes.getIds(), edges: edges.get().map(function (e) { return [e.from, e.to, e.kind, e.value]; }) };
    },
    agencyName: function (ref) { return A[+ref.slice(1)].n; },
    details: function (i, d) { DETAILS[i] = d; flush(i); },
    cell: addCell, names: addNames, facets: addFacets
  };
  draw();
})();

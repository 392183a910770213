/* phoihop view: draw the graph and run the in-page filters, search and physics toggle.
 * Document text is only ever put on screen with textContent: tooltips are DOM elements. */
"use strict";
var nodes, edges, network;

(function () {
  var data = window.PHOIHOP_DATA;

  /* Same idea as ingest.textnorm.fold: no diacritics, đ -> d, lower case, words only. */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function lines(box, rows) {
    (rows || []).forEach(function (kv) {
      var row = el("div", "tip-line");
      row.appendChild(el("span", "tip-key", kv[0] + ": "));
      row.appendChild(el("span", null, kv[1]));
      box.appendChild(row);
    });
  }

  function tooltip(tip) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-title", tip.title));
    lines(box, tip.lines);
    (tip.items || []).forEach(function (item) {
      var part = el("div", "tip-item");
      part.appendChild(el("div", "tip-head", item.head));
      if (item.quote) { part.appendChild(el("blockquote", "tip-quote", "\u201c" + item.quote + "\u201d")); }
      lines(part, item.lines);
      box.appendChild(part);
    });
    if (tip.more) { box.appendChild(el("div", "tip-more", "\u2026 and " + tip.more + " more")); }
    return box;
  }

  data.nodes.forEach(function (n) { n.title = tooltip(n.tip); n.search = " " + fold(n.name) + " "; });
  data.edges.forEach(function (e) { e.title = tooltip(e.tip); });

  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  var container = document.getElementById("mynetwork");
  network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  var topicSelect = document.getElementById("topic-filter");
  var directiveSelect = document.getElementById("directive-filter");
  var searchBox = document.getElementById("search");
  var physicsBox = document.getElementById("physics");
  var statusLine = document.getElementById("status");

  function say(text) { statusLine.textContent = text; statusLine.title = text; }

  function matches(item, topic, directive) {
    return (!topic || item.topics.indexOf(topic) >= 0) && (!directive || item.directives.indexOf(directive) >= 0);
  }

  /* Hide what the topic/directive selects exclude; links between two shown nodes that
   * carry no duties themselves (issued, cites) stay. */
  function applyFilters() {
    var topic = topicSelect.value, directive = directiveSelect.value, shown = {}, count = 0;
    nodes.update(nodes.get().map(function (n) {
      var visible = matches(n, topic, directive);
      if (visible) { shown[n.id] = true; count += 1; }
      return { id: n.id, hidden: !visible };
    }));
    edges.update(edges.get().map(function (e) {
      var structural = e.kind === "issued" || e.kind === "cites";
      var visible = shown[e.from] && shown[e.to] && (structural || matches(e, topic, directive));
      return { id: e.id, hidden: !visible };
    }));
    say(topic || directive ? count + " of " + nodes.length + " nodes match" : "");
    if (count) { network.fit({ animation: false }); }
    return count;
  }

  /* Agencies whose folded name contains every folded word of the query (as word starts). */
  function search(query) {
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length) { network.unselectAll(); say(""); return []; }
    var hits = nodes.get({ filter: function (n) {
      return !n.hidden && words.every(function (w) { return n.search.indexOf(" " + w) >= 0; });
    } });
    var ids = hits.map(function (n) { return n.id; });
    network.selectNodes(ids);
    if (ids.length === 1) {
      network.focus(ids[0], { scale: 1.0, animation: false });
    } else if (ids.length > 1) {
      network.fit({ nodes: ids, animation: false });
    }
    say(ids.length ? ids.length + " found: " + hits.map(function (n) { return n.name; }).join("; ")
                   : "no agency matches \u201c" + query + "\u201d");
    return ids;
  }

  document.getElementById("controls").addEventListener("submit", function (e) { e.preventDefault(); });
  topicSelect.addEventListener("change", applyFilters);
  directiveSelect.addEventListener("change", applyFilters);
  searchBox.addEventListener("input", function () { search(searchBox.value); });
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked } });
  });

  network.on("stabilizationProgress", function (p) {
    say("laying out\u2026 " + Math.round(100 * p.iterations / p.total) + "%");
  });
  network.once("stabilizationIterationsDone", function () {
    say("");
    if (data.big) {  /* a big graph keeps still once laid out; the checkbox turns physics back on */
      network.setOptions({ physics: { enabled: false } });
      physicsBox.checked = false;
    }
    document.body.setAttribute("data-stable", "1");
  });
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "1"); });
  if (!data.nodes.length) { say("no duty matches the filters of this page"); document.body.setAttribute("data-stable", "1"); }

  window.phoihop = { fold: fold, search: search, applyFilters: applyFilters };
})();

// cleaner review: builds the page from the JSON embedded in #review-data.
// Document text is only ever set with textContent / text nodes, never parsed as HTML.
"use strict";

const DATA = JSON.parse(document.getElementById("review-data").textContent);
const RULES = new Map(DATA.rules.map((r) => [r.id, r]));
const LABEL = 0, CATEGORY = 1, RULE = 2, COMMENT = 3, FLAG = 4;  // fields of a segment row

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Colours: a fixed hue per category, spread by the golden angle over the known categories.
const CATEGORY_ORDER = Object.keys(DATA.categories);
function colour(category) {
  let i = CATEGORY_ORDER.indexOf(category);
  if (i < 0) i = CATEGORY_ORDER.length + [...String(category)].reduce((a, c) => a + c.charCodeAt(0), 0);
  return `hsl(${Math.round((i * 137.508) % 360)}, 72%, 80%)`;
}

function totals(field) {
  const counts = new Map();
  for (const doc of DATA.documents) {
    for (const [key, n] of Object.entries(doc[field] || {})) counts.set(key, (counts.get(key) || 0) + n);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function plural(n, noun) {
  return `${n.toLocaleString()} ${noun}${n === 1 ? "" : "s"}`;
}

function ruleLink(id) {
  return el("a", { href: "#rule-" + id, text: id });
}

function spanTitle(row) {
  const rule = RULES.get(row[RULE]);
  const why = rule ? "\n" + rule.rationale : "";
  return `${row[CATEGORY] || row[LABEL]} · ${row[RULE] || "no rule"}${why}\n(click to read the rule)`;
}

function commentHead(comment, index) {
  const parts = [`comment ${index + 1}`, comment.author ? `by ${comment.author}` : "author unknown"];
  if (comment.reply_to) parts.push(`↪ replying to ${comment.reply_to}`);
  if (comment.posted) parts.push(comment.posted);
  if (comment.edited) parts.push(`edited ${comment.edited}`);
  return el("span", { class: "cm-head", text: parts.join(" · ") });
}

function renderText(doc) {
  const box = el("div", { class: "text" });
  let openComment = -1;
  for (const [text, k] of doc.runs) {
    if (k < 0) { box.append(document.createTextNode(text)); continue; }
    const row = doc.segments[k];
    const label = row[LABEL];
    if (label === "boilerplate" || label === "metadata") {
      box.append(el("span", {
        class: label === "metadata" ? "rm md" : "rm", text, title: spanTitle(row),
        "data-cat": row[CATEGORY] || "", "data-rule": row[RULE] || "",
        style: `background:${colour(row[CATEGORY])}`,
      }));
      continue;
    }
    const classes = [];
    let title = null;
    if (label === "comment") {
      classes.push("cm");
      if (row[COMMENT] >= 0 && row[COMMENT] !== openComment) {
        openComment = row[COMMENT];
        box.append(commentHead(doc.comments[openComment], openComment));
      }
    }
    if (row[FLAG] >= 0) {
      const flag = doc.flags[row[FLAG]];
      classes.push("flag");
      title = `flagged: ${flag.lang} (confidence ${flag.confidence}) in the ${flag.section}`;
    }
    box.append(classes.length ? el("span", { class: classes.join(" "), text, title }) : document.createTextNode(text));
  }
  return box;
}

function countTable(counts, first) {
  const table = el("table", {}, el("tr", {}, el("th", { text: first }), el("th", { text: "spans" })));
  for (const [key, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
    table.append(el("tr", {}, el("td", {}, first === "rule" ? ruleLink(key) : key), el("td", { class: "n", text: n })));
  }
  return table;
}

function commentTable(doc) {
  const table = el("table", {}, el("tr", {}, ...["#", "author", "replying to", "posted", "edited", "text"]
    .map((h) => el("th", { text: h }))));
  doc.comments.forEach((c, i) => table.append(el("tr", {},
    el("td", { class: "n", text: i + 1 }), el("td", { text: c.author || "" }), el("td", { text: c.reply_to || "" }),
    el("td", { text: c.posted || "" }), el("td", { text: c.edited || "" }), el("td", { text: c.text }))));
  return table;
}

function renderDocument(doc, index) {
  const name = doc.id || `${doc.source}${doc.line ? ":" + doc.line : ""}`;
  const card = el("article", { class: "doc", id: `doc-${index + 1}` }, el("h3", { text: `${index + 1}. ${name}` }));
  card.dataset.rules = Object.keys(doc.rules || {}).join(" ");
  card.dataset.comments = (doc.comments || []).length;
  card.dataset.flags = (doc.flags || []).length;
  card.dataset.error = doc.error ? "1" : "";
  if (doc.error) {
    card.append(el("p", { class: "error", text: `not cleaned: ${doc.error}` }));
    return card;
  }
  const meta = [`${doc.source}${doc.line ? ":" + doc.line : ""}`, `language: ${doc.language || "unknown"}`];
  if (doc.title) meta.push(`title: ${doc.title}`);
  if (doc.authors.length) meta.push(`authors: ${doc.authors.join(", ")}`);
  if (doc.published) meta.push(`published: ${doc.published}`);
  card.append(el("p", { class: "meta", text: meta.join(" · ") }));
  const share = doc.chars ? Math.round((100 * doc.removed_chars) / doc.chars) : 0;
  const badges = el("div", { class: "badges" },
    el("span", { class: "badge", text: `removed ${doc.removed_chars.toLocaleString()} of ${doc.chars.toLocaleString()} characters (${share}%)` }),
    el("span", { class: "badge", text: plural(doc.comments.length, "comment") }),
    el("span", { class: "badge", text: plural(doc.flags.length, "language flag") }));
  for (const [category, n] of Object.entries(doc.categories).sort((a, b) => b[1] - a[1])) {
    badges.append(el("span", { class: "badge", style: `background:${colour(category)}`, text: `${category} ${n}` }));
  }
  card.append(badges);
  if (Object.keys(doc.rules).length) {
    card.append(el("details", {}, el("summary", { text: `Removals by rule (${plural(Object.keys(doc.rules).length, "rule")})` }),
      countTable(doc.rules, "rule")));
  }
  if (doc.comments.length) {
    card.append(el("details", {}, el("summary", { text: `Comments (${doc.comments.length})` }), commentTable(doc)));
  }
  if (doc.flags.length) {
    const list = el("ul");
    for (const f of doc.flags) list.append(el("li", { text: `${f.lang} (confidence ${f.confidence}) in the ${f.section}` }));
    card.append(el("details", {}, el("summary", { text: `Language flags (${doc.flags.length})` }), list));
  }
  card.append(renderText(doc));
  return card;
}

function renderRule(rule) {
  const head = el("h3", { text: rule.id });
  const info = [rule.category ? `category ${rule.category}` : null, rule.code ? `decided by the ${rule.source} stage` :
    `from ${rule.source}`, rule.scope ? `scope ${rule.scope}, ${rule.where}` : null].filter(Boolean).join(" · ");
  const box = el("div", { class: "rule", id: "rule-" + rule.id }, head,
    el("p", { class: "hint", text: info }), el("p", { class: "why", text: rule.rationale }));
  if (rule.doc) box.append(el("p", { class: "hint", text: `How it decides: ${rule.doc} in the cleaner's sources.` }));
  if (rule.examples.length) {
    box.append(el("div", { class: "hint", text: "Examples (removed):" }),
      el("ul", { class: "ex" }, ...rule.examples.map((t) => el("li", { text: t }))));
  }
  if (rule.counterexamples.length) {
    box.append(el("div", { class: "hint", text: "Counterexamples (kept):" }),
      el("ul", { class: "cx" }, ...rule.counterexamples.map((t) => el("li", { text: t }))));
  }
  return box;
}

function build() {
  const categories = totals("categories");
  const boxes = document.getElementById("category-boxes");
  for (const [category, n] of categories) {
    boxes.append(el("label", { title: DATA.categories[category] || "" },
      el("input", { type: "checkbox", checked: true, "data-cat": category }),
      el("span", { class: "swatch", style: `background:${colour(category)}` }), `${category} (${n})`));
  }
  const ruleCounts = totals("rules");
  const select = document.getElementById("rule-select");
  for (const [rule, n] of ruleCounts) select.append(el("option", { value: rule, text: `${rule} (${n})` }));

  const docsWith = new Map();
  for (const doc of DATA.documents) for (const rule of Object.keys(doc.rules || {})) docsWith.set(rule, (docsWith.get(rule) || 0) + 1);
  const table = el("table", {}, el("tr", {}, ...["rule", "category", "spans", "documents"].map((h) => el("th", { text: h }))));
  for (const [rule, n] of ruleCounts) {
    const info = RULES.get(rule);
    table.append(el("tr", {}, el("td", {}, ruleLink(rule)), el("td", { text: (info && info.category) || "" }),
      el("td", { class: "n", text: n }), el("td", { class: "n", text: docsWith.get(rule) })));
  }
  document.getElementById("rule-counts").append(ruleCounts.length ? table : el("p", { text: "Nothing was removed." }));
  const spans = ruleCounts.reduce((a, [, n]) => a + n, 0);
  document.getElementById("summary-head").textContent =
    `Removals by rule: ${ruleCounts.length} rules, ${spans.toLocaleString()} spans (click to open)`;
  document.getElementById("inputs").textContent = `Input: ${DATA.inputs.join(", ")}`;

  const docs = document.getElementById("documents");
  DATA.documents.forEach((doc, i) => docs.append(renderDocument(doc, i)));
  const rules = document.getElementById("rules");
  for (const rule of DATA.rules) rules.append(renderRule(rule));
}

function applyFilters() {
  const shown = new Set([...document.querySelectorAll("#category-boxes input:checked")].map((b) => b.dataset.cat));
  const mainOnly = document.getElementById("main-only").checked;
  const rule = document.getElementById("rule-select").value;
  const which = document.getElementById("doc-select").value;
  for (const span of document.querySelectorAll(".rm")) {
    span.classList.toggle("hidden", mainOnly || !shown.has(span.dataset.cat));
    span.classList.toggle("dim", rule !== "" && span.dataset.rule !== rule);
  }
  let visible = 0;
  const cards = document.querySelectorAll("article.doc");
  for (const card of cards) {
    let keep = rule === "" || card.dataset.rules.split(" ").includes(rule);
    if (which === "comments") keep = keep && card.dataset.comments > 0;
    if (which === "flags") keep = keep && card.dataset.flags > 0;
    if (which === "errors") keep = keep && card.dataset.error === "1";
    card.classList.toggle("hidden", !keep);
    visible += keep;
  }
  const spans = document.querySelectorAll("article.doc:not(.hidden) .rm:not(.hidden)").length;
  document.getElementById("shown-count").textContent =
    `showing ${visible} of ${cards.length} documents, ${spans.toLocaleString()} highlighted removals`;
}

function wire() {
  document.getElementById("controls").addEventListener("change", applyFilters);
  for (const button of document.querySelectorAll("#category-filter button")) {
    button.addEventListener("click", () => {
      for (const box of document.querySelectorAll("#category-boxes input")) box.checked = button.dataset.all === "1";
      applyFilters();
    });
  }
  document.getElementById("documents").addEventListener("click", (event) => {
    const span = event.target.closest(".rm");
    if (span && span.dataset.rule && RULES.has(span.dataset.rule)) location.hash = "rule-" + span.dataset.rule;
  });
}

function measureBar() {
  const bar = document.getElementById("controls");
  document.documentElement.style.setProperty("--bar", `${bar.offsetHeight + 8}px`);
}

build();
wire();
applyFilters();
measureBar();
window.addEventListener("resize", measureBar);

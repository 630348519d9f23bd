// The review page: a queue on the left, the source in the middle, the extracted row on the right.
// Plain DOM, no framework and no network beyond this server. Every text from a document is set as text.
"use strict";

const params = new URLSearchParams(location.search);
if (params.get("token")) {
  sessionStorage.setItem("lkj-token", params.get("token"));
  params.delete("token");
  history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : "") + location.hash);
}
const token = () => sessionStorage.getItem("lkj-token") || "";
const $ = (sel) => document.querySelector(sel);
const state = { items: [], index: -1, detail: null, item: null };

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function put(node, ...kids) {
  node.replaceChildren(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false));
}

function say(text, kind = "") {
  const s = $("#status");
  s.textContent = text;
  s.className = kind;
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token()) headers["Authorization"] = "Bearer " + token();
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(options.json);
  }
  let res;
  try {
    res = await fetch(path, Object.assign({}, options, { headers }));
  } catch (e) {
    throw new Error("the server does not answer: is lkj serve still running?");
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.detail || `the server said ${res.status}`);
  return body;
}

function fmt(v) {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") {
    return Number.isInteger(v) ? v.toLocaleString("id-ID") : v.toLocaleString("id-ID", { maximumFractionDigits: 4 });
  }
  return String(v);
}

// --- the queue ---------------------------------------------------------------------------------------------
async function loadSummary() {
  const s = await api("/api/summary");
  $("#counts").textContent = `${s.reports} reports · ${s.rows} rows · ${s.anomalies} anomalies · ` +
    `${s.failures} failures · ${s.corrections} corrections`;
  const fill = (sel, values, label) => {
    const box = $(sel), keep = box.value;
    box.replaceChildren(el("option", { value: "" }, label), ...values.map((v) =>
      el("option", { value: v.value ?? v }, v.label ?? v)));
    box.value = keep;
  };
  fill("#f-kecamatan", s.kecamatan, "every kecamatan");
  fill("#f-report", s.report_list.map((r) => ({ value: r.report_id, label: r.label })), "every report");
  fill("#f-rule", s.rules, "every rule");
  if (!s.writable) say("This server takes no corrections: it was started without a token.", "error");
}

async function loadQueue(keep) {
  const q = new URLSearchParams();
  for (const [k, sel] of [["kecamatan", "#f-kecamatan"], ["report_id", "#f-report"], ["rule", "#f-rule"],
                          ["status", "#f-status"]]) {
    if ($(sel).value) q.set(k, $(sel).value);
  }
  q.set("limit", "1000");
  const res = await api("/api/queue?" + q);
  state.items = res.items;
  $("#queue-count").textContent = `${res.total} item${res.total === 1 ? "" : "s"}` +
    (res.total > res.items.length ? ` (first ${res.items.length} shown)` : "");
  const list = $("#queue");
  put(list, res.items.map((it, i) => el("li", {
      "data-id": it.id, "data-index": i, class: it.status === "open" ? "" : "done",
      onclick: () => select(i) },
    el("div", {},
      el("span", { class: "badge " + (it.severity || "") }, it.rule),
      it.status !== "open" ? el("span", { class: "badge st-" + it.status }, it.status.replace("_", " ")) : null,
      el("span", { class: "muted" }, [it.kecamatan, it.source_file].filter(Boolean).join(" · "))),
    el("div", { class: "msg" }, it.message))));
  const at = keep ? state.items.findIndex((it) => it.id === keep) : -1;
  if (at >= 0) mark(at);
  else if (state.items.length) select(Math.min(Math.max(state.index, 0), state.items.length - 1));
  else {
    state.index = -1;
    put($("#source"), );
    put($("#detail"), el("p", { class: "muted" }, "Nothing to review with these filters."));
  }
}

function mark(i) {
  state.index = i;
  for (const li of $("#queue").children) li.classList.toggle("sel", Number(li.dataset.index) === i);
  const li = $("#queue").children[i];
  if (li) li.scrollIntoView({ block: "nearest" });
}

async function select(i) {
  if (i < 0 || i >= state.items.length) return;
  mark(i);
  const it = state.items[i];
  state.item = it;
  location.hash = encodeURIComponent(it.id);
  if (!it.row_id) {
    state.detail = null;
    renderReportFinding(it);
    return;
  }
  try {
    const d = await api(`/api/rows/${encodeURIComponent(it.row_id)}/detail` + (it.field ? `?field=${encodeURIComponent(it.field)}` : ""));
    if (state.item !== it) return;
    state.detail = d;
    renderSource(d.source, it);
    renderDetail(d, it);
  } catch (e) {
    say(e.message, "error");
  }
}

// --- the source ---------------------------------------------------------------------------------------------
function renderSource(src, it) {
  const head = $("#source-head"), box = $("#source");
  if (src.kind === "pdf") {
    head.textContent = `${it.source_file}, page ${src.page}`;
    const page = el("div", { class: "page", id: "page" });
    const img = el("img", { src: src.image, alt: `page ${src.page} of ${it.source_file}`, id: "page-img" });
    page.append(img);
    let focus = null;
    for (const b of src.boxes) {
      const [x0, top, x1, bottom] = b.bbox;
      const d = el("div", { class: "box" + (b.focus ? " focus" : ""), title: b.field || "row",
                            "data-field": b.field || "" });
      d.style.left = (100 * x0 / src.width) + "%";
      d.style.top = (100 * top / src.height) + "%";
      d.style.width = (100 * (x1 - x0) / src.width) + "%";
      d.style.height = (100 * (bottom - top) / src.height) + "%";
      page.append(d);
      if (b.focus) focus = d;
    }
    img.addEventListener("load", () => { if (focus) focus.scrollIntoView({ block: "center", inline: "center" }); });
    img.addEventListener("error", () => say(`the page image of ${it.source_file} could not be drawn`, "error"));
    box.replaceChildren(page);
  } else if (src.kind === "text") {
    head.textContent = `${it.source_file}, lines ${src.first}–${src.first + src.lines.length - 1}`;
    const pre = el("pre", { class: "text" });
    let focus = null;
    src.lines.forEach((text, k) => {
      const no = src.first + k;
      const line = el("span", { class: "line" + (no === src.row_line ? " rowline" : ""), "data-line": no },
                      el("span", { class: "ln" }, no));
      const marks = src.marks.filter((m) => m.line === no && m.start !== null && m.end !== null)
                             .sort((a, b) => a.start - b.start);
      let pos = 0;
      for (const m of marks) {
        if (m.start < pos) continue;
        line.append(text.slice(pos, m.start));
        const mk = el("mark", { class: m.focus ? "" : "other", title: m.field, "data-field": m.field },
                      text.slice(m.start, m.end));
        line.append(mk);
        if (m.focus) focus = mk;
        pos = m.end;
      }
      line.append(text.slice(pos));
      if (!focus && src.marks.some((m) => m.focus && m.line === no && m.start === null)) focus = line;
      pre.append(line);
    });
    box.replaceChildren(pre);
    (focus || pre.querySelector(".rowline") || pre).scrollIntoView({ block: "center" });
  } else {
    head.textContent = it.source_file || "";
    box.replaceChildren(el("p", {}, src.message));
  }
}

// --- the row and the actions ----------------------------------------------------------------------------------
function renderReportFinding(it) {
  $("#source-head").textContent = `${it.source_file || ""}` + (it.page ? `, page ${it.page}` : it.line ? `, line ${it.line}` : "");
  put($("#source"), el("p", { class: "muted" }, "This finding is about the report as a whole, not one row."));
  put($("#detail"), 
    el("h2", {}, it.rule),
    el("div", { class: "sentence" + (it.status === "cleared" ? " cleared" : "") }, it.message),
    verdictBar(it), noteBox());
}

function noteBox() {
  return el("label", {}, "Note ", el("textarea", { id: "note", rows: 2, placeholder: "why (optional)" }));
}

function verdictBar(it) {
  if (it.kind !== "anomaly" || it.status === "cleared") return null;
  return el("div", { class: "actions" },
    el("button", { id: "confirm", type: "button", onclick: () => verdict("confirmed") }, "Confirm (c)"),
    el("button", { id: "false-alarm", type: "button", onclick: () => verdict("false_alarm") }, "False alarm (f)"),
    it.status !== "open" ? el("button", { id: "reopen", type: "button", onclick: () => verdict("open") }, "Open again (o)") : null);
}

function renderDetail(d, it) {
  const rows = d.values.map((v) => {
    const input = el("input", { "data-field": v.field, "aria-label": `new ${v.field}`, placeholder: v.corrected ? "" : "",
                                value: v.corrected ? v.correction : "",
                                onkeydown: (e) => { if (e.key === "Enter") { e.preventDefault(); saveValue(v.field, e.target.value); } } });
    return el("tr", { class: (v.field === it.field ? "focus " : "") + (v.corrected ? "corrected" : ""), "data-field": v.field },
      el("th", {}, v.field),
      el("td", { class: "raw" }, v.raw ?? ""),
      el("td", { class: "val" + (v.numeric ? " num" : "") }, fmt(v.value) + (v.unit && v.unit !== "index" && v.unit !== "%" ? " " + v.unit : "")),
      el("td", {}, input));
  });
  const findings = [
    ...d.anomalies.map((a) => el("li", { "data-anomaly": a.anomaly_id },
      el("span", { class: "badge " + a.severity }, a.rule),
      a.status && a.status !== "open" ? el("span", { class: "badge st-" + a.status }, a.status.replace("_", " ")) : null,
      a.message)),
    ...d.cleared.map((a) => el("li", { class: "cleared", "data-anomaly": a.anomaly_id },
      el("span", { class: "badge st-cleared" }, "cleared by re-check"), el("span", { class: "badge" }, a.rule), a.message)),
  ];
  const cur = it.kind === "anomaly" ? [...d.anomalies, ...d.cleared].find((a) => a.anomaly_id === it.anomaly_id) : null;
  const status = cur ? (d.cleared.some((a) => a.anomaly_id === it.anomaly_id) ? "cleared" : cur.status || "open") : it.status;
  put($("#detail"), 
    el("h2", {}, d.label),
    el("div", { class: "muted" }, `${d.row.table_kind} · ${d.row.table_title || ""} · row ${d.row.row_index + 1}`),
    el("div", { class: "sentence" + (status === "cleared" ? " cleared" : ""), id: "sentence" },
       cur ? cur.message : it.message),
    status === "cleared" ? el("p", { id: "cleared-note", class: "muted" }, "Cleared: the re-check no longer finds it.") : null,
    el("table", { class: "vals", id: "values" },
      el("thead", {}, el("tr", {}, el("th", {}, "field"), el("th", {}, "as written"), el("th", {}, "value"),
                                   el("th", {}, "correct to"))),
      el("tbody", {}, rows)),
    el("p", { class: "muted" }, "Type the right value as the report writes it (1.250.000, 95,5%) and press Enter."),
    it.kind === "indikator" || d.review ? indikatorPicker(d) : null,
    verdictBar(Object.assign({}, it, { status })),
    it.kind === "row" ? el("div", { class: "actions" },
      el("button", { id: "checked", class: "primary", type: "button", onclick: markChecked }, "Report checked in full (x)")) : null,
    noteBox(),
    el("h2", {}, "Findings on this row"),
    findings.length ? el("ul", { class: "findings", id: "findings" }, findings) : el("p", { class: "muted" }, "none"));
}

function indikatorPicker(d) {
  const list = el("select", { id: "indikator-pick", "aria-label": "catalogue indikator" });
  const opts = [];
  if (d.review) {
    for (const k of [1, 2, 3]) {
      const id = d.review[`candidate_${k}_id`];
      if (id) opts.push(el("option", { value: id }, `${id} ${d.review[`candidate_${k}_name`]} (${Math.round(d.review[`candidate_${k}_score`])})`));
    }
  }
  opts.push(el("option", { value: "" }, "none of the catalogue"));
  list.replaceChildren(...opts);
  const search = el("input", { placeholder: "search the catalogue", "aria-label": "search the catalogue",
    oninput: async (e) => {
      const r = await api("/api/catalogue?q=" + encodeURIComponent(e.target.value)).catch((x) => say(x.message, "error"));
      if (r) list.replaceChildren(...r.items.map((c) => el("option", { value: c.id }, `${c.id} ${c.name}`)),
                                  el("option", { value: "" }, "none of the catalogue"));
    } });
  return el("div", {}, el("h2", {}, "Catalogue indikator"), search, list,
    el("div", { class: "actions" }, el("button", { type: "button", class: "primary",
      onclick: () => send({ row_id: d.row.row_id, field: "indikator_id", new: list.value }, "indikator saved") }, "Use this indikator")));
}

function who() {
  const w = $("#who").value.trim();
  if (!w) {
    $("#who").focus();
    throw new Error("write your name (top right) first, so the correction can be traced");
  }
  localStorage.setItem("lkj-who", w);
  return w;
}

async function send(body, done) {
  try {
    body.who = who();
    body.note = ($("#note") && $("#note").value) || "";
    const res = await api("/api/corrections", { method: "POST", json: body });
    const keep = state.item && state.item.id;
    let msg = done;
    if (res.cleared && res.cleared.length && body.field) {
      const here = res.cleared.filter((a) => state.detail && a.table_seq === state.detail.row.table_seq &&
                                             a.row_index === state.detail.row.row_index);
      if (here.length) msg += " · re-check cleared " + [...new Set(here.map((a) => a.rule))].join(", ");
    }
    await loadSummary();
    const again = state.items.findIndex((it) => it.id === keep);
    await loadQueue(keep);
    const at = state.items.findIndex((it) => it.id === keep);
    if (at >= 0) await select(at);
    else if (again >= 0 && state.items.length) await select(Math.min(again, state.items.length - 1));
    say(msg, "ok");
  } catch (e) {
    say(e.message, "error");
  }
}

function saveValue(field, value) {
  if (!state.detail) return;
  send({ row_id: state.detail.row.row_id, field, new: value }, `${field} corrected to ${value || "(empty)"}`);
}

function verdict(v) {
  const it = state.item;
  if (!it || it.kind !== "anomaly") return say("only an anomaly can be confirmed or called a false alarm", "error");
  send({ anomaly_id: it.anomaly_id, verdict: v }, v === "open" ? "opened again" : `marked ${v.replace("_", " ")}`);
}

function markChecked() {
  const it = state.item;
  if (!it || it.kind !== "row") return say("only a sampled report can be marked checked", "error");
  send({ report_id: it.report_id, checked: true }, "report marked checked in full");
}

// --- keyboard ---------------------------------------------------------------------------------------------
document.addEventListener("keydown", (e) => {
  const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement.tagName);
  if (e.key === "Escape") { document.activeElement.blur(); return; }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const keys = {
    j: () => select(state.index + 1), ArrowDown: () => select(state.index + 1),
    k: () => select(state.index - 1), ArrowUp: () => select(state.index - 1),
    c: () => verdict("confirmed"), f: () => verdict("false_alarm"), o: () => verdict("open"), x: markChecked,
    n: () => $("#note") && $("#note").focus(),
    e: () => {
      const f = (state.item && state.item.field) || "";
      const input = document.querySelector(`#values input[data-field="${f}"]`) || document.querySelector("#values input");
      if (input) input.focus();
    },
    "?": () => $("#help").showModal(),
  };
  if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
});

$("#help-btn").addEventListener("click", () => $("#help").showModal());
for (const sel of ["#f-kecamatan", "#f-report", "#f-rule", "#f-status"]) {
  $(sel).addEventListener("change", () => { state.index = 0; loadQueue().catch((e) => say(e.message, "error")); });
}
$("#who").value = localStorage.getItem("lkj-who") || "";

(async () => {
  try {
    await loadSummary();
    if (params.get("report_id")) {          // a link from report.html: that report's items, all of them
      $("#f-report").value = params.get("report_id");
      $("#f-status").value = "";
    }
    const want = decodeURIComponent(location.hash.slice(1));
    await loadQueue(want || undefined);
    const at = state.items.findIndex((it) => it.id === want);
    if (at >= 0) await select(at);
  } catch (e) {
    say(e.message, "error");
  }
})();

// The try-it page: calls POST /v1/enrich on this origin and shows the answer. No library, no inline
// script (the page's CSP forbids it), no network beyond this service.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { places: [], selected: null };

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

async function loadSamples() {
  const response = await fetch("/static/samples.json");
  const { samples } = await response.json();
  for (const s of samples) $("sample").append(el("option", { value: s.id }, s.title));
  $("sample").addEventListener("change", () => {
    const chosen = samples.find((s) => s.id === $("sample").value);
    if (chosen) $("article").value = chosen.text;
  });
}

async function drawWorld() {
  const response = await fetch("/static/world-110m.json");
  const world = await response.json();
  const group = svg("g", { "aria-hidden": "true" });
  for (const country of world.countries) {
    // Equirectangular: x = longitude, y = -latitude, in the SVG's viewBox of degrees.
    const d = country.rings.map((ring) => "M" + ring.map(([x, y]) => `${x},${-y}`).join("L") + "Z").join("");
    const path = svg("path", { d, class: "country" });
    path.append(svg("title"));
    path.lastChild.textContent = country.name;
    group.append(path);
  }
  $("map").prepend(group);
}

function showPlace(index) {
  const place = state.places[index];
  state.selected = index;
  document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  document.querySelectorAll(`[data-place="${index}"]`).forEach((n) => n.classList.add("selected"));
  const panel = $("place-details");
  panel.replaceChildren(el("h3", {}, place.name));
  const facts = el("dl", { class: "facts" });
  const rows = [
    ["Coordinates", `${place.latitude.toFixed(4)}, ${place.longitude.toFixed(4)}`],
    ["Feature", `${place.feature}${place.feature_code ? " (" + place.feature_code + ")" : ""}`],
    ["Country", place.country || place.country_code || "—"],
    ["Confidence", place.confidence.toFixed(2)],
    ["Source", place.source],
    ["Mentions", place.mentions.map((m) => `“${m.text}” at ${m.start}–${m.end}`).join("; ")],
  ];
  for (const [k, v] of rows) facts.append(el("dt", {}, k), el("dd", {}, v));
  panel.append(facts);
}

function fitMap(places) {
  // Zoom to the places (whole world when there are none), so that nearby places stay apart.
  if (!places.length) { $("map").setAttribute("viewBox", "-180 -90 360 180"); return 1.5; }
  const lons = places.map((p) => p.longitude), lats = places.map((p) => -p.latitude);
  let [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const pad = Math.max(3, 0.15 * Math.max(x1 - x0, y1 - y0));
  [x0, x1, y0, y1] = [x0 - pad, x1 + pad, y0 - pad, y1 + pad];
  $("map").setAttribute("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
  return Math.max(x1 - x0, 2 * (y1 - y0)) / 250;  // marker radius: about 1/250 of the view
}

function drawMarkers(places) {
  document.querySelectorAll("#map .marker").forEach((n) => n.remove());
  const radius = fitMap(places);
  // Countries and regions first, cities last: the smaller places stay on top and clickable.
  const order = { continent: 0, country: 1, admin1: 2, region: 3, physical: 3, admin2: 4, city: 5 };
  const indices = places.map((_, i) => i).sort((a, b) => (order[places[a].feature] ?? 3) - (order[places[b].feature] ?? 3));
  indices.forEach((index) => {
    const place = places[index];
    const marker = svg("circle", {
      cx: place.longitude, cy: -place.latitude, r: radius, class: "marker", tabindex: "0", role: "button",
      "data-place": index, "aria-label": `${place.name}, ${place.feature}: show details`,
    });
    marker.append(svg("title"));
    marker.lastChild.textContent = place.name;
    marker.addEventListener("click", () => showPlace(index));
    marker.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showPlace(index); } });
    $("map").append(marker);
  });
}

function highlight(text, body) {
  const spans = [];
  const date = body.publication;
  if (date && date.evidence) spans.push({ ...date.evidence, kind: "date", label: "publication date" });
  for (const b of body.bylines) spans.push({ ...b.evidence, kind: "byline", label: `byline: ${b.name}` });
  body.places.forEach((p, index) => p.mentions.forEach((m) => spans.push({ ...m, kind: "place", index, label: p.name })));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Offsets are code points; JavaScript strings index UTF-16 units, so work on an array of code points.
  const chars = Array.from(text);
  const out = $("highlighted");
  out.replaceChildren();
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;  // overlapping evidence: the first one wins
    out.append(document.createTextNode(chars.slice(at, s.start).join("")));
    const mark = el("mark", { class: s.kind, title: s.label }, chars.slice(s.start, s.end).join(""));
    if (s.kind === "place") {
      mark.dataset.place = s.index;
      mark.tabIndex = 0;
      mark.setAttribute("role", "button");
      mark.addEventListener("click", () => showPlace(s.index));
      mark.addEventListener("keydown", (e) => { if (e.key === "Enter") showPlace(s.index); });
    }
    out.append(mark);
    at = s.end;
  }
  out.append(document.createTextNode(chars.slice(at).join("")));
}

function render(text, body) {
  state.places = body.places;
  $("published").textContent = body.publication_date
    ? `${body.publication_date}${body.publication && body.publication.completed_from_reference_date ? " (completed from the fetch date)" : ""}`
    : "not stated in the text";
  $("bylines").textContent = body.bylines.length ? body.bylines.map((b) => `${b.name} (${b.kind})`).join(", ") : "none found";
  $("topic").textContent = body.topic
    ? `${body.topic.label} (${body.topic.code}), confidence ${body.topic.confidence.toFixed(2)}${body.topic.low_confidence ? ", low" : ""}`
    : "—";
  $("dateline").textContent = body.dateline ? body.dateline.name : "none";
  $("warnings").textContent = (body.warnings || []).join(" ");
  drawMarkers(body.places);
  highlight(text, body);
  $("results").hidden = false;
}

async function enrich(event) {
  event.preventDefault();
  const text = $("article").value;
  const status = $("status");
  if (!text.trim()) { status.textContent = "Paste an article first."; $("article").focus(); return; }
  const payload = { text };
  if ($("reference-date").value) payload.reference_date = $("reference-date").value;
  const headers = { "Content-Type": "application/json" };
  if ($("api-key").value) headers.Authorization = `Bearer ${$("api-key").value}`;
  $("enrich").disabled = true;
  status.textContent = "Enriching…";
  try {
    const response = await fetch("/v1/enrich", { method: "POST", headers, body: JSON.stringify(payload) });
    const body = await response.json();
    if (!response.ok) { status.textContent = `Error ${response.status}: ${body.detail}`; return; }
    render(text, body);
    status.textContent = `Done: ${body.places.length} places, ${body.bylines.length} bylines.`;
  } catch (error) {
    status.textContent = `The service could not be reached: ${error.message}`;
  } finally {
    $("enrich").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("enrich-form").addEventListener("submit", enrich);
  loadSamples();
  drawWorld();
});

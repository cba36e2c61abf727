// The dashboard's page script: forms, server-sent events, and hover values on the charts. Every
// number and every chart comes from the Swift server; this file only asks and shows.
"use strict";

const $ = (id) => document.getElementById(id);

// ---------- requests ----------

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (_) { body = null; }
  if (!response.ok) {
    const message = (body && body.error && body.error.message) || text || response.statusText;
    throw new Error(message);
  }
  return body;
}

function postJSON(path, value) {
  return api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });
}

function showError(id, error) {
  const element = $(id);
  if (!error) { element.hidden = true; element.textContent = ""; return; }
  element.hidden = false;
  element.textContent = String(error.message || error);
}

const number = (value) => {
  if (value === null || value === undefined) return "–";
  if (typeof value === "string") return value;
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5) ? value.toExponential(3) : String(+value.toPrecision(4));
};

// ---------- charts: the server's SVG, with hover values ----------

// Puts a chart payload ({svg, x, y, series}) into `element` and shows the values under the
// pointer: the x under it, and each series' nearest drawn point.
function mountChart(element, payload) {
  if (!payload) { element.innerHTML = ""; element.chart = null; return; }
  element.innerHTML = payload.svg;
  element.chart = payload;
  const svg = element.querySelector("svg");
  if (!svg) return;
  svg.dataset.points = String(payload.series.reduce((n, s) => n + s.x.length, 0));
  if (!element.dataset.hover) {
    element.dataset.hover = "1";
    element.addEventListener("mousemove", (event) => hover(element, event));
    element.addEventListener("mouseleave", () => { $("tooltip").hidden = true; });
  }
}

function plotArea(svg) {
  const rect = svg.querySelector("clipPath rect");
  if (!rect) return null;
  const get = (name) => parseFloat(rect.getAttribute(name));
  return { left: get("x"), top: get("y"), right: get("x") + get("width"), bottom: get("y") + get("height") };
}

function fromFraction(axis, t) {
  if (axis.scale === "log") {
    const lo = Math.log10(axis.lower), hi = Math.log10(axis.upper);
    return Math.pow(10, lo + t * (hi - lo));
  }
  return axis.lower + t * (axis.upper - axis.lower);
}

function hover(element, event) {
  const chart = element.chart;
  const svg = element.querySelector("svg");
  const tooltip = $("tooltip");
  if (!chart || !svg) return;
  const area = plotArea(svg);
  const matrix = svg.getScreenCTM();
  if (!area || !matrix) return;
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  if (point.x < area.left || point.x > area.right || point.y < area.top || point.y > area.bottom) { tooltip.hidden = true; return; }
  const x = fromFraction(chart.x, (point.x - area.left) / (area.right - area.left));
  const y = fromFraction(chart.y, (area.bottom - point.y) / (area.bottom - area.top));
  const lines = [`x ${number(x)}   y ${number(y)}`];
  const distance = chart.x.scale === "log" ? (a) => Math.abs(Math.log10(a) - Math.log10(x)) : (a) => Math.abs(a - x);
  for (const series of chart.series) {
    let best = -1, bestDistance = Infinity;
    for (let k = 0; k < series.x.length; k++) {
      const value = series.x[k];
      if (value === null || series.y[k] === null || (chart.x.scale === "log" && value <= 0)) continue;
      const d = distance(value);
      if (d < bestDistance) { bestDistance = d; best = k; }
    }
    if (best >= 0 && series.name) lines.push(`${series.name}: ${number(series.x[best])} → ${number(series.y[best])}`);
  }
  tooltip.textContent = lines.join("\n");
  tooltip.hidden = false;
  tooltip.style.left = `${event.clientX + 14}px`;
  tooltip.style.top = `${event.clientY + 14}px`;
}

// ---------- tabs ----------

function showView(name) {
  for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== `view-${name}`;
  for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.view === name);
  if (location.hash !== `#${name}`) history.replaceState(null, "", `#${name}`);
  if (name === "runs") loadRuns();
  if (name === "studies") loadStudies();
  if (name === "schedules" && !$("schedule-chart").chart) drawSchedule();
}

// ---------- playground ----------

let playgroundStream = null;
let info = null;

function parseRates() {
  return $("lrs").value.split(/[\s,]+/).filter((s) => s.length > 0).map(Number);
}

function playgroundRequest() {
  const problem = $("problem").value;
  const request = { problem, lrs: parseRates(), optimizer: { name: $("optimizer").value } };
  const steps = parseInt($("steps").value, 10);
  if (Number.isFinite(steps)) request.steps = steps;
  const schedule = $("schedule").value.trim();
  if (schedule) {
    try { request.schedule = JSON.parse(schedule); } catch (_) { throw new Error("the schedule is not JSON: write a spec such as {\"name\":\"StepLR\",\"step_size\":20}"); }
  }
  if (isDataProblem(problem)) request.model = $("model").value.split(/[\s,]+/).filter((s) => s).map(Number);
  return request;
}

function isDataProblem(problem) {
  return info && !["x2", "quadratic", "rosenbrock", "beale", "himmelblau", "booth"].includes(problem);
}

function runPlayground() {
  showError("playground-error", null);
  if (playgroundStream) { playgroundStream.close(); playgroundStream = null; }
  let request;
  try { request = playgroundRequest(); } catch (error) { showError("playground-error", error); return; }
  const query = `request=${encodeURIComponent(JSON.stringify(request))}&log_y=${$("logy").checked ? 1 : 0}`;
  const stream = new EventSource(`/api/playground/stream?${query}`);
  playgroundStream = stream;
  document.body.dataset.playground = "running";
  let frames = 0;
  stream.addEventListener("frame", (event) => { frames += 1; showFrame(JSON.parse(event.data)); });
  stream.addEventListener("done", () => {
    stream.close();
    document.body.dataset.playground = "done";
  });
  // EventSource cannot read an HTTP error's body: ask the same checks by POST for the message.
  stream.onerror = async () => {
    stream.close();
    if (document.body.dataset.playground !== "running" || playgroundStream !== stream) return;
    document.body.dataset.playground = "failed";
    if (frames > 0) { showError("playground-error", new Error("the connection to the server was lost")); return; }
    try {
      await postJSON("/api/playground/check", request);
      showError("playground-error", new Error("the server refused the stream; try again"));
    } catch (error) {
      // The previous runs are still letting go of their workers: try again shortly.
      if (/busy/.test(error.message) && playgroundStream === stream) { setTimeout(runPlayground, 400); return; }
      showError("playground-error", error);
    }
  };
}

function showFrame(frame) {
  mountChart($("loss-chart"), frame.loss);
  mountChart($("landscape-chart"), frame.landscape);
  const body = $("verdicts").querySelector("tbody");
  body.innerHTML = "";
  frame.runs.forEach((run, index) => {
    const row = document.createElement("tr");
    row.className = "run-row";
    const color = frame.loss.series[index] ? frame.loss.series[index].color : "#999";
    const cells = [number(run.lr), run.label || "running…", run.fix || "", number(run.last_loss)];
    cells.forEach((text, k) => {
      const cell = document.createElement("td");
      if (k === 0) {
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = color;
        cell.appendChild(swatch);
      }
      cell.appendChild(document.createTextNode(text));
      if (k === 1 && run.verdict) cell.className = `verdict verdict-${run.verdict}`;
      row.appendChild(cell);
    });
    body.appendChild(row);
  });
  if (frame.failure) showError("playground-error", new Error(frame.failure));
}

// One log-scale slider per learning rate: moving it rewrites the list and reruns everything.
function buildSliders() {
  const box = $("sliders");
  box.innerHTML = "";
  parseRates().forEach((rate, index) => {
    if (!(rate > 0)) return;
    const label = document.createElement("label");
    const slider = document.createElement("input");
    slider.type = "range";
    slider.min = "-7"; slider.max = "1"; slider.step = "0.05";
    slider.value = String(Math.log10(rate));
    slider.id = `lr-slider-${index}`;
    const shown = document.createElement("span");
    shown.textContent = `lr ${number(rate)}`;
    slider.addEventListener("input", () => {
      const rates = parseRates();
      rates[index] = +Math.pow(10, parseFloat(slider.value)).toPrecision(3);
      shown.textContent = `lr ${number(rates[index])}`;
      $("lrs").value = rates.join(", ");
      scheduleRun();
    });
    label.append(shown, slider);
    box.appendChild(label);
  });
}

let runTimer = null;
function scheduleRun() {
  clearTimeout(runTimer);
  runTimer = setTimeout(runPlayground, 250);
}

function problemChanged() {
  const data = isDataProblem($("problem").value);
  for (const element of document.querySelectorAll(".network")) element.hidden = !data;
  $("steps-label").textContent = data ? "Epochs" : "Steps";
  const defaults = { x2: ["SGD", "0.001, 0.1, 1.1", 50] };
  const [optimizer, rates, steps] = defaults[$("problem").value] ||
    (data ? ["Adam", "0.0001, 0.003, 0.3", 5] : ["SGD", "0.0001, 0.001, 0.004", 300]);
  $("optimizer").value = optimizer;
  $("lrs").value = rates;
  $("steps").value = steps;
  buildSliders();
  $("find-result").hidden = true;
  runPlayground();
}

async function findLearningRate() {
  showError("playground-error", null);
  $("find").disabled = true;
  try {
    const result = await postJSON("/api/playground/find", playgroundRequest());
    $("find-result").hidden = false;
    mountChart($("find-chart"), result.chart);
    const list = $("suggestions");
    list.innerHTML = "";
    for (const pick of result.suggestions) {
      const item = document.createElement("li");
      item.className = "suggestion";
      item.textContent = `${pick.method}: ${number(pick.lr)} (${pick.rationale}) `;
      const use = document.createElement("button");
      use.type = "button";
      use.textContent = "add to the runs";
      use.addEventListener("click", () => {
        $("lrs").value = [...parseRates(), +pick.lr.toPrecision(3)].join(", ");
        buildSliders();
        runPlayground();
      });
      item.appendChild(use);
      list.appendChild(item);
    }
  } catch (error) {
    showError("playground-error", error);
  } finally {
    $("find").disabled = false;
  }
}

// ---------- runs ----------

let runsStream = null;

async function loadRuns() {
  try {
    const listing = await api("/api/runs");
    $("runs-note").textContent = listing.logdir
      ? `Runs under ${listing.logdir}: tick runs to overlay them.`
      : "No log folder: start the dashboard with `goldilocks serve --logdir DIR`.";
    const list = $("run-list");
    const ticked = new Set(selectedRuns());
    list.innerHTML = "";
    listing.runs.forEach((name, index) => {
      const item = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = name;
      box.className = "run-choice";
      box.checked = ticked.size ? ticked.has(name) : index === 0;
      box.addEventListener("change", showRuns);
      label.append(box, document.createTextNode(` ${name}`));
      item.appendChild(label);
      list.appendChild(item);
    });
    showRuns();
  } catch (error) {
    showError("runs-error", error);
  }
}

function selectedRuns() {
  return [...document.querySelectorAll(".run-choice")].filter((box) => box.checked).map((box) => box.value);
}

async function showRuns() {
  showError("runs-error", null);
  const names = selectedRuns();
  if (runsStream) { runsStream.close(); runsStream = null; $("live").hidden = true; }
  if (!names.length) return;
  const query = names.map((name) => `run=${encodeURIComponent(name)}`).join("&");
  await drawRuns(query);
  runsStream = new EventSource(`/api/runs/stream?${query}`);
  runsStream.addEventListener("ready", () => { $("live").hidden = false; });
  runsStream.addEventListener("changed", () => drawRuns(query));
  runsStream.onerror = () => { $("live").hidden = true; };
}

async function drawRuns(query) {
  try {
    const view = await api(`/api/runs/view?${query}&log_y=${$("runs-logy").checked ? 1 : 0}&smooth=${$("smooth").value}`);
    mountChart($("run-loss-chart"), view.loss);
    mountChart($("run-lr-chart"), view.lr);
    mountChart($("run-validation-chart"), view.validation);
    const body = $("run-summaries").querySelector("tbody");
    body.innerHTML = "";
    for (const run of view.runs) {
      const row = document.createElement("tr");
      const cells = [run.name, String(run.steps), run.error ? `unreadable: ${run.error}` : (run.verdict || "–").replace(/_/g, " "), run.fix || run.symptom || "", run.rescues.length ? run.rescues.join(", ") : "none"];
      cells.forEach((text, k) => {
        const cell = document.createElement("td");
        cell.textContent = text;
        if (k === 2 && run.verdict) { cell.className = `verdict verdict-${run.verdict}`; cell.title = run.symptom || ""; }
        row.appendChild(cell);
      });
      body.appendChild(row);
    }
  } catch (error) {
    showError("runs-error", error);
  }
}

// ---------- studies ----------

async function loadStudies() {
  try {
    const listing = await api("/api/studies");
    $("studies-note").textContent = listing.available ? "" : listing.message;
    const select = $("study");
    const current = select.value;
    select.innerHTML = "";
    for (const name of listing.studies) select.add(new Option(name, name, false, name === current));
    if (listing.studies.length) showStudy();
  } catch (error) {
    showError("studies-error", error);
  }
}

async function showStudy() {
  showError("studies-error", null);
  const name = $("study").value;
  if (!name) return;
  try {
    const view = await api(`/api/studies/view?study=${encodeURIComponent(name)}&log_y=${$("studies-logy").checked ? 1 : 0}`);
    mountChart($("study-history-chart"), view.history);
    mountChart($("study-lr-chart"), view.lr);
    mountChart($("study-intermediate-chart"), view.intermediate);
    $("study-best").textContent = view.best
      ? `Best: trial ${view.best.number}, value ${number(view.best.value)}, lr ${number(view.best.params.lr)} (${view.trials.length} trials)`
      : `${view.trials.length} trials, none complete yet`;
  } catch (error) {
    showError("studies-error", error);
  }
}

// ---------- schedules ----------

async function drawSchedule() {
  showError("schedule-error", null);
  try {
    const preview = await postJSON("/api/schedule", {
      spec: $("spec").value, steps: parseInt($("schedule-steps").value, 10) || 0, log_y: $("schedule-logy").checked,
    });
    mountChart($("schedule-chart"), preview.chart);
    $("schedule-summary").textContent =
      `${preview.name}: ${preview.steps} steps, lr from ${number(preview.first.length ? preview.first[0].lr : null)} to ${number(preview.last ? preview.last.lr : null)} (min ${number(preview.minimum)}, max ${number(preview.maximum)})`;
  } catch (error) {
    showError("schedule-error", error);
  }
}

// ---------- start ----------

async function start() {
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showView(tab.dataset.view));
  try {
    info = await api("/api/info");
  } catch (error) {
    showError("playground-error", error);
    return;
  }
  for (const name of info.problems) $("problem").add(new Option(name === "x2" ? "x² (the demo)" : name, name));
  for (const name of info.optimizers) $("optimizer").add(new Option(name, name));
  $("problem").addEventListener("change", problemChanged);
  for (const id of ["optimizer", "steps", "schedule", "model", "logy"]) $(id).addEventListener("change", scheduleRun);
  $("lrs").addEventListener("change", () => { buildSliders(); scheduleRun(); });
  $("playground-form").addEventListener("submit", (event) => { event.preventDefault(); buildSliders(); runPlayground(); });
  $("find").addEventListener("click", findLearningRate);
  $("runs-logy").addEventListener("change", showRuns);
  $("smooth").addEventListener("change", showRuns);
  $("study").addEventListener("change", showStudy);
  $("studies-logy").addEventListener("change", showStudy);
  $("schedule-form").addEventListener("submit", (event) => { event.preventDefault(); drawSchedule(); });
  $("schedule-logy").addEventListener("change", drawSchedule);
  problemChanged();
  showView((location.hash || "#playground").slice(1));
}

document.addEventListener("DOMContentLoaded", start);

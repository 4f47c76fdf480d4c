// Mentor web chat: token from #token=... (or typed once), answers streamed from /api/chat/stream (SSE over fetch).
"use strict";

const state = { token: null, thread: "web-" + Math.random().toString(36).slice(2, 10) };
const $ = (id) => document.getElementById(id);

function readToken() {
  const match = location.hash.match(/token=([^&]+)/);
  if (match) {
    localStorage.setItem("mentor-token", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname);
  }
  return localStorage.getItem("mentor-token");
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// Markdown subset: **bold**, `code`, and [n] citation markers as links to the passage below the answer.
function renderText(text, ref, citationNumbers) {
  let html = escapeHtml(text).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/`([^`]+)`/g, "<code>$1</code>");
  return html.replace(/\[(\d+)\]/g, (whole, n) =>
    citationNumbers.has(Number(n)) ? `<a class="cite" href="#cite-${ref}-${n}" data-n="${n}">[${n}]</a>` : whole);
}

function addBubble(kind, text) {
  const div = document.createElement("div");
  div.className = "msg " + kind;
  div.textContent = text;
  $("log").appendChild(div);
  div.scrollIntoView({ block: "end" });
  return div;
}

function renderReply(div, reply) {
  const ref = reply.message_ref.replace(/[^a-zA-Z0-9_-]/g, "");
  const numbers = new Set(reply.citations.map((c) => c.n));
  div.innerHTML = `<div class="answer">${renderText(reply.text, ref, numbers)}</div>`;
  if (reply.notice) div.insertAdjacentHTML("beforeend", `<p class="notice">${escapeHtml(reply.notice)}</p>`);
  if (reply.citations.length) {
    const box = document.createElement("div");
    box.className = "citations";
    for (const c of reply.citations) {
      const page = c.page ? ` (p. ${c.page})` : "";
      box.insertAdjacentHTML("beforeend", `<details id="cite-${ref}-${c.n}"><summary>[${c.n}] ${escapeHtml(c.title)}` +
        `${c.heading ? " › " + escapeHtml(c.heading) : ""}${page}</summary><blockquote>${escapeHtml(c.text)}</blockquote>` +
        `<small>${escapeHtml(c.source)}</small></details>`);
    }
    div.appendChild(box);
    div.querySelectorAll("a.cite").forEach((a) => a.addEventListener("click", () => {
      const target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) target.open = true;
    }));
  }
  for (const a of reply.attachments) {
    div.insertAdjacentHTML("beforeend", `<img class="chart" alt="${escapeHtml(a.title)}" src="${a.data_url}">`);
  }
  if (reply.actions.length) {
    const row = document.createElement("div");
    row.className = "actions";
    for (const action of reply.actions) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = action.label;
      b.dataset.kind = action.kind;
      b.addEventListener("click", () => { row.querySelectorAll("button").forEach((x) => (x.disabled = true));
        ask({ text: "", action: action.value }, action.label); });
      row.appendChild(b);
    }
    div.appendChild(row);
  }
  if (!reply.abstained && !reply.actions.length) {
    const fb = document.createElement("div");
    fb.className = "feedback";
    for (const [label, helpful] of [["👍 有帮助 Helpful", true], ["👎 没帮助 Not helpful", false]]) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", async () => {
        fb.querySelectorAll("button").forEach((x) => (x.disabled = true));
        await api("/api/feedback", { message_ref: reply.message_ref, helpful });
        fb.insertAdjacentHTML("beforeend", "<small>谢谢! Thanks!</small>");
      });
      fb.appendChild(b);
    }
    div.appendChild(fb);
  }
}

function api(path, body) {
  return fetch(path, { method: "POST", headers: { "Content-Type": "application/json",
    Authorization: "Bearer " + state.token }, body: JSON.stringify(body) });
}

async function ask(body, shownText) {
  addBubble("user", shownText);
  const div = addBubble("bot", "…");
  div.setAttribute("aria-busy", "true");
  let response;
  try {
    response = await api("/api/chat/stream", { ...body, thread_id: state.thread });
  } catch (error) {
    div.textContent = "网络错误,请重试。 Network error, please retry.";
    return;
  }
  if (response.status === 401) { showTokenPanel("Token rejected / 令牌无效"); div.remove(); return; }
  if (!response.ok) { div.textContent = `Error ${response.status}`; return; }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "", text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const raw = buffer.slice(0, cut); buffer = buffer.slice(cut + 2);
      const event = (raw.match(/^event: (.*)$/m) || [])[1];
      const data = JSON.parse((raw.match(/^data: (.*)$/m) || [])[1] || "null");
      if (event === "status") div.textContent = "正在思考… Thinking…";
      if (event === "delta") { text += data.text; div.textContent = text; }
      if (event === "done") { renderReply(div, data); div.removeAttribute("aria-busy"); }
      if (event === "error") div.textContent = data.message;
    }
  }
}

function showTokenPanel(message) {
  $("token-panel").hidden = false;
  $("token-error").textContent = message || "";
}

async function whoami() {
  const r = await fetch("/api/me", { headers: { Authorization: "Bearer " + state.token } });
  if (!r.ok) { showTokenPanel("Token rejected / 令牌无效"); return; }
  $("who").textContent = (await r.json()).employee_id;
  $("token-panel").hidden = true;
}

$("token-save").addEventListener("click", () => {
  state.token = $("token-input").value.trim();
  localStorage.setItem("mentor-token", state.token);
  whoami();
});

$("ask").addEventListener("submit", (e) => {
  e.preventDefault();
  const text = $("question").value.trim();
  if (!text || !state.token) return;
  $("question").value = "";
  ask({ text }, text);
});

$("question").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("ask").requestSubmit(); }
});

state.token = readToken();
if (state.token) whoami(); else showTokenPanel();

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

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function addBubble(kind, text) {
  hideStarters();
  const div = el("div", "msg " + kind, text);
  $("log").appendChild(div);
  div.scrollIntoView({ block: "end" });
  return div;
}

// Everything from the server is placed with textContent or through MentorMarkdown (which builds nodes, never HTML).
function renderReply(div, reply) {
  const ref = reply.message_ref.replace(/[^a-zA-Z0-9_-]/g, "");
  const numbers = new Set(reply.citations.map((c) => c.n));
  div.textContent = "";
  const answer = el("div", "answer");
  answer.appendChild(MentorMarkdown.render(reply.text, { citations: numbers, ref }));
  div.appendChild(answer);
  if (reply.notice) div.appendChild(el("p", "notice", reply.notice));
  if (reply.citations.length) div.appendChild(renderCitations(reply.citations, ref));
  div.querySelectorAll("a.cite").forEach((a) => a.addEventListener("click", () => {
    const target = document.getElementById(a.getAttribute("href").slice(1));
    if (target) target.open = true;
  }));
  for (const a of reply.attachments) {
    if (!/^data:image\/(png|jpeg|gif|webp);base64,/.test(a.data_url)) continue;
    const img = el("img", "chart");
    img.alt = a.title;
    img.src = a.data_url;
    div.appendChild(img);
  }
  if (reply.actions.length) div.appendChild(renderActions(reply.actions));
  if (!reply.abstained && !reply.actions.length) div.appendChild(renderFeedback(reply.message_ref));
}

function renderCitations(citations, ref) {
  const box = el("div", "citations");
  for (const c of citations) {
    const details = el("details");
    details.id = `cite-${ref}-${Number(c.n)}`;
    const page = c.page ? ` (p. ${c.page})` : "";
    details.appendChild(el("summary", "", `[${c.n}] ${c.title}${c.heading ? " › " + c.heading : ""}${page}`));
    details.appendChild(el("blockquote", "", c.text));
    details.appendChild(el("small", "", c.source));
    box.appendChild(details);
  }
  return box;
}

function renderActions(actions) {
  const row = el("div", "actions");
  for (const action of actions) {
    const b = el("button", "", action.label);
    b.type = "button";
    b.dataset.kind = action.kind;
    b.addEventListener("click", () => { row.querySelectorAll("button").forEach((x) => (x.disabled = true));
      ask({ text: "", action: action.value }, action.label); });
    row.appendChild(b);
  }
  return row;
}

function renderFeedback(messageRef) {
  const fb = el("div", "feedback");
  for (const [label, helpful] of [["👍 有帮助 Helpful", true], ["👎 没帮助 Not helpful", false]]) {
    const b = el("button", "", label);
    b.type = "button";
    b.addEventListener("click", async () => {
      fb.querySelectorAll("button").forEach((x) => (x.disabled = true));
      await api("/api/feedback", { message_ref: messageRef, helpful });
      fb.appendChild(el("small", "", "谢谢! Thanks!"));
    });
    fb.appendChild(b);
  }
  return fb;
}

// Example requests for the person's role (from GET /api/starters), shown while the conversation is empty.
const starters = { examples: [], language: /^zh/i.test(navigator.language || "") ? "zh" : "en" };

function showStarters() {
  const panel = $("starters");
  if (!starters.examples.length || $("log").childElementCount) { panel.hidden = true; return; }
  const zh = starters.language === "zh";
  $("starters-title").textContent = zh ? "你可以这样问我：" : "You could ask:";
  const switcher = $("starters-lang");
  switcher.textContent = zh ? "English" : "中文";
  switcher.lang = zh ? "en" : "zh";
  const list = $("starters-list");
  list.textContent = "";
  for (const example of starters.examples) {
    const text = zh ? example.zh : example.en;
    const b = el("button", "starter", text);
    b.type = "button";
    b.lang = starters.language;
    b.addEventListener("click", () => { if (state.token) ask({ text }, text); });
    list.appendChild(b);
  }
  panel.hidden = false;
}

function hideStarters() {
  $("starters").hidden = true;
}

async function loadStarters() {
  const r = await fetch("/api/starters", { headers: { Authorization: "Bearer " + state.token } });
  if (!r.ok) return;
  starters.examples = (await r.json()).examples;
  showStarters();
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
  loadStarters();
}

$("starters-lang").addEventListener("click", () => {
  starters.language = starters.language === "zh" ? "en" : "zh";
  showStarters();
});

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

// Safe markdown for chat replies: builds DOM nodes with textContent only (never innerHTML), so a reply or a quoted
// document holding <script>, onerror= or javascript: links shows as text. Supported: paragraphs, line breaks,
// **bold**, *italic*, `code`, ``` fences, # headings, - / 1. lists, | tables |, > quotes, [text](http...) links,
// [n] citation markers and the quiz blank ____.
"use strict";

const MentorMarkdown = (() => {
  const SAFE_URL = /^(https?:\/\/|mailto:)/i;
  // One inline token at a time: code, bold, italic, link, citation marker, quiz blank (3+ underscores).
  const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+?\*\*)|(\*[^*\s][^*\n]*?\*)|(\[[^\]\n]+\]\([^)\s]+\))|(\[\d{1,3}\])|(_{3,})/;

  function el(tag, className) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  function safeHref(url) {
    // Only absolute http(s) and mailto links are followed; anything else (javascript:, data:, vbscript:) stays text.
    const trimmed = url.trim();
    return SAFE_URL.test(trimmed) ? trimmed : null;
  }

  function appendInline(parent, text, options) {
    let rest = text;
    while (rest.length) {
      const match = INLINE.exec(rest);
      if (!match) { parent.appendChild(document.createTextNode(rest)); return; }
      if (match.index > 0) parent.appendChild(document.createTextNode(rest.slice(0, match.index)));
      const token = match[0];
      if (match[1]) {
        const code = el("code"); code.textContent = token.slice(1, -1); parent.appendChild(code);
      } else if (match[2]) {
        const strong = el("strong"); appendInline(strong, token.slice(2, -2), options); parent.appendChild(strong);
      } else if (match[3]) {
        const em = el("em"); appendInline(em, token.slice(1, -1), options); parent.appendChild(em);
      } else if (match[4]) {
        appendLink(parent, token, options);
      } else if (match[5]) {
        appendCitation(parent, token, options);
      } else {
        const blank = el("span", "blank"); blank.textContent = token; blank.setAttribute("aria-label", "blank / 填空");
        parent.appendChild(blank);
      }
      rest = rest.slice(match.index + token.length);
    }
  }

  function appendLink(parent, token, options) {
    const cut = token.indexOf("](");
    const label = token.slice(1, cut), href = safeHref(token.slice(cut + 2, -1));
    if (!href) { parent.appendChild(document.createTextNode(token)); return; }
    const a = el("a");
    a.href = href;
    a.rel = "noopener noreferrer nofollow";
    a.target = "_blank";
    appendInline(a, label, options);
    parent.appendChild(a);
  }

  function appendCitation(parent, token, options) {
    const n = Number(token.slice(1, -1));
    if (!options.citations || !options.citations.has(n)) { parent.appendChild(document.createTextNode(token)); return; }
    const a = el("a", "cite");
    a.href = `#cite-${options.ref}-${n}`;
    a.dataset.n = String(n);
    a.textContent = token;
    parent.appendChild(a);
  }

  function splitRow(line) {
    let body = line.trim();
    if (body.startsWith("|")) body = body.slice(1);
    if (body.endsWith("|") && !body.endsWith("\\|")) body = body.slice(0, -1);
    return body.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, "|").trim());
  }

  const isTableLine = (line) => /^\s*\|.*\|\s*$/.test(line);
  const isSeparator = (line) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
  const LIST_ITEM = /^\s*(?:([-*•+])|(\d{1,3})[.)、])\s+(.*)$/;
  const FENCE = /^\s*```/;

  function renderTable(lines, options) {
    const wrap = el("div", "table-wrap");
    const table = el("table");
    const head = splitRow(lines[0]);
    const thead = el("thead"), headRow = el("tr");
    for (const cell of head) { const th = el("th"); appendInline(th, cell, options); headRow.appendChild(th); }
    thead.appendChild(headRow);
    table.appendChild(thead);
    const tbody = el("tbody");
    for (const line of lines.slice(2)) {
      const tr = el("tr");
      const cells = splitRow(line);
      for (let i = 0; i < Math.max(head.length, cells.length); i += 1) {
        const td = el("td"); appendInline(td, cells[i] || "", options); tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    wrap.appendChild(table);
    return wrap;
  }

  function renderList(items, ordered, options) {
    const list = el(ordered ? "ol" : "ul");
    if (ordered && items[0].number !== 1) list.start = items[0].number;
    for (const item of items) {
      const li = el("li");
      item.lines.forEach((line, i) => {
        if (i) li.appendChild(el("br"));
        appendInline(li, line, options);
      });
      list.appendChild(li);
    }
    return list;
  }

  function renderParagraph(lines, options, tag) {
    const p = el(tag || "p");
    lines.forEach((line, i) => {
      if (i) p.appendChild(el("br"));
      appendInline(p, line, options);
    });
    return p;
  }

  // Markdown text -> a DocumentFragment. options: {citations: Set<number>, ref: string} for [n] links.
  function render(text, options) {
    const opts = { citations: (options && options.citations) || new Set(), ref: (options && options.ref) || "r" };
    const fragment = document.createDocumentFragment();
    const lines = String(text || "").replace(/\r\n?/g, "\n").split("\n");
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (!line.trim()) { i += 1; continue; }
      if (FENCE.test(line)) {
        const body = [];
        i += 1;
        while (i < lines.length && !FENCE.test(lines[i])) { body.push(lines[i]); i += 1; }
        i += 1;
        const pre = el("pre"), code = el("code");
        code.textContent = body.join("\n");
        pre.appendChild(code);
        fragment.appendChild(pre);
        continue;
      }
      if (isTableLine(line) && i + 1 < lines.length && isSeparator(lines[i + 1])) {
        const rows = [line, lines[i + 1]];
        i += 2;
        while (i < lines.length && isTableLine(lines[i])) { rows.push(lines[i]); i += 1; }
        fragment.appendChild(renderTable(rows, opts));
        continue;
      }
      const heading = /^\s*(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        fragment.appendChild(renderParagraph([heading[2]], opts, heading[1].length <= 2 ? "h3" : "h4"));
        i += 1;
        continue;
      }
      if (LIST_ITEM.test(line)) {
        const first = LIST_ITEM.exec(line);
        const ordered = Boolean(first[2]);
        const items = [];
        while (i < lines.length) {
          const m = LIST_ITEM.exec(lines[i]);
          if (m && Boolean(m[2]) === ordered) {
            items.push({ number: ordered ? Number(m[2]) : 0, lines: [m[3]] });
          } else if (items.length && /^\s{2,}\S/.test(lines[i]) && !LIST_ITEM.test(lines[i])) {
            items[items.length - 1].lines.push(lines[i].trim());  // an indented continuation line
          } else {
            break;
          }
          i += 1;
        }
        fragment.appendChild(renderList(items, ordered, opts));
        continue;
      }
      if (/^\s*>\s?/.test(line)) {
        const quoted = [];
        while (i < lines.length && /^\s*>\s?/.test(lines[i])) { quoted.push(lines[i].replace(/^\s*>\s?/, "")); i += 1; }
        fragment.appendChild(renderParagraph(quoted, opts, "blockquote"));
        continue;
      }
      const para = [];
      while (i < lines.length && lines[i].trim() && !FENCE.test(lines[i]) && !LIST_ITEM.test(lines[i])
             && !/^\s*(#{1,6})\s+/.test(lines[i]) && !/^\s*>\s?/.test(lines[i])
             && !(isTableLine(lines[i]) && i + 1 < lines.length && isSeparator(lines[i + 1]))) {
        para.push(lines[i]);
        i += 1;
      }
      if (!para.length) { para.push(line); i += 1; }  // never stall on a line no rule above claimed
      fragment.appendChild(renderParagraph(para, opts));
    }
    return fragment;
  }

  return { render, safeHref };
})();

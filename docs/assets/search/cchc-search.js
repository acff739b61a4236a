/*
 * The header search box over the Pagefind index that hooks/cchc_mkdocs.py writes to
 * pagefind/ (see hooks/cchc/search/records.py for the design). The index holds the words
 * folded (no tone marks, đ -> d), so every query is folded here before it reaches
 * Pagefind: "đơn vị", "don vi" and "Đơn Vị" are one query. Excerpts are rebuilt in
 * correct Vietnamese from the folded words of the result's fragment and its meta value
 * "r", the marks and capitals folding took away (cchc.search.folding.restore_code).
 * The page only carries the search box's input; the filters, the result list, the reset
 * button and the strings below are made here, the first time the box is opened.
 * Everything is loaded from this site; nothing comes from another host.
 */

const PAGE_SIZE = 10;

/** The box's strings (Material's Vietnamese ones for the result counts). */
export const STRINGS = {
  placeholder: "Nhập để bắt đầu tìm kiếm",
  none: "Không tìm thấy tài liệu liên quan",
  one: "1 tài liệu liên quan",
  other: "# tài liệu liên quan",
  loading: "Đang tải chỉ mục tìm kiếm…",
  error: "Không tải được chỉ mục tìm kiếm. Vui lòng tải lại trang.",
  more: "Xem thêm kết quả",
  reset: "Xoá",
  all: "Tất cả",
  unit: "Đơn vị",
  topic: "Chủ đề",
  type: "Loại",
  year: "Năm",
};
const FILTERS = ["unit", "topic", "type", "year"];
const CLOSE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M19 6.41 17.59 5 12 ' +
  '10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';

/** Lower case, no tone marks, đ -> d: the same as cchc.text.fold in Python. */
export function fold(text) {
  return String(text)
    .replace(/đ/g, "d").replace(/Đ/g, "D")
    .normalize("NFD").replace(/\p{M}/gu, "")
    .normalize("NFC").toLowerCase();
}

/** Undo the index form (d + U+0335 -> đ) in text Pagefind gives back (excerpts). */
export function displayForm(text) {
  return String(text).replace(/d\u0335/g, "đ").replace(/D\u0335/g, "Đ");
}

// The restore code (as cchc.search.folding.restore_code): per word "~"-ended, empty (as the last
// time this folded word came), "|" (the folded word), or [^|`] (position, class)* or
// "{" and code points in five position symbols each.
const CODE = "!#$%&'()*+,-./:;<=>?@[]^`{|}~";
const POS = [...CODE].filter((c) => !"~^`{|".includes(c)).join("");
const MODS = ["", "\u0302", "\u0306", "\u031b"];
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

function restoreWord(folded, code) {
  if (code.startsWith("{")) {
    const digits = [...code.slice(1)].map((c) => POS.indexOf(c));
    let word = "";
    for (let i = 0; i + 4 < digits.length; i += 5) {
      let cp = 0;
      for (let k = 0; k < 5; k += 1) cp = cp * POS.length + digits[i + k];
      word += String.fromCodePoint(cp);
    }
    return word;
  }
  const casing = code[0] === "^" || code[0] === "`" ? code[0] : "";
  const letters = Array.from(folded);
  const body = code.slice(casing.length);
  for (let i = 0; i + 1 < body.length; i += 2) {
    const at = POS.indexOf(body[i]);
    const cls = CODE.indexOf(body[i + 1]) + 1;
    const mod = Math.floor(cls / TONES.length);
    const tone = TONES[cls % TONES.length];
    letters[at] = mod === 4 ? `đ${tone}` : (letters[at] + MODS[mod] + tone).normalize("NFC");
  }
  const word = letters.join("");
  if (casing === "^") {
    const [first = "", ...rest] = Array.from(word);
    return first.toUpperCase() + rest.join("");
  }
  return casing === "`" ? word.toUpperCase() : word;
}

/** The original words of a page from its folded words (Pagefind's content) and restore code. */
export function restoreWords(content, code) {
  const codes = String(code || "").split("~");
  const last = new Map();
  return String(content).split(" ").map((base, i) => {
    let wordCode = codes[i] || "";
    if (!wordCode) wordCode = last.get(base) || "";
    else if (wordCode === "|") wordCode = "";
    last.set(base, wordCode);
    return restoreWord(base, wordCode);
  });
}

/**
 * An excerpt of `words` (the page's original words) as safe HTML: the window of
 * `length` words that holds the most of the matched word positions, which are marked.
 */
export function excerptFrom(words, locations, length = 30) {
  const locs = [...new Set(locations)].sort((a, b) => a - b);
  let best = 0;
  let bestCount = -1;
  for (const loc of locs.length ? locs : [0]) {
    const start = Math.max(0, Math.min(loc - 4, words.length - length));
    let count = 0;
    for (const l of locs) if (l >= start && l < start + length) count += 1;
    if (count > bestCount) {
      best = start;
      bestCount = count;
    }
  }
  const marked = new Set(locs);
  const end = Math.min(words.length, best + length);
  const parts = [];
  for (let i = best; i < end; i += 1) {
    parts.push(marked.has(i) ? `<mark>${escapeHtml(words[i])}</mark>` : escapeHtml(words[i]));
  }
  return (best > 0 ? "… " : "") + parts.join(" ") + (end < words.length ? " …" : "");
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
  })[c]);
}

/** An excerpt as safe HTML: only Pagefind's <mark> tags are kept. */
export function excerptHtml(excerpt) {
  return displayForm(excerpt)
    .split(/(<\/?mark>)/)
    .map((part) => (part === "<mark>" || part === "</mark>" ? part : escapeHtml(
      part.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'").replace(/&amp;/g, "&"))))
    .join("");
}

const root = new URL("../../", import.meta.url);
let pagefind = null;

async function loadPagefind() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async (pf) => {
      // pageLength 0.3 (default 0.75): a long procedure guide whose title matches
      // still ranks above a short news item that mentions it.
      await pf.options({ baseUrl: root.pathname, ranking: { pageLength: 0.3 } });
      return pf;
    });
  }
  return pagefind;
}

function element(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/** The parts of the box the page does not carry: reset button, filter menus, result list. */
function buildBox(box, text) {
  const form = box.querySelector("form");
  if (form && !form.querySelector("button[type=reset]")) {
    const reset = element("button", { type: "reset", class: "md-search__icon md-icon", title: text("reset"),
      "aria-label": text("reset"), tabindex: "-1" });
    reset.innerHTML = CLOSE_ICON;
    form.append(element("nav", { class: "md-search__options", "aria-label": box.getAttribute("aria-label") || "" },
      [reset]));
  }
  const result = box.querySelector(".md-search-result");
  if (!box.querySelector("[data-cchc-search-filters]")) {
    const filters = element("div", { class: "cchc-search__filters", "data-cchc-search-filters": "", hidden: "" },
      FILTERS.map((key) => element("label", { class: "cchc-search__filter" }, [
        element("span", {}, [text(key)]),
        element("select", { name: key, "data-cchc-search-filter": key },
          [element("option", { value: "" }, [text("all")])]),
      ])));
    result.before(filters);
  }
  if (!box.querySelector("[data-cchc-search-list]")) {
    result.append(element("ol", { class: "md-search-result__list", role: "presentation",
      "data-cchc-search-list": "" }));
  }
}

function setup(box) {
  const toggle = document.getElementById("__search");
  const input = box.querySelector("[data-cchc-search-query]");
  const form = box.querySelector("form");
  const meta = box.querySelector("[data-cchc-search-meta]");
  const text = (key) => box.dataset[`text${key[0].toUpperCase()}${key.slice(1)}`] || STRINGS[key] || "";
  let list = null;
  let filterBox = null;
  let selects = [];

  /** Make the rest of the box (once): on first open, or on the first search. */
  const ready = () => {
    if (list) return;
    buildBox(box, text);
    list = box.querySelector("[data-cchc-search-list]");
    filterBox = box.querySelector("[data-cchc-search-filters]");
    selects = [...box.querySelectorAll("[data-cchc-search-filter]")];
    for (const select of selects) select.addEventListener("change", run);
  };
  let results = [];
  let shown = 0;
  let generation = 0;
  let filtersLoaded = false;

  const open = () => {
    ready();
    if (toggle && !toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  };
  const close = () => {
    if (toggle && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  };

  async function loadFilters() {
    ready();
    if (filtersLoaded) return;
    filtersLoaded = true;
    try {
      const pf = await loadPagefind();
      const available = await pf.filters();
      for (const select of selects) {
        const key = select.dataset.cchcSearchFilter;
        const values = Object.keys(available[key] || {});
        values.sort(key === "year" ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b, "vi"));
        for (const value of values) {
          const option = document.createElement("option");
          option.value = value;
          option.textContent = value;
          select.append(option);
        }
        select.closest("label").hidden = values.length === 0;
      }
      filterBox.hidden = false;
    } catch (error) {
      meta.textContent = text("error");
      filtersLoaded = false;
      console.error(error);
    }
  }

  function chosenFilters() {
    const filters = {};
    for (const select of selects) {
      if (select.value) filters[select.dataset.cchcSearchFilter] = select.value;
    }
    return filters;
  }

  function countText(n) {
    if (n === 0) return text("none");
    if (n === 1) return text("one");
    return text("other").replace("#", n.toLocaleString("vi-VN"));
  }

  function renderItem(data) {
    const m = data.meta || {};
    const f = data.filters || {};
    const first = (values) => (values && values.length ? values[0] : "");
    const details = [first(f.type), first(f.unit), m.date, m.code || m.number, m.change]
      .filter(Boolean).map(displayForm);
    // Pagefind's own excerpt (folded words) only if the page's words do not line up
    // with what Pagefind indexed.
    const words = restoreWords(data.content || "", m.r);
    const excerpt = words.length === data.word_count
      ? excerptFrom(words, data.locations || [])
      : excerptHtml(data.excerpt || "");
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    item.innerHTML =
      `<a href="${escapeHtml(data.url)}" class="md-search-result__link" tabindex="-1" data-cchc-search-result>` +
      `<article class="md-search-result__article md-typeset">` +
      `<div class="md-search-result__icon md-icon"></div>` +
      `<h1>${escapeHtml(displayForm(m.title || data.url))}</h1>` +
      `<p class="cchc-search__details">${details.map((d) => `<span>${escapeHtml(d)}</span>`).join("")}</p>` +
      `<p>${excerpt}</p>` +
      `</article></a>`;
    return item;
  }

  async function showMore(ticket) {
    const slice = results.slice(shown, shown + PAGE_SIZE);
    shown += slice.length;
    const data = await Promise.all(slice.map((r) => r.data()));
    if (ticket !== generation) return;
    list.querySelector(".cchc-search__more")?.remove();
    data.forEach((d) => list.append(renderItem(d)));
    if (shown < results.length) {
      const more = document.createElement("li");
      more.className = "cchc-search__more";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = text("more");
      button.addEventListener("click", () => showMore(generation));
      more.append(button);
      list.append(more);
    }
  }

  async function run() {
    ready();
    const ticket = ++generation;
    const query = fold(input.value).trim();
    const filters = chosenFilters();
    const hasFilters = Object.keys(filters).length > 0;
    // data-cchc-search-done tells tests (and styles) which search is on screen.
    const done = () => { box.dataset.cchcSearchDone = `${query}|${JSON.stringify(filters)}`; };
    delete box.dataset.cchcSearchDone;
    if (!query && !hasFilters) {
      results = [];
      list.replaceChildren();
      meta.textContent = text("placeholder");
      done();
      return;
    }
    let pf;
    try {
      if (!pagefind) meta.textContent = text("loading");
      pf = await loadPagefind();
    } catch (error) {
      meta.textContent = text("error");
      console.error(error);
      return;
    }
    const options = { filters };
    if (!query) options.sort = { date: "desc" };
    const response = await pf.debouncedSearch(query || null, options, 150);
    if (response === null || ticket !== generation) return;  // a newer query took over
    results = response.results;
    shown = 0;
    list.replaceChildren();
    meta.textContent = countText(results.length);
    await showMore(ticket);
    if (ticket === generation) done();
  }

  const links = () => (list ? [...list.querySelectorAll("[data-cchc-search-result]")] : []);

  input.addEventListener("focus", () => { open(); loadFilters(); });
  input.addEventListener("input", run);
  form.addEventListener("reset", () => setTimeout(() => { run(); input.focus(); }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    links()[0]?.click();
  });
  toggle?.addEventListener("change", () => {
    if (toggle.checked) ready();
    if (toggle.checked && document.activeElement !== input) setTimeout(() => input.focus(), 100);
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    const target = event.target;
    const typing = target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    const active = toggle ? toggle.checked : box.contains(document.activeElement);
    if (!active) {
      if (!typing && ["/", "s", "f", "S", "F"].includes(event.key)) {
        event.preventDefault();
        open();
        input.focus();
        input.select();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const all = links();
      if (!all.length || (target instanceof HTMLSelectElement)) return;
      event.preventDefault();
      const at = all.indexOf(document.activeElement);
      const next = event.key === "ArrowDown"
        ? Math.min(at + 1, all.length - 1)
        : at - 1;
      if (next < 0) input.focus();
      else all[next].focus();
    }
  });
}

if (typeof document !== "undefined") {
  for (const box of document.querySelectorAll("[data-cchc-search]")) setup(box);
}

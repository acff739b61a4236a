/*
 * The header search box over the Pagefind index that hooks/cchc_mkdocs.py writes to
 * pagefind/ (see hooks/cchc/search/records.py for the design), and `openSearch`, the same
 * search for other pages and portals (documented in README.md, section Search).
 *
 * The index holds the words folded (no tone marks, đ -> d), so every query is folded here
 * before it reaches Pagefind: "đơn vị", "don vi" and "Đơn Vị" are one query. Before that,
 * `planQuery` checks every word against the words the index holds (pagefind/cchc-search.pf_json):
 * Pagefind would silently search a prefix of a word it does not have ("hotline" -> "ho"),
 * so a word the site does not have is never sent; the box says so and suggests close
 * words. Abbreviations and synonyms of content/synonyms.yml are rewritten, one wrong letter
 * or leftover Telex keys ("thur tucj") are corrected where only one word fits. The same
 * file carries the answer cards (units, procedures, plans, from the content model).
 * Excerpts are rebuilt in correct Vietnamese from the folded words of the result's fragment
 * and its meta value "r" (cchc.search.folding.restore_code).
 * The query and filters live in the address (?q=...&unit=...), so Back and shared links
 * restore a search. Everything is loaded from this site; nothing comes from another host.
 */

const PAGE_SIZE = 10;
const DEBOUNCE = 150; // ms: a query is searched once no key came for this long (Pagefind's own default)

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
  status: "Tình trạng",
  filter: "Lọc",
  notFound: "Không tìm thấy «#»",
  didYouMean: "Có phải bạn muốn tìm:",
  rest: "Tìm với các từ còn lại:",
  corrected: "Đã tìm «#»",
  skipped: "Bỏ qua «#» (không có trên trang nào)",
  partial: "Ít trang có đủ mọi từ: thêm các trang thiếu một từ.",
  sections: "Xem danh mục:",
  abolished: "Đã bãi bỏ",
  cardUnit: "Đơn vị",
  cardProcedure: "Thủ tục hành chính",
  cardPlan: "Kế hoạch",
  hotline: "Đường dây nóng",
  email: "Thư điện tử",
  address: "Địa chỉ",
  column: "Chuyên mục của đơn vị",
  code: "Mã thủ tục",
  time: "Thời hạn giải quyết",
  fees: "Phí, lệ phí",
  portal: "Nộp hồ sơ trên Cổng dịch vụ công",
  guide: "Xem hướng dẫn",
  number: "Số",
  openPlan: "Xem kế hoạch",
};
const FILTERS = ["type", "status", "unit", "topic", "year"];
const SECTIONS = [["thu-tuc/", "Thủ tục hành chính"], ["don-vi/", "Đơn vị"], ["ke-hoach/", "Kế hoạch"],
  ["tin-tuc/", "Tin tức"]];
const CLOSE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M19 6.41 17.59 5 12 ' +
  '10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';

/** Lower case, no tone marks, đ -> d: the same as cchc.text.fold in Python. */
export function fold(text) {
  return String(text)
    .replace(/đ/g, "d").replace(/Đ/g, "D")
    .normalize("NFD").replace(/\p{M}/gu, "")
    .normalize("NFC").toLowerCase();
}

/** The term Pagefind indexes for a word: folded, letters and digits only (cchc.search.synonyms.term). */
export function term(word) {
  return fold(word).replace(/[^\p{L}\p{N}]+/gu, "");
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

// -- the words the index holds, the synonyms and the answer cards -----------------------------

/** The words of one or more sites' indexes (pagefind/cchc-search.pf_json), their synonyms and cards. */
export class Lexicon {
  constructor() {
    this.words = new Map(); // term -> [spelling, bucket (records holding it: 2**bucket or more)]
    this.sorted = [];
    this.same = new Map(); // member terms ("gddt", "bang tot nghiep") -> the words to search instead
    this.also = new Map(); // member terms -> the words it also finds
    this.maxPhrase = 1;
    this.cards = { units: [], procedures: [], plans: [] };
    this.parents = new Map(); // unit short name (also former ones) -> its parent's short name
    this.complete = true; // false once an index without a word list is merged: words are then sent as typed
  }

  /** Add one site's data; its card links are made relative to `base` (that site's root). */
  add(data, base) {
    if (!data || data.v !== 1) {
      this.complete = false;
      return this;
    }
    (data.words || []).forEach((spellings, bucket) => {
      for (const spelling of spellings.split(" ")) {
        const t = term(spelling);
        const known = this.words.get(t);
        if (t && (!known || known[1] < bucket)) this.words.set(t, [spelling, bucket]);
      }
    });
    this.sorted = [...this.words.keys()].sort();
    for (const [kind, map] of [["same", this.same], ["also", this.also]]) {
      for (const [member, target] of (data.syn || {})[kind] || []) {
        map.set(member, target);
        this.maxPhrase = Math.max(this.maxPhrase, member.split(" ").length);
      }
    }
    const link = (url) => {
      const full = new URL(url, base);
      const here = typeof location === "undefined" ? "" : location.origin;
      return full.origin === here ? full.pathname + full.search : full.href;
    };
    for (const key of ["units", "procedures", "plans"]) {
      for (const card of data[key] || []) this.cards[key].push({ ...card, u: link(card.u) });
    }
    for (const unit of data.units || []) {
      for (const name of [unit.s, ...(unit.f || [])]) if (name && unit.p) this.parents.set(name, unit.p);
    }
    return this;
  }

  has(t) {
    return this.words.has(t) || this.same.has(t) || this.also.has(t);
  }

  /** True when some word of the index starts with `t` (Pagefind searches it as a prefix). */
  hasPrefix(t) {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.sorted.length && this.sorted[lo].startsWith(t);
  }

  spelling(t) {
    const known = this.words.get(t);
    return known ? known[0] : t;
  }

  bucket(t) {
    const known = this.words.get(t);
    return known ? known[1] : (this.same.has(t) || this.also.has(t) ? 99 : -1);
  }

  /** Every term the box can correct a word to: the index's words and one-word synonyms. */
  *candidates() {
    yield* this.words.keys();
    for (const map of [this.same, this.also]) for (const member of map.keys()) if (!member.includes(" ")) yield member;
  }
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
// Words of a question rather than of what is asked ("tôi muốn xin ... ở đâu"): when the
// index does not have one, it is left out (and the box says so) instead of stopping the search.
const FILLER = new Set(("toi em minh chung muon xin cho hoi can lam the nao o dau gi duoc khong a ah nhe " +
  "giup voi bao lau nhieu sao vay nhu ra di phai de").split(" "));

function edits1(t) {
  const out = new Set();
  for (let i = 0; i <= t.length; i += 1) {
    const head = t.slice(0, i);
    const tail = t.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(t);
  return out;
}

/** What a word typed with Telex (or VNI) keys left in ("thur", "tucj", "dduwowngf") may have meant. */
function telexCandidates(t) {
  const base = t.replace(/dd/g, "d").replace(/([aeo])\1/g, "$1").replace(/([aeiouy])w/g, "$1").replace(/w/g, "u");
  const out = new Set([base]);
  if (/[sfrxjz]$/.test(base) && base.length > 1) out.add(base.slice(0, -1));
  for (let i = 1; i < base.length - 1; i += 1) {
    if (/[sfrxj]/.test(base[i]) && /[aeiouy]/.test(base[i - 1])) out.add(base.slice(0, i) + base.slice(i + 1));
  }
  if (/\p{L}[1-9]|[1-9]\p{L}/u.test(t)) out.add(t.replace(/[1-9]/g, "")); // VNI: "thu3 tu5c"
  out.delete(t);
  return [...out];
}

const TONE_KEYS = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323" };
const VOWEL = /[aăâeêioôơuưy]/;

/** A word typed in Telex as it should have come out ("tuyeenr" -> "tuyển"), for messages. */
export function fromTelex(typed) {
  let word = String(typed).toLowerCase();
  let tone = "";
  const key = word.match(/[aeiouyw][^aeiouyw]*?([sfrxj])([cmnpthg]*)$/);
  if (key) {
    tone = TONE_KEYS[key[1]];
    const at = word.length - key[2].length - 1;
    word = word.slice(0, at) + word.slice(at + 1);
  }
  word = word.replace(/dd/g, "đ").replace(/uow/g, "ươ").replace(/aa/g, "â").replace(/aw/g, "ă")
    .replace(/ee/g, "ê").replace(/oo/g, "ô").replace(/ow/g, "ơ").replace(/uw/g, "ư").replace(/w/g, "ư");
  if (!tone) return word;
  const letters = [...word];
  let start = /^(qu|gi)[aăâeêioôơuưy]/.test(word) ? 2 : 0;
  while (start < letters.length && !VOWEL.test(letters[start])) start += 1;
  let end = start;
  while (end < letters.length && VOWEL.test(letters[end])) end += 1;
  if (start >= end) return word;
  let at = -1;
  for (let i = start; i < end; i += 1) if ("ăâêôơư".includes(letters[i])) at = i;
  if (at < 0) at = end < letters.length || end - start === 1 ? end - 1 : end - 2;
  letters[at] = (letters[at] + tone).normalize("NFC");
  return letters.join("");
}

function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The one word `t` most likely meant, or "": leftover Telex keys first, then one wrong,
 * missing, extra or swapped letter. A word of three letters is corrected only when one
 * word fits, a shorter one never (too many words are one letter away: results would flood).
 */
export function correct(t, lexicon, { letters = true } = {}) {
  const best = (list) => list.filter((c) => lexicon.has(c))
    .sort((a, b) => lexicon.bucket(b) - lexicon.bucket(a) || a.localeCompare(b))[0] || "";
  const telex = best(telexCandidates(t));
  if (telex || !letters) return telex;
  if (t.length < 3 || /^\d+$/.test(t)) return "";
  const fits = [...edits1(t)].filter((c) => lexicon.has(c));
  if (t.length === 3 && fits.length !== 1) return "";
  return best(fits);
}

/** Two words typed without the space between them ("thutuc", "dangky"), or null. */
export function split(t, lexicon) {
  let best = null;
  for (let i = 2; i <= t.length - 2; i += 1) {
    const [a, b] = [t.slice(0, i), t.slice(i)];
    if (!lexicon.words.has(a) || !lexicon.words.has(b)) continue;
    const weight = Math.min(lexicon.bucket(a), lexicon.bucket(b));
    if (!best || weight > best[2]) best = [a, b, weight];
  }
  return best ? best.slice(0, 2) : null;
}

/** Up to `n` words of the index close to `t`, as readers write them (for "did you mean"). */
export function suggest(t, lexicon, n = 3) {
  const limit = t.length <= 4 ? 1 : 2;
  const found = [];
  for (const c of lexicon.candidates()) {
    const d = distance(t, c, limit);
    if (d <= limit || (t.length >= 3 && c.startsWith(t.slice(0, -1)) && c.length <= t.length + 1)) {
      found.push([d, -lexicon.bucket(c), c]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
  return [...new Set(found.slice(0, n).map(([, , c]) => lexicon.spelling(c)))];
}

/**
 * How a query is searched: the words the index has, synonyms rewritten, corrections, and
 * the words it does not have (never sent: Pagefind would search a prefix of them instead).
 * `queries` are folded, ready for pagefind.search(); several when a one-way synonym adds
 * another wording. The result depends only on `text` and the index, never on earlier queries.
 */
export function planQuery(text, lexicon) {
  const tokens = String(text).normalize("NFC").replace(/ð/g, "đ").replace(/Ð/g, "Đ").split(/\s+/).filter(Boolean)
    .map((raw) => ({ raw, folded: fold(raw), t: term(raw) }))
    .filter((token) => token.t);
  const plan = { typed: fold(text).trim(), queries: [], unknown: [], corrections: [], suggestions: {}, skipped: [],
    terms: [], intents: [], tokens: tokens.map((token) => token.t) };
  const main = [];
  const alternative = [];
  const segments = []; // the words of each thing typed (a word, or a phrase of synonyms.yml)
  const add = (words, other) => {
    main.push(...words);
    alternative.push(...other);
    segments.push(words);
  };
  let changed = false;
  let hasAlso = false;
  for (let i = 0; i < tokens.length;) {
    let matched = 0;
    for (let n = Math.min(lexicon.maxPhrase, tokens.length - i); n >= 1 && !matched; n -= 1) {
      const phrase = tokens.slice(i, i + n).map((token) => token.t).join(" ");
      const same = lexicon.same.get(phrase);
      const also = lexicon.also.get(phrase);
      if (same) {
        const words = fold(same).split(/\s+/);
        add(words, words);
        plan.terms.push(...words.map(term));
        matched = n;
      } else if (also) {
        const target = fold(also).split(/\s+/);
        const own = tokens.slice(i, i + n);
        const ownKnown = !lexicon.complete || own.every((token) => lexicon.words.has(token.t));
        add(ownKnown ? own.map((token) => token.folded) : target, target);
        plan.intents.push(...target.map(term));
        hasAlso = hasAlso || ownKnown;
        matched = n;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const token = tokens[i];
    i += 1;
    const parts = token.folded.match(/[\p{L}\p{N}]+/gu) || [];
    const known = !lexicon.complete || lexicon.words.has(token.t) ||
      (parts.length > 1 && parts.every((p) => lexicon.words.has(p))) || lexicon.hasPrefix(token.t);
    if (known) {
      add([token.folded], [token.folded]);
      plan.terms.push(token.t);
      continue;
    }
    if (FILLER.has(token.t)) { // "tôi muốn ...": a word of the question, not of what is asked
      plan.skipped.push(token.raw);
      changed = true;
      continue;
    }
    const telexOnly = correct(token.t, lexicon, { letters: false });
    const halves = !/\d/.test(token.t) && !telexOnly ? split(token.t, lexicon) : null;
    if (halves) {
      const words = halves.map((h) => lexicon.spelling(h));
      plan.corrections.push([token.raw, words.join(" ")]);
      add(halves, halves);
      plan.terms.push(...halves);
      changed = true;
      continue;
    }
    const fixed = correct(token.t, lexicon);
    if (fixed) {
      const telex = fromTelex(token.raw);
      const words = lexicon.same.get(fixed) || lexicon.also.get(fixed) ||
        (term(telex) === fixed ? telex : lexicon.spelling(fixed));
      plan.corrections.push([token.raw, words]);
      add(fold(words).split(/\s+/), fold(words).split(/\s+/));
      plan.terms.push(...fold(words).split(/\s+/).map(term));
      changed = true;
      continue;
    }
    plan.unknown.push(token.raw);
    plan.suggestions[token.raw] = suggest(token.t, lexicon);
    changed = true;
  }
  // A word the index does not have: no page has every word, so nothing is searched (the
  // box offers close words, or the search without it: `rest`).
  plan.rest = plan.unknown.length ? main.join(" ") : "";
  if (main.length && !plan.unknown.length) {
    plan.queries.push(main.join(" "));
    if (hasAlso && alternative.join(" ") !== main.join(" ")) plan.queries.push(alternative.join(" "));
  }
  // Used when few pages have every word ("xin bản sao bằng tốt nghiệp": no page says "xin"):
  // the query without the words of the question, then without each thing typed in turn.
  // First without the words of the question ("xin hỏi ... ở đâu"), if any.
  const core = segments.filter((words) => !(words.length === 1 && FILLER.has(term(words[0]))));
  plan.relaxed = [];
  if (!plan.unknown.length && core.length && core.length < segments.length) plan.relaxed.push(core.flat().join(" "));
  if (!plan.unknown.length && core.length >= 3) {
    plan.relaxed.push(...core.map((_, i) => core.filter((__, j) => j !== i).flat().join(" ")));
  }
  plan.changed = changed || plan.queries.some((q) => q !== plan.typed);
  return plan;
}

// Words that say what kind of answer is wanted, not which one: not needed to name a card.
const GENERIC = new Set(("thu tuc hanh chinh ke hoach don vi tim kiem cua tai o ve cho la lam the nao muon can xin " +
  "hoi huong dan dau gi nop cach").split(" "));

function nameTerms(names, lexicon) {
  const terms = new Set();
  for (const name of names) {
    const words = String(name || "").split(/\s+/).map(term).filter(Boolean);
    words.forEach((t) => terms.add(t));
    for (let i = 0; i < words.length; i += 1) {
      for (let n = 1; n <= lexicon.maxPhrase && i + n <= words.length; n += 1) {
        const same = lexicon.same.get(words.slice(i, i + n).join(" "));
        if (same) fold(same).split(/\s+/).map(term).forEach((t) => terms.add(t));
      }
    }
  }
  return terms;
}

/**
 * The answer cards for a planned query: the procedure with that code, the plan with that
 * number, or the units, procedures and plans the query names (most of its words are in
 * the name). At most three, best first.
 */
export function findCards(plan, lexicon) {
  const found = [];
  const typed = new Set(plan.tokens);
  for (const card of lexicon.cards.procedures) {
    const code = term(card.c || "");
    if (code && (typed.has(code) || typed.has(code.slice(1)))) found.push([3, 1, "procedure", card]);
  }
  for (const card of lexicon.cards.plans) {
    const number = term(card.no || "");
    const first = (fold(card.no || "").match(/[\p{L}\p{N}]+/u) || [""])[0];
    if (number && (typed.has(number) || (/^\d+$/.test(first) && typed.has(first) && plan.tokens.length <= 3))) {
      found.push([3, 1, "plan", card]);
    }
  }
  if (!found.length) {
    const intents = new Set([...plan.intents, ...plan.terms.filter((t) => CONTACT_WORDS.includes(t))]);
    const wanted = [...new Set(plan.terms)].filter((t) => !GENERIC.has(t) && !intents.has(t));
    if (wanted.length) {
      const entries = [
        ...lexicon.cards.units.map((card) => ["unit", card, [card.n, card.s, ...(card.f || [])]]),
        ...lexicon.cards.procedures.map((card) => ["procedure", card, [card.n]]),
        ...lexicon.cards.plans.map((card) => ["plan", card, [card.n]]),
      ];
      for (const [kind, card, names] of entries) {
        card._terms = card._terms || nameTerms(names, lexicon);
        const hits = wanted.filter((t) => card._terms.has(t)).length;
        const coverage = hits / wanted.length;
        if (hits >= Math.min(2, wanted.length) && hits >= 1 && coverage >= 0.75 &&
          (wanted.length > 1 || card._terms.size <= 3)) {
          const first = term(String(names[0]).split(/\s+/)[0] || "");
          found.push([coverage, (first === wanted[0] ? 2 : 0) + (kind === "unit" && intents.size && card.h ? 1 : 0) -
            (card.st === STRINGS.abolished || card.x ? 1 : 0) + hits / card._terms.size, kind, card]);
        }
      }
    }
  }
  found.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  const best = found.length ? found[0][0] : 0;
  return found.filter((f) => f[0] === best).slice(0, 3).map(([, , kind, card]) => ({ kind, ...card }));
}

// What a page is, for ranking: its kind from the "type" filter (the labels of records.py).
const KINDS = { "Đơn vị": "unit", "Thủ tục hành chính": "procedure", "Kế hoạch": "plan", "Trang": "page",
  "Tin, bài": "news" };
const KIND_RANK = { unit: 0, procedure: 0, plan: 0, page: 1, news: 2 };
const STATUS_WORDS = ["bai", "bo"]; // of "Đã bãi bỏ"
const RELAX_BELOW = 5; // results with every word: fewer, and those missing one word are added
// A unit's page (and card) is what answers "hotline", "email", "address": its contacts.
const CONTACT_WORDS = "duong day nong dien thoai lien he thu tu email dia chi hotline".split(" ");

/**
 * Ranking by what a page is, over the first results (whose data is loaded anyway): first how
 * many of the query's words are in what the page *is* (title, code or number, type, status;
 * a unit's contacts), abolished procedures counting less; then procedures, plans and units
 * before pages and news, a title that starts with the query, and Pagefind's score.
 */
export function rankKey(result, plan, lexicon) {
  const kind = KINDS[result.type] || "page";
  const own = nameTerms([result.title, result.code, result.number, result.type, result.status], lexicon);
  if (kind === "unit") [...CONTACT_WORDS, "so"].forEach((t) => own.add(t)); // "số điện thoại"
  const wanted = [...new Set([...plan.terms, ...plan.intents])];
  const last = plan.terms[plan.terms.length - 1] || "";
  const typing = /\p{L}$/u.test(last); // the last word may be half typed: its start counts
  const hits = wanted.filter((t) => own.has(t) || (typing && t === last && [...own].some((o) => o.startsWith(t))))
    .length;
  // Abolished below active, unless the query asks for abolished ones ("thủ tục bãi bỏ"):
  // as if it matched a third fewer words, so an abolished procedure named exactly by the
  // query still comes before active ones that match only half of it.
  const asked = STATUS_WORDS.every((t) => plan.terms.includes(t));
  const abolished = result.status === STRINGS.abolished && !asked;
  const coverage = (wanted.length ? hits / wanted.length : 0) - (abolished ? 0.3 : 0);
  const titleTerms = String(result.title).split(/\s+/).map(term).filter(Boolean);
  return [-Math.round(coverage * 100), KIND_RANK[kind], titleTerms[0] && titleTerms[0] === wanted[0] ? 0 : 1];
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

// -- the search, for this box and for other pages and portals ---------------------------------

const root = new URL("../../", import.meta.url);

function siteRoot(bundle) {
  const base = new URL("../", bundle);
  return base.origin === location.origin ? base.pathname : base.href;
}

async function loadExtras(bundle) {
  try {
    const response = await fetch(new URL("cchc-search.pf_json", bundle));
    if (!response.ok) return null;
    let bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {  // not inflated by the server already
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    console.warn("cchc search: no word list at", bundle, error);
    return null;
  }
}

/** A result as readers see it: Vietnamese title, excerpt (safe HTML), type, unit, status. */
export function readResult(data) {
  const m = data.meta || {};
  const f = data.filters || {};
  const first = (values) => (values && values.length ? values[0] : "");
  const words = restoreWords(data.content || "", m.r);
  const shown = m.n ? Number(m.n) : words.length;
  const excerpt = words.length === data.word_count
    ? excerptFrom(words.slice(0, shown), (data.locations || []).filter((l) => l < shown))
    : excerptHtml(data.excerpt || "");
  const meta = {};
  for (const [key, value] of Object.entries(m)) if (key !== "r" && key !== "n") meta[key] = displayForm(value);
  return {
    url: data.url, title: meta.title || data.url, excerpt, meta, filters: f,
    type: first(f.type), unit: first(f.unit), status: first(f.status), date: meta.date || "",
    code: meta.code || "", number: meta.number || "", change: meta.change || "",
  };
}

/**
 * The search of one site, or of several merged (Pagefind's multisite search):
 *
 *     const search = await openSearch({ bundles: ["/pagefind/", "https://other.example/pagefind/"] });
 *     const { results, plan, cards } = await search.search("thu tuc cap ban sao", { filters: {} });
 *     const first = await results[0].data();   // { url, title, excerpt, type, unit, status, ... }
 *
 * Queries are folded and planned as in the box (`planQuery`), titles and excerpts come back
 * in correct Vietnamese (`readResult`). The first bundle is the primary index; the others are
 * merged into it with `mergeIndex`. Each bundle's folder holds its pagefind.js.
 */
export async function openSearch({ bundles } = {}) {
  const list = (bundles && bundles.length ? bundles : [new URL("pagefind/", root).href])
    .map((b) => new URL(String(b).replace(/\/?$/, "/"), location.href).href);
  const [pf, extras] = await Promise.all([
    import(new URL("pagefind.js", list[0]).href),
    Promise.all(list.map(loadExtras)),
  ]);
  // pageLength 0.3 (default 0.75): a long procedure guide whose title matches still ranks
  // above a short news item that mentions it.
  await pf.options({ baseUrl: siteRoot(list[0]), ranking: { pageLength: 0.3 } });
  for (const bundle of list.slice(1)) await pf.mergeIndex(bundle, { baseUrl: siteRoot(bundle) });
  const lexicon = new Lexicon();
  extras.forEach((data, i) => lexicon.add(data, new URL("../", list[i]).href));
  return new Search(pf, lexicon);
}

export class Search {
  constructor(pagefind, lexicon) {
    this.pagefind = pagefind;
    this.lexicon = lexicon;
    this.loadedFilters = null;
  }

  plan(text) {
    return planQuery(text, this.lexicon);
  }

  /** Filter values with the number of pages of each, over the whole index. */
  async filters() {
    this.loadedFilters = this.loadedFilters || this.pagefind.filters();
    return this.loadedFilters;
  }

  /**
   * Results for `text` (any spelling: with or without marks) and `filters`
   * ({unit: "Sở GDĐT Hải Phòng"}), best first, with the answer cards and the plan. The first
   * `rank` results are loaded and ordered by what each page is (`rankKey`), unless `stale()`
   * says by then that the answer is no longer wanted (a newer query was typed).
   */
  async search(text, { filters = {}, sort, rank = PAGE_SIZE, stale = () => false } = {}) {
    const plan = this.plan(text);
    const cards = plan.queries.length ? findCards(plan, this.lexicon) : [];
    let queries = plan.queries;
    if (!plan.typed) queries = Object.keys(filters).length ? [null] : [];
    if (!queries.length) return { plan, cards, results: [], partial: 0, filters: {}, totalFilters: {} };
    await this.filters(); // Pagefind counts a search's filter values only once they are loaded
    const responses = await Promise.all(queries.map((q) => this.pagefind.search(q, {
      filters, sort: sort || (q ? undefined : { date: "desc" }),
    })));
    const byId = new Map();
    for (const response of responses) {
      for (const result of response.results) {
        const known = byId.get(result.id);
        if (!known || known.score < result.score) byId.set(result.id, result);
      }
    }
    // Few pages have every word: add those that miss one (after them, at half their score).
    let partial = 0;
    if (queries[0] !== null && byId.size < RELAX_BELOW && plan.relaxed.length) {
      const more = await Promise.all(plan.relaxed.map((q) => this.pagefind.search(q, { filters })));
      const extra = new Map();
      for (const result of more.flatMap((r) => r.results)) {
        if (byId.has(result.id)) continue;
        const known = extra.get(result.id);
        if (!known || known.score < result.score * 0.5) extra.set(result.id, { ...result, score: result.score * 0.5 });
      }
      partial = extra.size;
      for (const [id, result] of extra) byId.set(id, result);
    }
    const counts = (key) => {
      const out = {};
      for (const response of responses) {
        for (const [name, values] of Object.entries(response[key] || {})) {
          out[name] = out[name] || {};
          for (const [value, n] of Object.entries(values)) out[name][value] = Math.max(out[name][value] || 0, n);
        }
      }
      return out;
    };
    let results = [...byId.values()].map((r) => {
      let loaded = null;
      return { id: r.id, score: r.score, data: () => (loaded = loaded || r.data().then(readResult)) };
    });
    if (queries[0] !== null && !stale()) {
      results.sort((a, b) => b.score - a.score);
      const top = results.slice(0, rank);
      const keys = new Map();
      await Promise.all(top.map(async (r) => keys.set(r, rankKey(await r.data(), plan, this.lexicon))));
      top.sort((a, b) => compareKeys(keys.get(a), keys.get(b)) || b.score - a.score);
      results = [...top, ...results.slice(rank)];
    }
    return { plan, cards, results, partial, filters: counts("filters"), totalFilters: counts("totalFilters") };
  }
}

// -- the header search box --------------------------------------------------------------------

let opened = null;

/** The search of this site (the box's), opened once. */
function siteSearch() {
  if (!opened) {
    opened = openSearch().catch((error) => {
      opened = null;
      throw error;
    });
  }
  return opened;
}

function element(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/** The parts of the box the page does not carry: reset button, filters, notice, cards, result list. */
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
    const toggle = element("button", { type: "button", class: "cchc-search__filter-toggle",
      "aria-expanded": "false", "data-cchc-search-filter-toggle": "" }, [text("filter")]);
    const filters = element("div", { class: "cchc-search__filters", "data-cchc-search-filters": "" },
      FILTERS.map((key) => element("label", { class: "cchc-search__filter", hidden: "" }, [
        element("span", {}, [text(key)]),
        element("select", { name: key, "data-cchc-search-filter": key },
          [element("option", { value: "" }, [text("all")])]),
      ])));
    result.before(element("div", { class: "cchc-search__filterbar", "data-cchc-search-filterbar": "", hidden: "" },
      [toggle, filters]));
  }
  if (!box.querySelector("[data-cchc-search-list]")) {
    result.append(
      element("div", { class: "cchc-search__notice", "data-cchc-search-notice": "", hidden: "" }),
      element("ol", { class: "cchc-search__cards", "data-cchc-search-cards": "" }),
      element("ol", { class: "md-search-result__list", role: "presentation", "data-cchc-search-list": "" }));
  }
}

function escapeText(value) {
  return escapeHtml(value == null ? "" : value);
}

function cardHtml(card, text) {
  const row = (label, value) => (value ? `<dt>${escapeText(label)}</dt><dd>${value}</dd>` : "");
  const link = (href, label, extra = "") =>
    `<a href="${escapeText(href)}"${extra} data-cchc-search-result>${escapeText(label)}</a>`;
  if (card.kind === "unit") {
    const tel = (card.h || "").replace(/[^\d+]/g, "");
    return `<p class="cchc-search__card-kind">${escapeText(text("cardUnit"))}</p>` +
      `<h2>${link(card.u, card.n)}</h2>` +
      (card.x ? `<p class="cchc-search__badge cchc-search__badge--abolished">${escapeText(card.x)}</p>` : "") +
      `<dl>${row(text("hotline"), card.h ? `<a href="tel:${escapeText(tel)}">${escapeText(card.h)}</a>` : "")}` +
      `${row(text("email"), card.e ? `<a href="mailto:${escapeText(card.e)}">${escapeText(card.e)}</a>` : "")}` +
      `${row(text("address"), escapeText(card.a))}</dl>` +
      `<p>${link(card.u, text("column"), ' class="md-button"')}</p>`;
  }
  if (card.kind === "procedure") {
    const abolished = card.st === text("abolished");
    return `<p class="cchc-search__card-kind">${escapeText(text("cardProcedure"))}</p>` +
      `<h2>${link(card.u, card.n)}</h2>` +
      `<p><span class="cchc-search__badge${abolished ? " cchc-search__badge--abolished" : ""}">` +
      `${escapeText(card.st)}</span></p>` +
      `<dl>${row(text("code"), escapeText(card.c))}${row(text("time"), escapeText(card.t))}` +
      `${row(text("fees"), escapeText(card.fe))}${row(text("cardUnit"), escapeText(card.un))}</dl>` +
      `<p>${escapeText(card.o)}</p>` +
      `<p>${link(card.u, text("guide"), ' class="md-button"')}` +
      `${/^https?:\/\//.test(card.l || "") && !abolished ?
        ` <a class="md-button md-button--primary" href="${escapeText(card.l)}" rel="noopener">` +
        `${escapeText(text("portal"))}</a>` : ""}</p>`;
  }
  return `<p class="cchc-search__card-kind">${escapeText(text("cardPlan"))}</p>` +
    `<h2>${link(card.u, card.n)}</h2>` +
    `<dl>${row(text("number"), escapeText(card.no))}${row(text("cardUnit"), escapeText(card.un))}</dl>` +
    `<p>${escapeText(card.d)}</p><p>${link(card.u, text("openPlan"), ' class="md-button"')}</p>`;
}

/**
 * What the page leaves to this script (base.html's header carries the dialog, named, and
 * nothing in it): Material's form with the input (named like the dialog), the overlay that
 * closes the box, the input's typing hints, and the result area with its "type to search"
 * line. On a phone all of it is hidden until the box opens; on a wide screen cchc.css
 * keeps the input's place in the header, so adding them moves nothing.
 */
function buildShell(box, text) {
  const name = box.getAttribute("aria-label") || "";
  if (!box.querySelector(".md-search__inner")) {
    const input = element("input", { type: "text", class: "md-search__input", name: "query", "aria-label": name,
      placeholder: name, "data-cchc-search-query": "" });
    box.append(element("div", { class: "md-search__inner", role: "search" }, [
      element("form", { class: "md-search__form", name: "search" }, [
        input, element("label", { class: "md-search__icon md-icon", for: "__search" }),
      ]),
    ]));
  }
  const input = box.querySelector("[data-cchc-search-query]");
  for (const [key, value] of Object.entries({ autocapitalize: "off", autocorrect: "off", autocomplete: "off",
    spellcheck: "false", enterkeyhint: "search" })) {
    if (input && !input.hasAttribute(key)) input.setAttribute(key, value);
  }
  if (!box.querySelector(".md-search__overlay")) {
    box.prepend(element("label", { class: "md-search__overlay", for: "__search" }));
  }
  if (!box.querySelector(".md-search__output")) {
    box.querySelector(".md-search__inner").append(element("div", { class: "md-search__output" }, [
      element("div", { class: "md-search__scrollwrap", tabindex: "0", "data-md-scrollfix": "" }, [
        element("div", { class: "md-search-result", "aria-live": "polite" }, [
          element("div", { class: "md-search-result__meta", "data-cchc-search-meta": "" }, [text("placeholder")]),
        ]),
      ]),
    ]));
  }
}

function setup(box) {
  const toggle = document.getElementById("__search");
  const text = (key) => box.dataset[`text${key[0].toUpperCase()}${key.slice(1)}`] || STRINGS[key] || "";
  buildShell(box, text);
  const input = box.querySelector("[data-cchc-search-query]");
  const form = box.querySelector("form");
  const meta = box.querySelector("[data-cchc-search-meta]");
  let list = null;
  let cardList = null;
  let notice = null;
  let filterBar = null;
  let filterToggle = null;
  let selects = [];
  let allFilters = null;
  const pending = {}; // filter values from the address, set once their menu has them

  /** Make the rest of the box (once): on first open, or on the first search. */
  const ready = () => {
    if (list) return;
    buildBox(box, text);
    list = box.querySelector("[data-cchc-search-list]");
    cardList = box.querySelector("[data-cchc-search-cards]");
    notice = box.querySelector("[data-cchc-search-notice]");
    filterBar = box.querySelector("[data-cchc-search-filterbar]");
    filterToggle = box.querySelector("[data-cchc-search-filter-toggle]");
    selects = [...box.querySelectorAll("[data-cchc-search-filter]")];
    for (const select of selects) select.addEventListener("change", run);
    filterToggle.addEventListener("click", () => {
      const open = !filterBar.hasAttribute("data-open");
      filterBar.toggleAttribute("data-open", open);
      filterToggle.setAttribute("aria-expanded", String(open));
    });
  };
  let results = [];
  let shown = 0;
  let generation = 0;

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

  function chosenFilters() {
    const filters = {};
    for (const select of selects) {
      const key = select.dataset.cchcSearchFilter;
      const value = select.value || pending[key];
      if (value) filters[key] = value;
    }
    return filters;
  }

  /** The menus list the values present in the current results, with their counts; units by parent. */
  function showFilters(counts, totals, search) {
    const chosen = chosenFilters();
    let any = false;
    for (const select of selects) {
      const key = select.dataset.cchcSearchFilter;
      const values = { ...((chosen[key] ? totals : counts)[key] || {}) };
      for (const value of Object.keys(values)) if (!values[value]) delete values[value];
      if (chosen[key] && !(chosen[key] in values)) values[chosen[key]] = 0;
      const names = Object.keys(values);
      names.sort(key === "year" ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b, "vi"));
      const option = (value) => {
        const node = element("option", { value }, [values[value] ? `${value} (${values[value]})` : value]);
        node.selected = value === chosen[key];
        return node;
      };
      const children = [element("option", { value: "" }, [text("all")])];
      if (key === "unit" && search) {
        const groups = new Map();
        for (const value of names) {
          const parent = search.lexicon.parents.get(value) || "";
          if (!groups.has(parent)) groups.set(parent, []);
          groups.get(parent).push(value);
        }
        for (const value of groups.get("") || []) children.push(option(value));
        for (const [parent, members] of [...groups].filter(([p]) => p).sort((a, b) => a[0].localeCompare(b[0], "vi"))) {
          children.push(element("optgroup", { label: parent }, members.map(option)));
        }
      } else {
        children.push(...names.map(option));
      }
      select.replaceChildren(...children);
      if (chosen[key]) select.value = chosen[key];
      if (select.value) delete pending[key];
      const label = select.closest("label");
      label.hidden = names.length === 0 || (names.length === 1 && !chosen[key] && key !== "unit");
      any = any || !label.hidden;
    }
    const active = Object.keys(chosen).length;
    filterToggle.textContent = active ? `${text("filter")} (${active})` : text("filter");
    filterBar.hidden = !any;
  }

  function countText(n) {
    if (n === 0) return text("none");
    if (n === 1) return text("one");
    return text("other").replace("#", n.toLocaleString("vi-VN"));
  }

  function renderItem(r) {
    const abolished = r.status === text("abolished");
    const details = [r.unit, r.date, r.code || r.number, abolished ? "" : r.change].filter(Boolean);
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    item.innerHTML =
      `<a href="${escapeHtml(r.url)}" class="md-search-result__link" tabindex="-1" data-cchc-search-result>` +
      `<article class="md-search-result__article md-typeset">` +
      `<div class="md-search-result__icon md-icon"></div>` +
      `<h1>${escapeHtml(r.title)}</h1>` +
      `<p class="cchc-search__details"><span>${escapeHtml(r.type)}</span>` +
      (abolished ? `<span class="cchc-search__badge cchc-search__badge--abolished">${escapeHtml(r.status)}</span>` : "") +
      `${details.map((d) => `<span>${escapeHtml(d)}</span>`).join("")}</p>` +
      `<p>${r.excerpt}</p>` +
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

  /** "Không tìm thấy «...»", close words to try, or what was searched instead. */
  function showNotice(plan, partial) {
    notice.replaceChildren();
    if (partial) notice.append(element("p", { class: "cchc-search__partial" }, [text("partial")]));
    if (plan.unknown.length) {
      notice.append(element("p", { class: "cchc-search__missing" },
        [text("notFound").replace("#", plan.unknown.join("», «"))]));
      const words = [...new Set(plan.unknown.flatMap((w) => plan.suggestions[w] || []))];
      if (words.length) {
        notice.append(element("p", {}, [text("didYouMean"), " ", ...words.map((word) => {
          const button = element("button", { type: "button", class: "cchc-search__suggestion",
            "data-cchc-search-suggestion": "" }, [word]);
          button.addEventListener("click", () => {
            const missing = plan.unknown.find((w) => (plan.suggestions[w] || []).includes(word));
            input.value = input.value.split(/\s+/).map((w) => (w === missing ? word : w)).join(" ");
            run();
          });
          return button;
        })]));
      } else {
        notice.append(element("p", {}, [text("sections"), " ", ...SECTIONS.map(([path, label]) =>
          element("a", { href: new URL(path, root).pathname, class: "cchc-search__section" }, [label]))]));
      }
      const rest = input.value.split(/\s+/).filter((w) => w && !plan.unknown.includes(w)).join(" ");
      if (plan.rest && rest) {
        const button = element("button", { type: "button", class: "cchc-search__suggestion",
          "data-cchc-search-rest": "" }, [`«${rest}»`]);
        button.addEventListener("click", () => { input.value = rest; run(); });
        notice.append(element("p", {}, [text("rest"), " ", button]));
      }
    }
    if (plan.skipped.length) {
      notice.append(element("p", { class: "cchc-search__skipped" },
        [text("skipped").replace("#", plan.skipped.join("», «"))]));
    }
    if (plan.corrections.length) {
      notice.append(element("p", { class: "cchc-search__corrected" },
        [text("corrected").replace("#", plan.corrections.map(([, to]) => to).join(" "))]));
    }
    notice.hidden = !notice.childNodes.length;
  }

  /** The query and filters in the address: Back and a shared link restore the search. */
  function remember(typed, filters) {
    const url = new URL(location.href);
    for (const key of ["q", ...FILTERS]) url.searchParams.delete(key);
    if (typed.trim()) url.searchParams.set("q", typed.trim());
    for (const [key, value] of Object.entries(filters)) url.searchParams.set(key, value);
    if (url.href !== location.href) history.replaceState(history.state, "", url);
  }

  async function run() {
    ready();
    const ticket = ++generation;
    const typed = input.value;
    const query = fold(typed).trim();
    const filters = chosenFilters();
    const hasFilters = Object.keys(filters).length > 0;
    // data-cchc-search-done tells tests (and styles) which search is on screen.
    const done = () => { box.dataset.cchcSearchDone = `${query}|${JSON.stringify(filters)}`; };
    delete box.dataset.cchcSearchDone;
    remember(typed, filters);
    let search;
    try {
      if (!opened) meta.textContent = text("loading");
      search = await siteSearch();
    } catch (error) {
      meta.textContent = text("error");
      console.error(error);
      return;
    }
    if (ticket !== generation) return;
    if (!query && !hasFilters) {
      results = [];
      list.replaceChildren();
      cardList.replaceChildren();
      notice.hidden = true;
      meta.textContent = text("placeholder");
      if (!allFilters) allFilters = await search.filters();
      if (ticket !== generation) return;
      showFilters(allFilters, allFilters, search);
      done();
      return;
    }
    if (query) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE)); // typing: search the last key only
    if (ticket !== generation) return;
    const response = await search.search(typed, { filters, stale: () => ticket !== generation });
    if (ticket !== generation) return;
    results = response.results;
    shown = 0;
    list.replaceChildren();
    cardList.replaceChildren(...response.cards.map((card) => element("li", {
      class: `cchc-search__card cchc-search__card--${card.kind}`, "data-cchc-search-card": card.kind }, [])));
    response.cards.forEach((card, i) => { cardList.children[i].innerHTML = cardHtml(card, text); });
    showNotice(response.plan, response.partial);
    if (!query) showFilters(response.filters, allFilters || response.totalFilters, search);
    else showFilters(response.filters, response.totalFilters, search);
    meta.textContent = response.plan.unknown.length
      ? text("notFound").replace("#", response.plan.unknown.join("», «"))
      : countText(results.length);
    await showMore(ticket);
    if (ticket === generation) done();
  }

  const links = () => (list ? [...box.querySelectorAll("[data-cchc-search-cards] [data-cchc-search-result], " +
    "[data-cchc-search-list] [data-cchc-search-result]")] : []);

  input.addEventListener("focus", () => { open(); if (!list.childNodes.length && !input.value) run(); });
  input.addEventListener("input", run);
  form.addEventListener("reset", () => setTimeout(() => {
    for (const select of selects) select.value = "";
    run();
    input.focus();
  }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    links()[0]?.click();
  });
  toggle?.addEventListener("change", () => {
    if (toggle.checked) ready();
    if (toggle.checked && document.activeElement !== input) setTimeout(() => input.focus(), 100);
    if (!toggle.checked) remember("", {});
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

  /** A search in the address (a shared link, or Back to this page): show it. */
  const restore = () => {
    const params = new URLSearchParams(location.search);
    const q = params.get("q") || "";
    const any = q || FILTERS.some((key) => params.get(key));
    if (!any) return;
    open();
    input.value = q;
    for (const key of FILTERS) {
      const value = params.get(key);
      if (value) pending[key] = value;
    }
    for (const select of selects) {
      const value = pending[select.dataset.cchcSearchFilter];
      if (value && !select.querySelector(`option[value="${CSS.escape(value)}"]`)) {
        select.append(element("option", { value }, [value]));
      }
      if (value) select.value = value;
    }
    run();
  };
  restore();
  window.addEventListener("pageshow", (event) => { if (event.persisted) restore(); });
}

if (typeof document !== "undefined") {
  for (const box of document.querySelectorAll("[data-cchc-search]")) setup(box);
}

"""The Vietnamese folding codec shared by the search index and the search box.

Words are indexed folded (no tone marks, đ -> d, lower case); ``restore_code`` records
per word what folding took away, so the browser can show excerpts in correct Vietnamese
(see ``records.py`` for the whole design). ``docs/assets/search/cchc-search.js`` holds the
browser half and must agree with ``fold``, ``index_form`` and ``restore_code``.
"""

from __future__ import annotations

import re
import unicodedata

from cchc.text import fold, nfc

__all__ = ["fold", "fast_fold", "folded_words", "index_form", "display_form", "restore_code", "restore",
           "INDEX_STROKE"]

INDEX_STROKE = "\u0335"


def index_form(text: str) -> str:
    """A meta value as indexed: NFC, đ/Đ written as d/D + U+0335, which Pagefind folds to d."""
    return nfc(text).replace("đ", "d" + INDEX_STROKE).replace("Đ", "D" + INDEX_STROKE)


def display_form(text: str) -> str:
    """Undo ``index_form``: the Vietnamese text a reader sees."""
    return text.replace("d" + INDEX_STROKE, "đ").replace("D" + INDEX_STROKE, "Đ")

def _fold_table() -> dict[int, str | int]:
    """``str.translate`` table doing ``fold`` for every precomposed letter (fast path). The
    other characters up to U+1FFF map to themselves: a character missing from the table
    costs ``translate`` a KeyError, and so twice the time of one found."""
    table: dict[int, str | int] = {}
    for cp in range(0x2000):
        ch = chr(cp)
        folded = fold(ch)
        table[cp] = folded if cp >= 0xC0 and folded != ch.lower() else cp
    return table


_FOLD = _fold_table()
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fast_fold(text: str) -> str:
    """``fold(text)``, about ten times faster on NFC text (the model is NFC)."""
    folded = text.translate(_FOLD).lower()
    if _COMBINING.search(folded) or not folded.isascii() and folded != fold(folded):
        return fold(text)
    return folded


def folded_words(words: list[str]) -> str:
    """What Pagefind indexes: each word folded, one for one (an all-mark word becomes "_")."""
    joined = fast_fold(" ".join(words))
    if joined.count(" ") == len(words) - 1 and "  " not in joined and joined == joined.strip(" "):
        return joined
    return " ".join(fold(w) or "_" for w in words)


# -- the restore code: what folding took away, in characters Pagefind does not index ------
#
# Per word, in order: nothing (the word is written as the last time the same folded word
# came on this page; the first time: the folded word itself), "|" (the folded word
# itself), or the changes to its letters; then "~". A change is a position symbol (the
# letter's index, 0-23) and a class
# symbol (which of the 29 mark combinations: a vowel mark or đ, and a tone); "^" before
# the changes means "capital first letter", "`" means "all capitals". A word these cannot
# describe (a letter after the 24th, other marks, mixed case) is "{" and its code points,
# five position symbols each. Trailing "~" are dropped. ASCII punctuation only: Pagefind
# finds no word in it (tests/test_search.py checks), so the meta value is stored in the
# fragment but not searched.

_CODE_ALPHABET = "!#$%&'()*+,-./:;<=>?@[]^`{|}~"  # 29 symbols: the class symbols
_END, _CAP, _UPPER, _RAW, _PLAIN = "~", "^", "`", "{", "|"
_POS = "".join(c for c in _CODE_ALPHABET if c not in (_END, _CAP, _UPPER, _RAW, _PLAIN))  # 24 symbols
_MODS = ("", "\u0302", "\u0306", "\u031b")  # none, circumflex (â ê ô), breve (ă), horn (ơ ư); 4 = đ
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng
_STROKE = 4


def _restore_letter(base: str, cls: int) -> str:
    mod, tone = divmod(cls, len(_TONES))
    if mod == _STROKE:
        return "đ" + _TONES[tone]
    return unicodedata.normalize("NFC", base + _MODS[mod] + _TONES[tone])


def _restore_word(folded: str, code: str) -> str:
    """The original of one folded word from its code (``code`` without the final "~")."""
    if code.startswith(_RAW):
        digits = [_POS.index(c) for c in code[1:]]
        points = [sum(d * len(_POS) ** (4 - k) for k, d in enumerate(digits[i:i + 5]))
                  for i in range(0, len(digits), 5)]
        return "".join(chr(cp) for cp in points)
    case = code[:1] if code[:1] in (_CAP, _UPPER) else ""
    letters = list(folded)
    body = code[len(case):]
    for i in range(0, len(body) - 1, 2):
        at = _POS.index(body[i])
        letters[at] = _restore_letter(letters[at], _CODE_ALPHABET.index(body[i + 1]) + 1)
    word = "".join(letters)
    if case == _CAP:
        return word[:1].upper() + word[1:]
    return word.upper() if case == _UPPER else word


def _raw_code(word: str) -> str:
    n = len(_POS)
    return _RAW + "".join("".join(_POS[cp // n ** (4 - k) % n] for k in range(5)) for cp in map(ord, word))


_CODES: dict[str, tuple[str, str]] = {}  # word -> (its folded form, its code), at most 1 << 16 words


def _word_code(original: str, folded: str) -> str:
    if original == folded:
        return ""
    if len(original) == len(folded):
        changes = []
        for i, (letter, base) in enumerate(zip(original.lower(), folded, strict=False)):
            if letter == base:
                continue
            if i >= len(_POS):
                break
            if letter == "đ":
                cls = _STROKE * len(_TONES)
            else:
                decomposed = unicodedata.normalize("NFD", letter)
                marks = decomposed[1:]
                if decomposed[0] != base or len(marks) > 2:
                    break
                mods = [_MODS.index(m) for m in marks if m in _MODS[1:]]
                tones = [_TONES.index(m) for m in marks if m in _TONES[1:]]
                if len(mods) > 1 or len(tones) > 1 or len(mods) + len(tones) != len(marks):
                    break
                cls = (mods[0] if mods else 0) * len(_TONES) + (tones[0] if tones else 0)
                if not cls:
                    break
            changes.append(_POS[i] + _CODE_ALPHABET[cls - 1])
        else:
            for case in ("", _CAP, _UPPER):
                code = case + "".join(changes)
                if _restore_word(folded, code) == original:
                    return code
    return _raw_code(original)


def restore_code(words: list[str], folded: str | None = None) -> str:
    """The code that turns ``folded_words(words)`` back into ``words`` (see ``restore``)."""
    if not words:
        return ""
    folded_list = (folded if folded is not None else folded_words(words)).split(" ")
    if len(_CODES) > 1 << 16:
        _CODES.clear()
    last: dict[str, str] = {}
    codes: list[str] = []  # per word: its code, or "" when the last one of its folded form holds
    for word, base in zip(words, folded_list, strict=True):
        known = _CODES.get(word)
        if known is None or known[0] != base:
            known = _CODES[word] = (base, _word_code(word, base))
        code = known[1]
        if code == last.get(base, ""):
            codes.append("")
        else:
            codes.append(code or _PLAIN)
            last[base] = code
    return _END.join(codes).rstrip(_END)


def restore(folded: str, code: str) -> list[str]:
    """The original words from the folded ones and their ``restore_code`` (as the browser does)."""
    codes = code.split(_END)
    last: dict[str, str] = {}
    words = []
    for i, base in enumerate(folded.split(" ")):
        word_code = codes[i] if i < len(codes) else ""
        if not word_code:
            word_code = last.get(base, "")
        elif word_code == _PLAIN:
            word_code = ""
        last[base] = word_code
        words.append(_restore_word(base, word_code))
    return words

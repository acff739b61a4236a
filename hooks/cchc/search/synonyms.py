"""The words citizens use: abbreviations and synonyms from ``content/synonyms.yml``.

The file has one list, ``synonyms``; each entry is either

* ``same: [cải cách hành chính, CCHC]``: ways of writing the same thing, the full one
  first. A page with any of them is found by every one of them: at index time a page
  that has "CCHC" also gets the words of "cải cách hành chính" (``aliases``), and the
  search box rewrites "cchc" to "cai cach hanh chinh" before searching.
* ``also: [hotline, số điện thoại]`` with ``find: đường dây nóng``: one way only. A
  query with "hotline" also finds the pages about "đường dây nóng"; a query with
  "đường dây nóng" does not find every page that says "liên hệ".

Matching is on *terms*: a word folded (no tone marks, đ -> d, lower case) with its
punctuation dropped, the way Pagefind indexes it ("GD&ĐT", "GDĐT" and "gd-dt" are the
term "gddt"). ``docs/assets/search/cchc-search.js`` applies the same table to queries
(``to_json``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cchc.content.model import Source, Synonym
from cchc.content.problems import Problems
from cchc.content.source import load_yaml_file
from cchc.text import fold

_TERM_PARTS = re.compile(r"[^\W_]+")

FILE_HELP = "see the README, section Search: « - same: [cải cách hành chính, CCHC] »"


def term(word: str) -> str:
    """The term Pagefind indexes for one word: folded, letters and digits only."""
    return "".join(_TERM_PARTS.findall(fold(word)))


def term_parts(word: str) -> list[str]:
    """Every term Pagefind indexes for one word: the whole term and, for "978/KH-SGDĐT",
    its parts ("978", "kh", "sgddt")."""
    parts = _TERM_PARTS.findall(fold(word))
    whole = "".join(parts)
    return [whole, *parts] if len(parts) > 1 else parts


def phrase_terms(text: str) -> tuple[str, ...]:
    """The terms of a phrase, one per word that has letters or digits."""
    return tuple(t for t in (term(w) for w in text.split()) if t)


def load_synonyms(file: Path, shown: Callable[[Path], str], problems: Problems) -> list[Synonym]:
    """Read and check ``content/synonyms.yml`` (optional: no file, no synonyms).

    Every mistake is reported with the file, the line and the fix, in plain Vietnamese.
    """
    if not file.exists():
        return []
    path = shown(file)
    data = load_yaml_file(file, path, problems)
    if data is None:
        return []
    data.check_known({"synonyms"})
    out: list[Synonym] = []
    seen: dict[tuple[str, ...], tuple[str, int]] = {}  # terms -> (as written, line)

    def error(line: int, fld: str, problem: str, **values: object) -> None:
        problems.report(path, line, fld, problem, **values)

    def check_phrase(text: str, line: int, fld: str) -> tuple[str, ...] | None:
        terms = phrase_terms(text)
        if not terms:
            error(line, fld, "synonym_empty", text=text)
            return None
        return terms

    def check_unique(text: str, terms: tuple[str, ...], line: int, fld: str) -> bool:
        if terms in seen:
            first, first_line = seen[terms]
            error(line, fld, "synonym_twice", text=text, first_line=first_line, first=first)
            return False
        seen[terms] = (text, line)
        return True

    for f in data.mappings("synonyms", required=True, example=FILE_HELP):
        f.check_known({"same", "also", "find"})
        has_same, has_also, has_find = f.has("same"), f.has("also"), f.has("find")
        if has_same and (has_also or has_find):
            error(f.line, f.where, "synonym_same_and_also")
            continue
        if has_same:
            entries = f.text_list("same", example="[cải cách hành chính, CCHC]")
            if len(entries) < 2:
                error(f.line_of("same"), f.name("same"), "synonym_one_word")
                continue
            words = []
            for text, line in entries:
                terms = check_phrase(text, line, f.name("same"))
                if terms and check_unique(text, terms, line, f.name("same")):
                    words.append(text)
            if len(words) >= 2:
                out.append(Synonym(words=tuple(words), source=Source(path, f.line)))
        elif has_also or has_find:
            entries = f.text_list("also", example="[hotline, số điện thoại]")
            target = f.text("find", example="đường dây nóng")
            if not entries:
                error(f.line, f.name("also"), "synonym_no_also")
                continue
            if not target:
                error(f.line, f.name("find"), "synonym_no_find")
                continue
            target_terms = check_phrase(target, f.line_of("find"), f.name("find"))
            if target_terms is None:
                continue
            words = []
            for text, line in entries:
                terms = check_phrase(text, line, f.name("also"))
                if terms == target_terms:
                    error(line, f.name("also"), "synonym_is_find", text=text)
                elif terms and check_unique(text, terms, line, f.name("also")):
                    words.append(text)
            if words:
                out.append(Synonym(words=tuple(words), finds=target, source=Source(path, f.line)))
        else:
            error(f.line, f.where, "synonym_neither")
    return out


@dataclass
class SynonymTable:
    """The synonyms of a site as terms: what the index adds and what the box rewrites."""

    same: list[tuple[tuple[str, ...], str]] = field(default_factory=list)  # (member terms, canonical text)
    also: list[tuple[tuple[str, ...], str]] = field(default_factory=list)  # (member terms, target text)

    @classmethod
    def of(cls, synonyms: list[Synonym]) -> SynonymTable:
        table = cls()
        for syn in synonyms:
            if syn.finds is None:
                canonical = syn.words[0]
                table.same.extend((phrase_terms(w), canonical) for w in syn.words[1:])
            else:
                table.also.extend((phrase_terms(w), syn.finds) for w in syn.words)
        return table

    def aliases(self, words: list[str], folded: list[str] | None = None) -> list[str]:
        """The full forms of the abbreviations and other spellings found in ``words``
        (each once, as written in synonyms.yml), for the index: a page with "CCHC"
        is then found by "cải cách hành chính", and so by "cchc" rewritten by the box.
        ``folded``: the words already folded (faster)."""
        if not self.same or not words:
            return []
        terms = (["".join(_TERM_PARTS.findall(f)) for f in folded] if folded is not None
                 else [term(w) for w in words])
        present = set(terms)
        out: list[str] = []
        for member, canonical in self.same:
            if canonical in out or not present.issuperset(member):
                continue
            n = len(member)
            if any(tuple(terms[i:i + n]) == member for i in range(len(terms) - n + 1)):
                out.append(canonical)
        return out

    def to_json(self) -> dict[str, list[list[str]]]:
        """For the search box: member terms (space-joined) -> the words to search instead."""
        return {"same": [[" ".join(m), c] for m, c in self.same],
                "also": [[" ".join(m), t] for m, t in self.also]}

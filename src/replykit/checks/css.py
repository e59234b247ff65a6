"""Just enough CSS for judging what a reader sees: declarations, `<style>` sheets and selector matching.

E-mail HTML uses a small CSS subset (css-inline has already copied most rules into ``style``
attributes). Selectors supported: type, ``*``, ``#id``, ``.class``, ``[attr]``, ``[attr=v]`` (and
``~= ^= $= *= |=``), descendant and child combinators. Pseudo-classes (``:hover``, ``:not()`` …) are
treated as matching, sibling combinators as descendant: when in doubt a rule is applied, because a
seller would rather see a style override reported than miss one. ``@media print`` is ignored; other
``@media`` blocks apply (some reader's screen matches them). Pseudo-elements are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

# Properties any check looks at; everything else is dropped at parse time.
RELEVANT = frozenset(
    """text-align direction font-size font-family font color line-height display visibility opacity
    margin margin-left margin-right padding padding-left padding-right width max-width min-width height
    max-height overflow background background-image""".split()
)

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_DECL = re.compile(r"([-\w]+)\s*:\s*((?:[^;(]|\([^)]*\))*)")


@lru_cache(maxsize=8192)
def parse_declarations(style: str) -> tuple[tuple[str, str, bool], ...]:
    """``style`` attribute or block body -> ((property, value, important), ...) for relevant properties."""
    if "/*" in style:
        style = _COMMENT.sub(" ", style)
    out = []
    for m in _DECL.finditer(style):
        prop = m.group(1).lower()
        if prop not in RELEVANT:
            continue
        val = m.group(2).strip()
        if not val:
            continue  # "color:;" is an invalid declaration: browsers ignore it
        imp = False
        low = val.lower()
        if low.endswith("!important"):
            imp = True
            val = val[: -len("!important")].rstrip()
        elif "!" in val and re.search(r"!\s*important\s*$", low):
            imp = True
            val = val[: low.rfind("!")].rstrip()
        out.append((prop, val, imp))
    return tuple(out)


# --- selectors -------------------------------------------------------------------------------

Matcher = Callable[[object], bool]


@dataclass(frozen=True, slots=True)
class Compound:
    tag: str | None
    ids: tuple[str, ...]
    classes: tuple[str, ...]
    attrs: tuple[tuple[str, str | None, str | None], ...]  # (name, op, value)

    def key(self) -> tuple[str, str]:
        if self.ids:
            return ("id", self.ids[0])
        if self.classes:
            return ("class", self.classes[0])
        if self.tag:
            return ("tag", self.tag)
        return ("*", "")

    def matches(self, el) -> bool:  # el: lxml element
        if self.tag is not None and el.tag != self.tag:
            return False
        if self.ids and el.get("id") not in self.ids:
            return False
        if self.classes:
            have = (el.get("class") or "").split()
            for c in self.classes:
                if c not in have:
                    return False
        for name, op, value in self.attrs:
            got = el.get(name)
            if got is None:
                return False
            if op is None:
                continue
            if op == "=" and got != value:
                return False
            if op == "~=" and value not in got.split():
                return False
            if op == "^=" and not got.startswith(value):
                return False
            if op == "$=" and not got.endswith(value):
                return False
            if op == "*=" and value not in got:
                return False
            if op == "|=" and not (got == value or got.startswith(value + "-")):
                return False
        return True


@dataclass(frozen=True, slots=True)
class Selector:
    parts: tuple[Compound, ...]  # rightmost last
    combinators: tuple[str, ...]  # between parts: " " or ">"
    specificity: tuple[int, int, int]

    def matches(self, el) -> bool:
        if not self.parts[-1].matches(el):
            return False
        return _match_left(self.parts, self.combinators, len(self.parts) - 2, el.getparent())


def _match_left(parts, combs, i, el) -> bool:
    if i < 0:
        return True
    comb = combs[i]
    while el is not None and isinstance(el.tag, str):
        if parts[i].matches(el):
            if _match_left(parts, combs, i - 1, el.getparent()):
                return True
        if comb == ">":
            return False
        el = el.getparent()
    return False


_COMPOUND_TOKEN = re.compile(
    r"""(?P<tag>\*|[a-zA-Z][\w-]*)|\#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)
    |\[\s*(?P<an>[\w:-]+)\s*(?:(?P<op>[~^$*|]?=)\s*(?:"(?P<v1>[^"]*)"|'(?P<v2>[^']*)'|(?P<v3>[^\]\s]+))\s*(?:i\s*)?)?\]
    |(?P<pseudo>::?[\w-]+(?:\((?:[^()]|\([^)]*\))*\))?)""",
    re.X,
)


def _parse_compound(text: str) -> Compound | None:
    tag = None
    ids: list[str] = []
    classes: list[str] = []
    attrs: list[tuple[str, str | None, str | None]] = []
    pos = 0
    while pos < len(text):
        m = _COMPOUND_TOKEN.match(text, pos)
        if not m or m.end() == pos:
            return None
        pos = m.end()
        if m.group("tag"):
            tag = None if m.group("tag") == "*" else m.group("tag").lower()
        elif m.group("id"):
            ids.append(m.group("id"))
        elif m.group("cls"):
            classes.append(m.group("cls"))
        elif m.group("an"):
            val = m.group("v1") if m.group("v1") is not None else m.group("v2") if m.group("v2") is not None else m.group("v3")
            attrs.append((m.group("an").lower(), m.group("op"), val))
        elif m.group("pseudo", ) and m.group("pseudo").startswith("::"):
            return None  # pseudo-element: generated content, not the element itself
        elif m.group("pseudo") and m.group("pseudo").lower() in (":before", ":after", ":first-line", ":first-letter"):
            return None
    return Compound(tag, tuple(ids), tuple(classes), tuple(attrs))


_SPLIT_COMB = re.compile(r"\s*([>+~])\s*|\s+")


@lru_cache(maxsize=2048)
def parse_selector(text: str) -> Selector | None:
    text = text.strip()
    if not text:
        return None
    parts: list[Compound] = []
    combs: list[str] = []
    pos = 0
    tokens: list[str] = []
    # split on combinators outside brackets/parens
    depth = 0
    cur = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        if depth == 0 and (ch.isspace() or ch in ">+~"):
            j = i
            comb = " "
            while j < len(text) and (text[j].isspace() or text[j] in ">+~"):
                if text[j] == ">":
                    comb = ">"
                elif text[j] in "+~" and comb != ">":
                    comb = " "  # sibling combinators approximated as descendant
                j += 1
            if cur:
                tokens.append(cur)
                tokens.append(comb)
            cur = ""
            i = j
            continue
        cur += ch
        i += 1
    if cur:
        tokens.append(cur)
    if tokens and tokens[-1] in (" ", ">"):
        tokens.pop()
    for k, tok in enumerate(tokens):
        if k % 2:
            combs.append(tok)
            continue
        comp = _parse_compound(tok)
        if comp is None:
            return None
        parts.append(comp)
    if not parts:
        return None
    a = sum(len(p.ids) for p in parts)
    b = sum(len(p.classes) + len(p.attrs) for p in parts)
    c = sum(1 for p in parts if p.tag)
    del pos
    return Selector(tuple(parts), tuple(combs), (a, b, c))


@dataclass(frozen=True, slots=True)
class StyleRule:
    selector: Selector
    decls: tuple[tuple[str, str, bool], ...]
    order: int


def _blocks(css: str) -> Iterable[tuple[str, str]]:
    """Yield (prelude, body) at top level, descending into @media (except print) blocks."""
    i, n = 0, len(css)
    while i < n:
        brace = css.find("{", i)
        if brace < 0:
            return
        semi = css.find(";", i)
        if 0 <= semi < brace and css[i:semi].lstrip().startswith("@"):
            i = semi + 1  # @import / @charset statement
            continue
        prelude = css[i:brace].strip()
        depth, j = 1, brace + 1
        while j < n and depth:
            if css[j] == "{":
                depth += 1
            elif css[j] == "}":
                depth -= 1
            j += 1
        body = css[brace + 1 : j - 1]
        i = j
        if prelude.startswith("@"):
            low = prelude.lower()
            if low.startswith("@media") and "print" not in low.replace("not print", ""):
                yield from _blocks(body)
            elif low.startswith("@supports"):
                yield from _blocks(body)
            continue  # @font-face, @keyframes, @page
        yield prelude, body


@lru_cache(maxsize=512)
def parse_stylesheet(css: str) -> tuple[StyleRule, ...]:
    """Parse a `<style>` text into rules that touch a relevant property."""
    css = _COMMENT.sub(" ", css).replace("<!--", " ").replace("-->", " ")
    rules: list[StyleRule] = []
    order = 0
    for prelude, body in _blocks(css):
        decls = parse_declarations(body)
        if not decls:
            continue
        for sel_text in prelude.split(","):
            sel = parse_selector(sel_text)
            if sel is None:
                continue
            rules.append(StyleRule(sel, decls, order))
            order += 1
    return tuple(rules)


_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""", re.I)


def stylesheet_imports(css: str) -> list[str]:
    return _IMPORT.findall(css)


class SheetIndex:
    """Rules indexed by the key of their rightmost compound, for cheap per-element matching."""

    __slots__ = ("by_key", "any", "tags", "has_ids", "has_classes", "_lookups")

    def __init__(self, rules: Iterable[StyleRule]):
        self._lookups: dict[tuple[str, str | None, str | None], tuple[list[StyleRule], bool]] = {}
        self.by_key: dict[tuple[str, str], list[StyleRule]] = {}
        self.any: list[StyleRule] = []
        for r in rules:
            k = r.selector.parts[-1].key()
            if k[0] == "*":
                self.any.append(r)
            else:
                self.by_key.setdefault(k, []).append(r)
        self.tags = frozenset(k[1] for k in self.by_key if k[0] == "tag")
        self.has_ids = any(k[0] == "id" for k in self.by_key)
        self.has_classes = any(k[0] == "class" for k in self.by_key)

    def __bool__(self) -> bool:
        return bool(self.by_key or self.any)

    @staticmethod
    def all_simple(rules: list[StyleRule]) -> bool:
        """True when every rule's selector depends on the element alone (one compound, no attributes)."""
        for r in rules:
            sel = r.selector
            if len(sel.parts) != 1 or sel.parts[0].attrs:
                return False
        return True

    def matching(self, el) -> list[StyleRule]:
        return [r for r in self.candidates(el) if r.selector.matches(el)]

    def candidates(self, el) -> list[StyleRule]:
        return self._candidates(el.tag, el.get("id"), el.get("class"))

    def lookup(self, tag: str, el_id: str | None, classes: str | None) -> tuple[list[StyleRule], bool]:
        """(candidates, all_simple(candidates)) for an element's tag, id and class attribute.

        Memoised per sheet: an MJML body has ~45 elements but only a handful of distinct
        (tag, id, class) triples, and the same sheet object serves every message built from one template.
        Callers must not mutate the list.
        """
        key = (tag, el_id, classes)
        got = self._lookups.get(key)
        if got is None:
            if len(self._lookups) > 4096:
                self._lookups.clear()
            cands = self._candidates(tag, el_id, classes)
            got = self._lookups[key] = (cands, self.all_simple(cands))
        return got

    def _candidates(self, tag: str, i: str | None, cls: str | None) -> list[StyleRule]:
        cands: list[StyleRule] = list(self.any) if self.any else []
        get = self.by_key.get
        if tag in self.tags:
            cands += get(("tag", tag))
        if self.has_ids:
            if i:
                lst = get(("id", i))
                if lst:
                    cands += lst
        if self.has_classes:
            if cls:
                for c in cls.split():
                    lst = get(("class", c))
                    if lst:
                        cands += lst
        return cands

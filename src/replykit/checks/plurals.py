"""Plural-Forms: parse the C-like expression safely (no eval) and compare it with a pinned table.

The reference (``data/plurals.json``) is Babel 2.18's gettext-style table plus documented accepted
alternatives; see that file for where CLDR differs. Two expressions agree when they select the same
form for every n in 0..1000.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Callable

from ..plural_limits import plural_forms_problem

Expr = Callable[[int], int]
_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))")
_HEADER = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$", re.S)


class PluralError(ValueError):
    pass


def _tokens(expr: str) -> list[str]:
    out, pos = [], 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise PluralError(f"unexpected {expr[pos:pos + 10]!r} in plural expression")
        out.append(m.group(1) or m.group(2) or m.group(3))
        pos = m.end()
    return out


_BIN = {
    "||": (1, lambda a, b: int(bool(a) or bool(b))), "&&": (2, lambda a, b: int(bool(a) and bool(b))),
    "==": (3, lambda a, b: int(a == b)), "!=": (3, lambda a, b: int(a != b)),
    "<": (4, lambda a, b: int(a < b)), "<=": (4, lambda a, b: int(a <= b)), ">": (4, lambda a, b: int(a > b)), ">=": (4, lambda a, b: int(a >= b)),
    "+": (5, lambda a, b: a + b), "-": (5, lambda a, b: a - b),
    "*": (6, lambda a, b: a * b), "/": (6, lambda a, b: a // b if b else 0), "%": (6, lambda a, b: a % b if b else 0),
}


class _Parser:
    def __init__(self, toks: list[str]):
        self.t = toks
        self.i = 0

    def peek(self) -> str | None:
        return self.t[self.i] if self.i < len(self.t) else None

    def take(self, want: str | None = None) -> str:
        tok = self.peek()
        if tok is None or (want is not None and tok != want):
            raise PluralError(f"expected {want or 'more'} in plural expression")
        self.i += 1
        return tok

    def ternary(self) -> Expr:
        cond = self.binary(1)
        if self.peek() == "?":
            self.take("?")
            a = self.ternary()
            self.take(":")
            b = self.ternary()
            return lambda n, c=cond, a=a, b=b: a(n) if c(n) else b(n)
        return cond

    def binary(self, min_prec: int) -> Expr:
        left = self.unary()
        while True:
            op = self.peek()
            if op not in _BIN or _BIN[op][0] < min_prec:
                return left
            prec, fn = _BIN[op]
            self.take()
            right = self.binary(prec + 1)
            left = (lambda n, f=fn, l=left, r=right: f(l(n), r(n)))

    def unary(self) -> Expr:
        tok = self.take()
        if tok == "!":
            inner = self.unary()
            return lambda n, e=inner: int(not e(n))
        if tok == "-":
            inner = self.unary()
            return lambda n, e=inner: -e(n)
        if tok == "(":
            e = self.ternary()
            self.take(")")
            return e
        if tok == "n":
            return lambda n: n
        if tok.isdigit():
            v = int(tok)
            return lambda n, v=v: v
        raise PluralError(f"unexpected {tok!r} in plural expression")


@lru_cache(maxsize=256)
def compile_expr(expr: str) -> Expr:
    p = _Parser(_tokens(expr))
    e = p.ternary()
    if p.peek() is not None:
        raise PluralError(f"unexpected {p.peek()!r} after plural expression")
    return e


def parse_header(value: str) -> tuple[int, str, Expr]:
    """'nplurals=2; plural=(n != 1);' -> (2, '(n != 1)', callable). Raises PluralError."""
    problem = plural_forms_problem(value or "")  # before anything is sized or parsed by it
    if problem:
        raise PluralError(problem)
    m = _HEADER.match(value or "")
    if not m:
        raise PluralError(f"Plural-Forms {value!r} is not 'nplurals=N; plural=EXPR;'")
    n = int(m.group(1))
    expr = m.group(2).strip().rstrip(";")
    return n, expr, compile_expr(expr)


@lru_cache(maxsize=1)
def reference_table() -> dict:
    return json.loads((resources.files("replykit") / "data" / "plurals.json").read_text(encoding="utf-8"))["languages"]


def reference_for(locale: str) -> list[tuple[int, str]] | None:
    """Accepted (nplurals, expression) variants for a locale, most specific first; None if unknown."""
    table = reference_table()
    tag = locale.replace("-", "_")
    for key in (tag, tag.split("_")[0].lower()):
        for k in table:
            if k.lower() == key.lower():
                entry = table[k]
                return [(entry["nplurals"], entry["plural"])] + [(a["nplurals"], a["plural"]) for a in entry.get("alternatives", [])]
    return None


def same_forms(a: Expr, b: Expr, upto: int = 1000) -> int | None:
    """First n in 0..upto where the two expressions disagree, or None."""
    for n in range(upto + 1):
        if int(a(n)) != int(b(n)):
            return n
    return None


def check_plural_forms(value: str | None, locale: str | None) -> str | None:
    """Problem with a Plural-Forms header for ``locale`` (one line), or None when it is right."""
    if not value or not value.strip():
        return "Plural-Forms header missing"
    try:
        n, expr, fn = parse_header(value)
    except PluralError as exc:
        return str(exc)
    for k in range(1001):
        v = fn(k)
        if not 0 <= v < n:
            return f"plural expression gives form {v} for n={k}, outside 0..{n - 1}"
    if not locale:
        return None
    refs = reference_for(locale)
    if refs is None:
        return None
    reasons = []
    for rn, rexpr in refs:
        if rn != n:
            reasons.append(f"nplurals={n}, expected {rn}")
            continue
        bad = same_forms(fn, compile_expr(rexpr))
        if bad is None:
            return None
        reasons.append(f"for n={bad} the expression picks form {fn(bad)}, the reference {rexpr} picks {compile_expr(rexpr)(bad)}")
    return f"Plural-Forms disagrees with the reference for {locale}: {reasons[0]}"

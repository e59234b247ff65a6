"""Lint throughput on rendered messages, one core.

Messages are built the way the core builds them (MJML compiled by mjml-python, CSS inlined by
css-inline, plus a plain-text body) from the compliant corpus texts in 13 languages; every message is
distinct (order ids and tracking numbers vary), and every round lints a batch of its own -- the same
texts, marketplaces and contexts with other ids -- so no per-text cache flatters the figure (the best
round used to re-lint the messages of the first). Each carries a realistic context (buyer locale,
message kind, order id, channel, timestamps) so the context rules and language identification run too.

Reported: messages/s and µs/message for ``lint_message``, and the same for a baseline taken in the
same run -- parsing the HTML with the same parser (lxml) -- so the ratio is comparable across machines.

    python bench/bench_lint.py [--messages 600] [--rounds 3] [--profile]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import css_inline  # noqa: E402
import mjml  # noqa: E402
from lxml import etree  # noqa: E402

from replykit.checks import Message, lint_message, load_profile  # noqa: E402
from replykit.checks.html_view import html_parser  # noqa: E402

MARKETS_FOR = {  # which marketplaces a message in this language plausibly goes to
    "en": ["amazon", "ebay", "walmart_us", "walmart_ca", "wish", "etsy"], "es": ["amazon", "mercadolibre", "ebay"],
    "pt": ["amazon", "mercadolibre"], "fr": ["amazon", "ebay", "etsy", "wish"], "ar": ["amazon"], "ja": ["amazon"],
}
_INLINER = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)
_ORDER = re.compile(r"\d{3}-\d{7}-\d{7}")


def _html(paragraphs: list[str], lang: str, direction: str) -> str:
    align = "right" if direction == "rtl" else "left"
    head = (f'<mj-attributes><mj-all font-family="" /><mj-section padding="16px 0" text-align="{align}" direction="{direction}" />'
            f'<mj-column vertical-align="top" direction="{direction}" /><mj-text font-size="15px" color="" line-height="" align="{align}" '
            'padding="0 0 12px 0" /></mj-attributes>')
    body = "".join(f"<mj-text><p>{p}</p></mj-text>" for p in paragraphs)
    src = (f'<mjml lang="{lang}" dir="{direction}"><mj-head>{head}</mj-head><mj-body width="600px"><mj-section><mj-column>'
           f"{body}</mj-column></mj-section></mj-body></mjml>")
    return _INLINER.inline(mjml.mjml2html(src))


def build_messages(n: int, seed: int = 7, id_seed: int | None = None) -> list[tuple[Message, str]]:
    """``n`` messages; ``id_seed`` draws other order ids and tracking numbers for the same sequence of
    texts, marketplaces and contexts (one batch per round)."""
    rnd = random.Random(seed)
    ids = rnd if id_seed is None else random.Random(id_seed)
    sources = []
    for p in sorted((ROOT / "tests" / "corpus" / "messages").glob("ok-*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        text = d.get("text")
        if not text:
            continue
        lang = (d.get("context", {}).get("buyer_locale") or "en")[:2]
        sources.append((d["subject"], text, lang, d["marketplace"]))
    compiled = {}
    out: list[tuple[Message, str]] = []
    i = 0
    while len(out) < n:
        subject, text, lang, market = sources[i % len(sources)]
        i += 1
        order = f"{ids.randint(100, 999)}-{ids.randint(1000000, 9999999)}-{ids.randint(1000000, 9999999)}"
        track = "1Z" + "".join(ids.choice("0123456789ABCDEF") for _ in range(16))
        text_v = _ORDER.sub(order, text) + f"\n{track}"
        subject_v = _ORDER.sub(order, subject)
        paragraphs = [p.replace("\n", "<br>") for p in text_v.replace("\r\n", "\n").split("\n\n") if p.strip()]
        direction = "rtl" if lang == "ar" else "ltr"
        key = (subject_v, text_v)
        if key not in compiled:
            compiled[key] = _html(paragraphs, lang, direction)
        marketplace = rnd.choice(MARKETS_FOR.get(lang, [market]))
        ctx = {"buyer_locale": lang, "message_kind": rnd.choice(["reply", "proactive"]), "order_id": order, "channel": "email",
               "received_at": "2024-11-12T08:00:00Z", "send_at": "2024-11-12T15:30:00Z",
               "order_completed_at": "2024-11-01T10:00:00Z"}
        out.append((Message(subject_v, compiled[key], text_v, ctx), marketplace))
    return out


def run(batches: list[list[tuple[Message, str]]], warm: list[tuple[Message, str]]) -> dict[str, float]:
    """Best of one round per batch: an lxml parse of the batch (baseline), then lint_message on it."""
    for m, mp in warm:  # warm: profiles, compiled patterns, language model
        lint_message(m, mp)
    for mp in {mp for batch in batches for _m, mp in batch}:
        load_profile(mp)
    lint_s, base_s = [], []
    for messages in batches:
        t = time.perf_counter()
        for m, _mp in messages:
            etree.fromstring(m.html, html_parser())
        base_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        for m, mp in messages:
            lint_message(m, mp)
        lint_s.append(time.perf_counter() - t)
    messages = batches[0]
    n = len(messages)
    lint, base = min(lint_s), min(base_s)
    return {
        "messages": n, "avg_html_bytes": statistics.mean(len(m.html.encode()) for m, _ in messages),
        "lint_msgs_per_s": n / lint, "lint_us_per_msg": lint / n * 1e6,
        "parse_msgs_per_s": n / base, "parse_us_per_msg": base / n * 1e6, "ratio_lint_to_parse": lint / base,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="print the hottest functions")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    t = time.perf_counter()
    messages = build_messages(args.messages)
    batches = [messages] + [build_messages(args.messages, id_seed=1000 + r) for r in range(1, args.rounds)]
    warm = build_messages(50, seed=8)
    built = time.perf_counter() - t
    if args.profile:
        import cProfile
        import pstats

        for m, mp in messages[:50]:
            lint_message(m, mp)
        cProfile.runctx("for m, mp in messages: lint_message(m, mp)", globals(), {"messages": messages, "lint_message": lint_message}, "/tmp/bench_lint.prof")
        pstats.Stats("/tmp/bench_lint.prof").sort_stats("tottime").print_stats(25)
        return
    r = run(batches, warm)
    if args.json:
        print(json.dumps(r, indent=1))
        return
    print(f"built {args.rounds} x {r['messages']} rendered messages in {built:.1f}s (avg HTML {r['avg_html_bytes']:.0f} bytes, 13 languages, 7 marketplaces)")
    print(f"lint_message : {r['lint_msgs_per_s']:8.0f} msgs/s  {r['lint_us_per_msg']:7.0f} µs/msg   (best of {args.rounds} rounds, a fresh batch each)")
    print(f"lxml parse   : {r['parse_msgs_per_s']:8.0f} msgs/s  {r['parse_us_per_msg']:7.0f} µs/msg   (baseline, same run)")
    print(f"ratio        : lint costs {r['ratio_lint_to_parse']:.1f}x a bare HTML parse; goal 2,000 msgs/s")


if __name__ == "__main__":
    main()

"""Input size limits of the checks (``input.too-large``), applied before any pattern runs.

A message body of a megabyte is far beyond what any marketplace accepts (Amazon caps a message
at ~ 250 KB with attachments apart), and a single translation of 64 K characters is no UI string:
both are refused with one finding instead of minutes of pattern matching. A .po file over 4 MB
(replykit's own catalogues are tens of KB) is refused whole: linting runs at ~5,000 entries/s.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .registry import Hit, rule

if TYPE_CHECKING:  # pragma: no cover
    from .view import MessageView

RULE_ID = "input.too-large"
MAX_MESSAGE_CHARS = 1_000_000  # subject, HTML body or plain-text body, each
MAX_MSGSTR_CHARS = 65_536  # one msgid or msgstr (each plural form apart)
MAX_CATALOGUE_BYTES = 4 * 1024 * 1024  # one .po file: ~30,000 entries, lints in a few seconds
#: findings of one rule listed for one message; the rest become one "and N more" finding, so that a
#: message repeating a violation 45,000 times gives a report a person can read (and a small API response)
MAX_FINDINGS_PER_RULE = 100


def oversized(fields: dict[str, str | None], limit: int) -> Hit | None:
    """A hit for the first field longer than ``limit`` characters, or None."""
    for where, value in fields.items():
        if value is not None and len(value) > limit:
            return Hit(where, None, f"{where} has {len(value):,} characters, more than the limit of {limit:,}: "
                                    "not checked further", value[:60])
    return None


@rule(RULE_ID)
def too_large(view: "MessageView") -> Iterator[Hit]:
    """The message's subject or a body over :data:`MAX_MESSAGE_CHARS` (``run_rules`` asks first)."""
    msg = view.message
    hit = oversized({"subject": msg.subject, "html": msg.html, "text": msg.text}, MAX_MESSAGE_CHARS)
    if hit is not None:
        yield hit

"""Data model shared by every check: what goes in (Message) and what comes out (Finding, LintReport).

The shapes are the public contract of `replykit lint`: other tools and CI read the JSON form.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

Severity = Literal["error", "warning"]
SEVERITY_RANK: dict[str, int] = {"off": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Message:
    """A message as the buyer will receive it.

    ``context`` carries optional facts about the send (see RULES.md): ``buyer_locale``, ``message_kind``
    (``proactive`` | ``reply``; ``critical`` marks information needed to complete the order),
    ``order_id``, ``site``, ``channel`` (``email`` | ``api``), ``scenario``, ISO-8601 ``received_at``,
    ``send_at``, ``order_completed_at``, ``delivered_at``, and:

    - ``attachments``: list of ``{"name": "manual.pdf", "mime": "application/pdf" (or "type"),
      "size_bytes": 120000, "purpose": "instructions"}``; purposes: instructions, manual, warranty,
      invoice, shipping_label, return_label, customs, design_proof, photo.
    - ``order_history``: earlier messages sent to this buyer, list of ``{"order_id": "...",
      "kind": "review_request" | "message", "sent_at": ISO-8601}``; an entry without ``order_id``
      belongs to the current order.

    A rule whose context is absent is skipped, never guessed.
    """

    subject: str
    html: str | None = None
    text: str | None = None
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken rule at one place. ``where`` is subject | html | text, or the msgid for catalogues."""

    rule: str
    severity: Severity
    file: str | None
    where: str
    line: int | None
    message: str
    excerpt: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "where": self.where,
            "line": self.line,
            "message": self.message,
            "excerpt": self.excerpt,
        }


@dataclass(slots=True)
class LintReport:
    """Findings of a lint run plus the inputs that could not be checked at all."""

    findings: list[Finding] = field(default_factory=list)
    bad_inputs: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def exit_code(self) -> int:
        """2 for unusable input, 1 for any error, else 0 (the `replykit lint` contract)."""
        if self.bad_inputs:
            return 2
        return 1 if self.errors else 0

    def to_json(self) -> dict[str, Any]:
        """The `replykit lint --format json` document (bad inputs are reported apart, one line each)."""
        return {
            "findings": [f.to_dict() for f in self.findings],
            "summary": {"errors": self.errors, "warnings": self.warnings},
        }

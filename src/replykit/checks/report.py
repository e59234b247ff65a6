"""Human-readable output of a lint run (the CLI's ``--format text``)."""
from __future__ import annotations

from .model import Finding, LintReport


def format_finding(f: Finding) -> str:
    loc = f.file or "<message>"
    if f.line is not None:
        loc += f":{f.line}"
    where = f.where if f.where in ("subject", "html", "text", "") else f"msgid {f.where[:40]!r}"
    head = f"{loc}: {f.severity} {f.rule}" + (f" [{where}]" if where else "")
    out = f"{head}: {f.message}"
    if f.excerpt:
        out += f"\n    {f.excerpt}"
    return out


def format_text(report: LintReport) -> str:
    """One block per finding, sorted by file and line, then bad inputs and a summary line."""
    lines = [format_finding(f) for f in sorted(report.findings, key=lambda f: (f.file or "", f.line or 0, f.rule))]
    for reason in report.bad_inputs:
        lines.append(f"unusable input: {reason}")
    lines.append(f"{report.errors} error(s), {report.warnings} warning(s)" + (f", {len(report.bad_inputs)} unusable input(s)" if report.bad_inputs else ""))
    return "\n".join(lines)

"""Public entry points: lint a message, a catalogue, or files on disk.

``lint_paths`` accepts ``.json`` messages (``{"subject", "html"?, "text"?, "context"?}``), ``.html``
and ``.txt`` bodies and ``.po`` catalogues; a file that cannot be used is recorded in
``LintReport.bad_inputs`` with a one-line reason and the other files are still checked.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Mapping

from . import commerce_rules, content_rules, context_rules, image_rules, link_rules, style_rules  # noqa: F401  (register rules)
from .html_view import HtmlParseError
from .model import SEVERITY_RANK, Finding, LintReport, Message
from .checker import Checker, default_checker
from .profiles import Profile, ProfileError
from .learned import CUES as LEARNED_RULES, SecondOpinion, packaged_model, packaged_veto, veto
from .limits import MAX_FINDINGS_PER_RULE, RULE_ID as TOO_LARGE, too_large
from .registry import RULES, Hit
from .view import MessageView


def _severity(profile_sev: str, cap: str | None) -> str:
    if cap and SEVERITY_RANK[cap] < SEVERITY_RANK[profile_sev]:
        return cap
    return profile_sev


def run_rules(view: MessageView, *, file: str | None = None, only: Iterable[str] | None = None) -> list[Finding]:
    """Run every registered rule that is on in the view's profile and whose context is present.

    A subject or body over :data:`~.limits.MAX_MESSAGE_CHARS` is one ``input.too-large`` finding
    and nothing else runs on it. A concept rule that found nothing asks the learned model for a second
    opinion when the profile takes it (:mod:`.learned`): at most one finding, a warning unless the model
    is sure. A rule lists at most :data:`~.limits.MAX_FINDINGS_PER_RULE` findings; the rest are counted
    in one more finding of the same rule, at the highest severity among them."""
    profile = view.profile
    big = list(too_large(view))
    if big:
        return [_finding(TOO_LARGE, profile.severity(TOO_LARGE), big[0], file)]
    ctx = view.context
    out: list[Finding] = []
    active = profile.active_rules if only is None else [(rid, RULES[rid], profile.severity(rid)) for rid in only if profile.severity(rid) != "off"]
    opinion: SecondOpinion | None = None  # made when a concept rule first asks (the model loads on first use)
    severity: dict[str, str] = {}
    for rid, spec, sev in active:
        if spec.requires and not _present(ctx, spec.requires):
            continue
        before = len(out)
        vetoes = sev == "error" and rid in LEARNED_RULES and profile.veto
        unlisted: list[Hit] | None = None
        for hit in spec.fn(view):
            if vetoes and hit.sentence is not None and hit.cap is None:
                hit = veto(hit, rid, packaged_model(), packaged_veto())
            if len(out) - before < MAX_FINDINGS_PER_RULE:
                out.append(_finding(rid, sev, hit, file))
            elif unlisted is None:
                unlisted = [hit]
            else:
                unlisted.append(hit)
        if unlisted is not None:
            out.append(_more(rid, sev, unlisted, file))
        if len(out) == before and rid in LEARNED_RULES and profile.learned:
            if opinion is None:
                opinion = SecondOpinion(view, packaged_model())
            opinion.ask(rid, before)
            severity[rid] = sev
    if opinion is not None:
        # every rule that asked is read at once; a finding goes where the rule's own would have gone
        for at, rid, hit in reversed(opinion.hits()):
            out.insert(at, _finding(rid, severity[rid], hit, file))
    return out


def _present(ctx: Mapping[str, Any], keys: tuple[str, ...]) -> bool:
    """Every key has a value (not missing, None, "" or []); a plain loop, run ~15 times per message."""
    for k in keys:
        v = ctx.get(k)
        if v is None or v == "" or v == []:
            return False
    return True


def _more(rid: str, sev: str, unlisted: list[Hit], file: str | None) -> Finding:
    """One finding standing for the hits past the per-rule limit, placed at the first of them."""
    worst = max((_severity(sev, h.cap) for h in unlisted), key=SEVERITY_RANK.__getitem__)
    first = unlisted[0]
    return Finding(rid, worst, file, first.where, first.line,  # type: ignore[arg-type]
                   f"... and {len(unlisted):,} more findings of this rule, not listed (the first "
                   f"{MAX_FINDINGS_PER_RULE} are)", first.excerpt)


def _finding(rid: str, sev: str, hit: Hit, file: str | None) -> Finding:
    return Finding(rid, _severity(sev, hit.cap), file, hit.where, hit.line, hit.message, hit.excerpt)  # type: ignore[arg-type]


def lint_message(message: Message, marketplace: str, *, profile: Profile | None = None, file: str | None = None) -> list[Finding]:
    """All findings for one message on one marketplace (``profile`` overrides the packaged one).

    A thin wrapper over the shared :class:`~.checker.Checker` of the packaged profiles."""
    if profile is not None:
        return run_rules(MessageView(message, profile), file=file)
    return default_checker().lint(message, marketplace, file=file)


def message_from_json(data: Any) -> Message:
    """Validate a JSON message document; raises ValueError with a one-line reason."""
    if not isinstance(data, Mapping):
        raise ValueError("top level is not an object")
    subject = data.get("subject")
    if not isinstance(subject, str):
        raise ValueError("'subject' missing or not a string")
    html = data.get("html")
    text = data.get("text")
    for k, v in (("html", html), ("text", text)):
        if v is not None and not isinstance(v, str):
            raise ValueError(f"'{k}' is not a string")
    ctx = data.get("context") or {}
    if not isinstance(ctx, Mapping):
        raise ValueError("'context' is not an object")
    for key, value in ctx.items():
        kind = _CONTEXT_TYPES.get(key)
        if value is not None and kind is not None and not isinstance(value, kind):
            raise ValueError(f"'context.{key}' is not {'a list' if kind is list else 'a string'}")
    return Message(subject, html, text, dict(ctx))


#: Context keys the rules iterate or parse: a wrong type is unusable input, not a traceback.
_CONTEXT_TYPES: dict[str, type] = {
    "attachments": list, "order_history": list, "buyer_values": list,
    "order_id": str, "buyer_locale": str, "message_kind": str, "scenario": str, "channel": str,
}


def lint_catalogue(path: str | Path, *, marketplace: str | None = None, pot_path: str | Path | None = None,
                   source_locale: str = "en", profile: Profile | None = None) -> list[Finding]:
    """po.* rules plus the single-string message rules on each msgstr (see :mod:`.po_rules`)."""
    from .po_rules import check_catalogue

    if profile is None:
        return default_checker().lint_catalogue(path, marketplace=marketplace, pot_path=pot_path, source_locale=source_locale)
    return check_catalogue(Path(path), profile=profile, pot_path=Path(pot_path) if pot_path else None, source_locale=source_locale)


def lint_paths(paths: Iterable[str | Path], marketplace: str, *, project_config: Mapping[str, Any] | None = None,
               pot_path: str | Path | None = None, checker: Checker | None = None) -> LintReport:
    """Lint files; unusable ones become ``bad_inputs`` reasons, the rest are still checked."""
    report = LintReport()
    try:
        checker = checker or (Checker(project_config) if project_config else default_checker())
        checker.profile(marketplace)
    except ProfileError as exc:
        report.bad_inputs.append(str(exc))
        return report
    for p in paths:
        path = Path(p)
        name = str(path)
        try:
            if not path.is_file():
                raise ValueError("no such file")
            suffix = path.suffix.lower()
            if suffix == ".po":
                report.findings += checker.lint_catalogue(path, marketplace=marketplace, pot_path=pot_path)
                continue
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
            if suffix == ".json":
                try:
                    data = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"invalid JSON: {exc.msg} (line {exc.lineno})") from None
                except RecursionError:
                    raise ValueError("invalid JSON: nested too deeply") from None
                msg = message_from_json(data)
            elif suffix in (".html", ".htm"):
                msg = Message("", html=text)
            elif suffix == ".txt":
                msg = Message("", text=text)
            else:
                raise ValueError(f"unsupported file type {suffix or '(none)'}: use .json, .html, .txt or .po")
            report.findings += checker.lint(msg, marketplace, file=name)
        except (ValueError, HtmlParseError, OSError) as exc:
            report.bad_inputs.append(f"{name}: {exc}")
    return report

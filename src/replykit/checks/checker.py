"""The :class:`Checker`: one object that owns what linting needs and can be shared between threads.

A Checker is built from a project's parsed ``replykit.toml`` (or nothing, for the packaged
profiles). It keeps one compiled :class:`~.profiles.Profile` per marketplace (with its allow-list and
the list of rules it turns on), and ``warm()`` compiles the lexicon, the language model and the
per-marketplace data up front, so a long-running service (the HTTP API) pays nothing on its first
request. Linting keeps no per-call state on the Checker: every call works on its own
:class:`~.view.MessageView`; the shared caches are filled under a lock or hold values computed the
same way by any thread.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..once import once
from .model import Finding, Message
from .profiles import MARKETPLACES, Profile, ProfileError, combined_profile, load_profile, rule_book

_ALL = "all"


def _key(marketplace: str) -> str:
    return marketplace.strip().lower().replace("-", "_")


class Checker:
    """Lints messages and catalogues against marketplace profiles (packaged + the project's overrides)."""

    def __init__(self, config: Mapping[str, Any] | None = None):
        self.config: Mapping[str, Any] = dict(config or {})
        self._profiles: dict[str, Profile] = {}
        self._lock = threading.Lock()

    # ---- profiles ------------------------------------------------------------------------------
    def profile(self, marketplace: str) -> Profile:
        """The profile of ``marketplace`` (or ``all``); :class:`ProfileError` for an unknown name."""
        key = _key(marketplace)
        got = self._profiles.get(key)
        if got is None:
            with self._lock:
                got = self._profiles.get(key)
                if got is None:
                    got = load_profile(key, self.config)
                    got.allow  # noqa: B018  (compile the allow-list and the active rules once, here)
                    got.active_rules  # noqa: B018
                    self._profiles[key] = got
        return got

    def shared_profile(self, marketplaces: Sequence[str]) -> Profile:
        """One profile for text shown on every one of ``marketplaces`` (strictest severity wins)."""
        names = tuple(dict.fromkeys(_key(m) for m in marketplaces))
        if not names or set(names) >= set(MARKETPLACES) or _ALL in names:
            return self.profile(_ALL)
        key = "+".join(names)
        got = self._profiles.get(key)
        if got is None:
            combined = combined_profile([self.profile(m) for m in names])
            with self._lock:
                got = self._profiles.setdefault(key, combined)
        return got

    # ---- linting -------------------------------------------------------------------------------
    def lint(self, message: Message, marketplace: str, *, file: str | None = None) -> list[Finding]:
        """All findings for one message on one marketplace."""
        from .lint import run_rules
        from .view import MessageView

        return run_rules(MessageView(message, self.profile(marketplace)), file=file)

    def lint_catalogue(self, path: str | Path, *, pot_path: str | Path | None = None, marketplace: str | None = None,
                       marketplaces: Sequence[str] | None = None, source_locale: str = "en") -> list[Finding]:
        """``po.*`` rules plus the single-string message rules on each msgstr, once per catalogue.

        ``marketplace`` (or several ``marketplaces``: judged once, at the strictest severity any of them
        gives) picks the profile; none means every marketplace.
        """
        from .po_rules import check_catalogue

        if marketplaces:
            profile = self.shared_profile(marketplaces)
        else:
            profile = self.profile(marketplace or _ALL)
        return check_catalogue(Path(path), profile=profile, pot_path=Path(pot_path) if pot_path else None,
                               source_locale=source_locale)

    # ---- the rule book ---------------------------------------------------------------------------
    def rules(self, marketplace: str | None = None) -> list[dict[str, Any]]:
        """Every rule id with what it catches, its kind, the context it needs and its severity per
        marketplace (only ``marketplace``'s when given), as this Checker's profiles set them."""
        markets = (_key(marketplace),) if marketplace else MARKETPLACES
        profiles = [self.profile(m) for m in markets]
        book = rule_book()
        out: list[dict[str, Any]] = []
        for kind, key in (("message", "message_rules"), ("catalogue", "catalogue_rules"), ("project", "project_rules")):
            for r in book.get(key, ()):
                if kind == "project":
                    severity = {p.name: r["severity"] for p in profiles}
                else:
                    severity = {p.name: p.severity(r["id"]) for p in profiles}
                out.append({
                    "id": r["id"],
                    "summary": r["title"],
                    "kind": kind,
                    "requires": list(r.get("requires_context", ())),
                    "severity": severity,
                })
        return out

    # ---- start-up ---------------------------------------------------------------------------------
    def warm(self, marketplaces: Iterable[str] = MARKETPLACES) -> "Checker":
        """Compile everything a first lint would: profiles, lexicon, concept model, language model, HTML machinery."""
        from .learned import packaged_model, packaged_veto
        from .lexicon import build_all

        build_all()
        sample = Message(
            "Your order 123-1234567-1234567",
            html='<p style="color:#333">Hello Anna, your parcel left today. <a href="https://www.amazon.com/">Order</a></p>',
            text="Hello Anna, your parcel left today. Call +1 555 123 4567?",
            context={"buyer_locale": "en-US", "message_kind": "reply", "order_id": "123-1234567-1234567"},
        )
        for m in (*marketplaces, _ALL):
            self.profile(m)
        if any(self.profile(m).learned for m in (*marketplaces, _ALL)):
            packaged_model()  # a damaged model file is a ModelError here, at start-up
        if any(self.profile(m).veto for m in (*marketplaces, _ALL)):
            packaged_veto()
        for m in marketplaces:
            self.lint(sample, m)
        return self


@once
def default_checker() -> Checker:
    """The Checker of the packaged profiles, shared by the module-level helpers."""
    return Checker()


__all__ = ["Checker", "ProfileError", "default_checker"]

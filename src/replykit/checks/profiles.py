"""Marketplace profiles: per-rule severity, link allow-list, limits, languages and SLA, as data.

Profiles ship in ``replykit/data/profiles/<name>.json``. A project overrides them without editing the
package in ``replykit.toml`` at its root::

    [profiles.amazon]
    severity."content.pictograph" = "off"
    allow_domains = ["example-carrier.com"]      # added to the packaged list
    sla_hours = 12
    learned_second_opinion = false               # no learned warnings for the concept rules
    learned_veto = false                         # the learned model never lowers a concept rule's error

Tables are merged key by key over the packaged profile; ``allow_domains`` is extended, not replaced
(use ``replace_allow_domains = true`` to replace it). ``[profiles.all]`` applies to every marketplace.
The pseudo-profile ``all`` (used for catalogues shared by every marketplace) takes, for each rule, the
strictest severity any marketplace gives it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from ..errors import ReplykitError
from ..marketplaces import MARKETPLACES, packaged_profile
from .model import SEVERITY_RANK

if TYPE_CHECKING:  # pragma: no cover
    from .urls import AllowList

SEVERITIES = ("error", "warning", "off")


class ProfileError(ReplykitError, ValueError):
    """A profile or a project override is unusable; the message names the file and key."""


@dataclass(frozen=True, eq=False)
class Profile:
    """One marketplace's settings. Equality and hash are identity: a Profile is built once (by a
    :class:`~replykit.checks.Checker` or the packaged cache) and the derived views below are kept on it."""

    name: str
    data: Mapping[str, Any]

    def severity(self, rule_id: str) -> str:
        """The profile's severity for ``rule_id``; catalogue rules (``po.*``, ``catalog.*``) default to
        the rule book's severity, every other rule to "off"."""
        got = self.data["severity"].get(rule_id)
        if got is not None:
            return got
        return catalogue_severities().get(rule_id, "off")

    @cached_property
    def allow(self) -> "AllowList":
        """The link allow-list, compiled once per profile."""
        from .urls import AllowList

        return AllowList(self.allow_domains)

    @cached_property
    def active_rules(self) -> list:
        """(id, spec, severity) of the message rules this profile turns on, in registry order."""
        from .registry import RULES

        return [(rid, spec, sev) for rid, spec in RULES.items() if (sev := self.severity(rid)) != "off"]

    @property
    def learned(self) -> bool:
        """Whether the concept rules take the learned model's second opinion (``learned_second_opinion``;
        on unless the profile or ``replykit.toml`` turns it off). Its findings are warnings only."""
        return self.data.get("learned_second_opinion", True) is not False

    @property
    def veto(self) -> bool:
        """Whether a concept rule's lexicon error that the learned model reads as innocent is capped at warning
        (``learned_veto``; on unless the profile or ``replykit.toml`` turns it off)."""
        return self.data.get("learned_veto", True) is not False

    @property
    def allow_domains(self) -> tuple[str, ...]:
        return tuple(self.data.get("allow_domains", ()))

    @property
    def render_width(self) -> float:
        return float(self.data.get("render_width_px", 600))

    @property
    def limits(self) -> Mapping[str, Any]:
        return self.data.get("limits", {})



def _data_dir() -> Path:
    return Path(str(resources.files("replykit") / "data"))


def _packaged(name: str) -> dict[str, Any]:
    if name not in MARKETPLACES:
        raise ProfileError(f"unknown marketplace {name!r}; known: {', '.join(MARKETPLACES)}, all")
    return packaged_profile(name)


@lru_cache(maxsize=1)
def rule_book() -> dict[str, Any]:
    """``data/rules.json``: every rule id with its summary (and, for catalogue rules, its severity)."""
    return json.loads((_data_dir() / "rules.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def catalogue_severities() -> dict[str, str]:
    """Default severity of each catalogue rule (``po.*``, ``catalog.*``) from the rule book."""
    return {r["id"]: r["severity"] for r in rule_book()["catalogue_rules"]}


@lru_cache(maxsize=1)
def known_rule_ids() -> frozenset[str]:
    book = rule_book()
    return frozenset(r["id"] for key in ("message_rules", "catalogue_rules", "project_rules") for r in book.get(key, ()))


def _strictest(marketplaces: tuple[str, ...] = MARKETPLACES) -> dict[str, Any]:
    """One profile for text shared by ``marketplaces``: each rule at its strictest severity among
    them, every allow-listed domain of any of them."""
    base = json.loads(json.dumps(_packaged(marketplaces[0])))
    sev: dict[str, str] = {}
    domains: list[str] = []
    for m in marketplaces:
        p = _packaged(m)
        for rid, s in p["severity"].items():
            if SEVERITY_RANK[s] > SEVERITY_RANK.get(sev.get(rid, "off"), 0):
                sev[rid] = s
            sev.setdefault(rid, s)
        domains += [d for d in p["allow_domains"] if d not in domains]
    base.update(name="all", display_name="all marketplaces", severity=sev, allow_domains=domains)
    return base


def _merge(base: dict[str, Any], over: Mapping[str, Any], where: str) -> dict[str, Any]:
    out = dict(base)
    replace = bool(over.get("replace_allow_domains", False))
    for key, val in over.items():
        if key == "replace_allow_domains":
            continue
        if key == "severity":
            if not isinstance(val, Mapping):
                raise ProfileError(f"{where}.severity must be a table of rule id = severity")
            sev = dict(out.get("severity", {}))
            for rid, s in val.items():
                if rid not in known_rule_ids():
                    raise ProfileError(f"{where}.severity: unknown rule id {rid!r} (see `replykit rules`)")
                if s not in SEVERITIES:
                    raise ProfileError(f"{where}.severity.{rid!r}: {s!r} is not one of error, warning, off")
                sev[rid] = s
            out["severity"] = sev
        elif key in ("learned_second_opinion", "learned_veto"):
            if not isinstance(val, bool):
                raise ProfileError(f"{where}.{key} must be true or false")
            out[key] = val
        elif key == "allow_domains":
            if not isinstance(val, list) or not all(isinstance(d, str) for d in val):
                raise ProfileError(f"{where}.allow_domains must be a list of domain strings")
            cur = [] if replace else list(out.get("allow_domains", []))
            out["allow_domains"] = cur + [d.lower() for d in val if d.lower() not in cur]
        elif isinstance(val, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(dict(out[key]), val, f"{where}.{key}")
        else:
            out[key] = val
    return out


def load_project_config(root: str | Path = ".") -> dict[str, Any]:
    """``replykit.toml`` at ``root`` (empty dict when absent), read by the project's one reader."""
    from ..project import read_config

    return read_config(Path(root))


def load_profile(name: str, project_config: Mapping[str, Any] | None = None) -> Profile:
    """The packaged profile ``name`` with the project's ``[profiles.all]`` and ``[profiles.<name>]`` merged over it."""
    key = name.lower().replace("-", "_")
    if not project_config:
        return _cached_profile(key)
    data = _strictest() if key == "all" else json.loads(json.dumps(_packaged(key)))
    profiles = project_config.get("profiles", {}) or {}
    for section in ("all", key) if key != "all" else ("all",):
        over = profiles.get(section)
        if over:
            data = _merge(data, over, f"replykit.toml [profiles.{section}]")
    return Profile(key, data)


@lru_cache(maxsize=None)
def _cached_profile(key: str) -> Profile:
    data = _strictest() if key == "all" else _packaged(key)
    return Profile(key, data)


def combined_profile(profiles: "list[Profile] | tuple[Profile, ...]") -> Profile:
    """One profile for text every one of ``profiles`` will show (a catalogue shared by several
    marketplaces): each rule at its strictest severity among them, the union of their allow-lists."""
    if len(profiles) == 1:
        return profiles[0]
    data = json.loads(json.dumps(profiles[0].data))
    sev: dict[str, str] = {}
    domains: list[str] = []
    for p in profiles:
        for rid, s in p.data["severity"].items():
            if rid not in sev or SEVERITY_RANK[s] > SEVERITY_RANK[sev[rid]]:
                sev[rid] = s
        domains += [d for d in p.allow_domains if d not in domains]
    data.update(name="+".join(p.name for p in profiles), severity=sev, allow_domains=domains,
                learned_second_opinion=any(p.learned for p in profiles),  # its warnings if any of them wants them
                learned_veto=all(p.veto for p in profiles))  # an error kept if any of them wants it kept
    return Profile(data["name"], data)

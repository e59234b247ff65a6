"""What the HTTP API does, as plain library calls: render with findings, lint, describe, reload.

A :class:`Service` holds the pack being served and swaps it with a single assignment on reload,
so a request in flight finishes on the pack it started with and a pack that fails to load or
verify never replaces a good one. Rendering with findings is the library's
``Pack.render(..., checker=)`` (:mod:`replykit.checked`).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checked import judge
from ..errors import ReplykitError, VariableError
from ..marketplaces import marketplace as marketplace_facts
from ..project import Project
from ..rendering.renderer import Reply
from . import backend
from .backend import Loaded
from .schema import variable_errors


class RequestError(ReplykitError):
    """A request the API refuses; ``status`` is its HTTP code, ``field`` the part to blame."""

    def __init__(self, status: int, error: str, message: str, field: str | None = None,
                 extra: Mapping[str, Any] | None = None) -> None:
        self.status = status
        self.error = error
        self.field = field
        self.extra = dict(extra or {})
        super().__init__(message)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"error": self.error, "message": str(self)}
        if self.field is not None:
            data["field"] = self.field
        data.update(self.extra)
        return data


@dataclass(frozen=True, slots=True)
class Origin:
    """Where the served pack comes from, read anew on every reload.

    ``pack``: a published pack folder; else the project's ``build/CURRENT``; with ``sources``
    the project's templates and .po files (the translator preview picks up edits on reload).
    ``pinned`` (several workers): a file naming the pack an admin reload asked for, which every
    worker serves until a reload without a pack clears it.
    """

    project: Project
    pack: Path | None = None
    sources: bool = False
    pinned: Path | None = None

    def load(self, override: str | None = None) -> Loaded:
        if override:
            return backend.load_pack_at(override)
        pinned = self.pinned_pack()
        if pinned is not None:
            return backend.load_pack_at(pinned)
        if self.sources:
            return backend.load_sources(self.project)
        if self.pack is not None:
            return backend.load_pack_at(self.pack)
        return backend.load_project_pack(self.project)

    def pinned_pack(self) -> str | None:
        if self.pinned is None:
            return None
        try:
            return self.pinned.read_text(encoding="utf-8") or None
        except FileNotFoundError:
            return None

    def pin(self, pack: str | None) -> None:
        """Record ``pack`` (resolved) for every worker's next reload; None: back to the configured pack."""
        if self.pinned is None:
            return
        if pack is None:
            self.pinned.unlink(missing_ok=True)
            return
        staging = self.pinned.with_name(f".pinned-{os.getpid()}")
        staging.write_text(str(Path(pack).resolve()), encoding="utf-8")
        os.replace(staging, self.pinned)  # atomic: a worker reads the old or the new name, never half


@dataclass(frozen=True, slots=True)
class ReloadResult:
    previous: str
    current: str

    def to_dict(self) -> dict[str, Any]:
        return {"previous": self.previous, "pack": self.current, "changed": self.previous != self.current}


def _text_field(body: Mapping[str, Any], name: str, *, required: bool = True) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise RequestError(422, "invalid_field", f"{name}: expected a non-empty string", name)
    return value


def require_object(body: Any, what: str = "request body") -> Mapping[str, Any]:
    if not isinstance(body, Mapping):
        raise RequestError(400, "bad_request", f"{what}: expected a JSON object")
    return body


class Service:
    """The pack being served and the calls the HTTP API makes on it; thread-safe."""

    def __init__(self, origin: Origin, *, warm: bool = True) -> None:
        self.origin = origin
        self.warm = warm
        self._reload_lock = threading.Lock()
        self.checker = backend.checker(origin.project)
        self.judge = judge(self.checker)  # value verdicts do not depend on the pack: its caches outlive reloads
        self._loaded = self._prepare(origin.load())

    def _prepare(self, loaded: Loaded) -> Loaded:
        if self.warm:
            loaded.warm()
        return loaded

    @property
    def pack(self) -> Loaded:
        return self._loaded

    # --- reload ---------------------------------------------------------------------------

    def reload(self, pack: str | None = None) -> ReloadResult:
        """Load (and verify) the pack anew and swap it in; on failure raise and keep the old one."""
        with self._reload_lock:
            previous = self._loaded.id
            loaded = self._prepare(self.origin.load(pack))
            self._loaded = loaded  # one assignment: requests see the old or the new pack
            return ReloadResult(previous, loaded.id)

    # --- describe -------------------------------------------------------------------------

    def scenarios(self) -> list[dict[str, Any]]:
        return [{k: v for k, v in s.to_dict().items() if k != "variables"} for s in self.pack.scenarios.values()]

    def scenario(self, scenario_id: str) -> dict[str, Any]:
        spec = self.pack.renderer.scenario(scenario_id)
        return {**spec.to_dict(), "variables": spec.json_schema(),
                "samples": {m: spec.samples(m) for m in spec.marketplaces}}

    def manifest(self) -> dict[str, Any]:
        return dict(self.pack.manifest)

    def rules(self, marketplace: str | None = None) -> list[dict[str, Any]]:
        if marketplace is not None:
            marketplace_facts(marketplace)  # UnknownMarketplaceError names the known ones
        return self.checker.rules(marketplace)

    # --- render and lint ------------------------------------------------------------------

    def render(self, body: Any, accept_language: str | None = None) -> Reply:
        """Render a ``{scenario, marketplace, locale?, variables, channel?}`` request with its findings.

        The locale comes from the body, else ``accept_language``, else the source locale;
        ``reply.findings`` are what the ticket's variables bring in (:mod:`replykit.checked`).
        """
        body = require_object(body)
        loaded = self._loaded
        scenario = loaded.renderer.scenario(_text_field(body, "scenario") or "")
        marketplace = _text_field(body, "marketplace") or ""
        marketplace_facts(marketplace)
        locale = _text_field(body, "locale", required=False) or accept_language or loaded.renderer.source_locale
        channel = _text_field(body, "channel", required=False)
        variables = body.get("variables", {})
        if not isinstance(variables, Mapping):
            raise RequestError(422, "invalid_variables", "variables: expected a JSON object", "variables")
        try:
            return loaded.render(scenario.id, locale=locale, marketplace=marketplace, variables=variables,
                                 channel=channel, checker=self.judge)
        except VariableError:
            raise _variables_error(variable_errors(scenario, variables)) from None

    def lint(self, body: Any) -> dict[str, Any]:
        """``{marketplace, message: {subject, html?, text?, context?}}`` -> ``replykit lint --format json``."""
        body = require_object(body)
        marketplace = _text_field(body, "marketplace") or ""
        marketplace_facts(marketplace)
        try:
            message = backend.message_from_json(body.get("message"))
        except ValueError as error:
            raise RequestError(422, "invalid_field", f"message: {error}", "message") from None
        report = backend.LintReport(findings=self.checker.lint(message, marketplace))
        return report.to_json()


def _variables_error(errors: list[VariableError]) -> RequestError:
    fields = [{"field": e.field, "message": e.reason} for e in errors]
    return RequestError(422, "invalid_variables", "; ".join(str(e) for e in errors),
                        errors[0].field if errors else "variables", {"fields": fields})


def parse_json(raw: bytes) -> Any:
    """A request body as JSON; a one-line 400 naming line and column otherwise."""
    try:
        return json.loads(raw)
    except UnicodeDecodeError as error:
        raise RequestError(400, "bad_json", f"request body is not UTF-8 ({error.reason} at byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise RequestError(400, "bad_json", f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise RequestError(400, "bad_json", "malformed JSON: nested too deeply") from None


__all__ = ["Origin", "ReloadResult", "RequestError", "Service", "parse_json", "require_object"]

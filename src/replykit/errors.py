"""Error types: each names the file, line or field where bad input entered.

Every error replykit raises on purpose is a :class:`ReplykitError`; the CLI prints
``str(error)`` as one line and exits 2, so messages must be actionable on their own.
"""

from __future__ import annotations

from pathlib import Path


MAX_REASON = 500  # characters of a reason; a parser may quote a whole hostile string


def one_line(text: str) -> str:
    """``text`` as one short line: line breaks written as ``\\n``, cut at MAX_REASON characters."""
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    return text if len(text) <= MAX_REASON else text[:MAX_REASON] + "…"


class ReplykitError(Exception):
    """Base class of every error replykit raises on purpose; its text is always one line."""

    def __str__(self) -> str:
        return one_line(super().__str__())


class SourceError(ReplykitError):
    """A project file (template, scenario, catalogue, config) is unusable."""

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[object, ...]:  # keep the fields across a process pool
        return (type(self), (self.path, self.reason, self.line))


class TemplateError(SourceError):
    """A template does not parse or uses something its scenario does not declare."""


class CatalogueError(SourceError):
    """A .po/.mo catalogue is unusable or a translation cannot be baked safely."""


class UnknownScenarioError(ReplykitError):
    """The requested scenario id does not exist."""


class UnknownMarketplaceError(ReplykitError):
    """The requested marketplace id is not known."""


class UnknownChannelError(ReplykitError):
    """The requested channel is not one the marketplace sends through (``email``, ``api``)."""


class ScenarioNotPermittedError(ReplykitError):
    """The marketplace's rules forbid sending this scenario."""


class LocaleError(ReplykitError):
    """A locale identifier or Accept-Language value cannot be understood."""


class VariableError(ReplykitError):
    """Ticket variables do not match the scenario schema; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.reason = message
        super().__init__(f"variable {field!r}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.field, self.reason))


class PackError(ReplykitError):
    """A pack cannot be built, published or loaded."""


class SignatureError(PackError):
    """A pack's signature or a signing key is missing, malformed or does not match."""


class DeadlineError(ReplykitError):
    """A reply deadline cannot be computed: an unknown kind, or a time without a time zone."""

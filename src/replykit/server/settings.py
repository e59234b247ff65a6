"""What ``replykit serve`` was asked for, passed to each uvicorn worker through the environment."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from ..project import Project
from .service import Origin

DEFAULT_MAX_BODY = 1024 * 1024
#: Environment variable carrying the settings to each uvicorn worker process.
SETTINGS_ENV = "REPLYKIT_SERVE"
#: Set by ``replykit serve --workers N``: the supervisor to signal so that every worker reloads.
SUPERVISOR_ENV = "REPLYKIT_SUPERVISOR_PID"
#: Set by ``replykit serve --workers N``: a folder the workers share, holding the pack an admin
#: reload named (``pinned``) so that every worker reloads that one.
RUNTIME_ENV = "REPLYKIT_RUNTIME_DIR"


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the pack comes from and how requests are limited; JSON-able."""

    project: str | None = None
    pack: str | None = None
    sources: bool = False
    preview: bool = False
    max_body: int = DEFAULT_MAX_BODY
    warm: bool = True

    def origin(self) -> Origin:
        runtime = os.environ.get(RUNTIME_ENV)
        return Origin(Project.at(self.project), Path(self.pack) if self.pack else None, self.sources,
                      Path(runtime) / "pinned" if runtime else None)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Settings:
        return cls(**json.loads(text))

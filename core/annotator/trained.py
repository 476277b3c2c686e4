"""The annotator's learned parts, as one model: load, save, and the bundled default.

``resources/models/annotator.json`` holds the weights trained on the development corpus by
``iqtibas train --gold ../shared/corpus`` (a test checks that the shipped file is what that
command builds). ``iqtibas train`` also refits them on a team's reviewed files, and
``annotate --model FILE`` or the window's Preferences use such a file instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from core.annotator.calibration import Calibration
from core.annotator.ranker import Ranker
from core.errors import InputError
from core.resources import resource

DEFAULT_MODEL = "models/annotator.json"
FORMAT = "iqtibas-annotator-model"
VERSION = 1


@dataclass
class AnnotatorModel:
    """Weights of every trained component, and a note of what they were trained on.

    ``mention`` chooses where a speaker's mention ends; ``speaker`` (attribution) chooses which
    mention, carry-over or nobody is the speaker, and ``calibration`` turns its probability into
    the speaker confidence; ``boilerplate`` tells site furniture from content paragraph by
    paragraph; ``naming`` chooses among the names a speaker was written with (none: the
    rules' fullest name).
    """

    mention: Ranker = field(default_factory=Ranker)
    speaker: Ranker = field(default_factory=Ranker)
    calibration: Calibration = field(default_factory=Calibration)
    boilerplate: Ranker = field(default_factory=Ranker)
    meta: dict[str, Any] = field(default_factory=dict)
    naming: Ranker = field(default_factory=Ranker)

    @property
    def is_trained(self) -> bool:
        return bool(self.mention.weights and self.speaker.weights)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "meta": self.meta,
            "mention": self.mention.to_json(),
            "speaker": self.speaker.to_json(),
            "speaker_calibration": self.calibration.to_json(),
            "boilerplate": self.boilerplate.to_json(),
            "naming": self.naming.to_json(),
        }

    @classmethod
    def from_json(cls, data: Any, *, source: str = "model") -> AnnotatorModel:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"{source}: not an Iqtibas annotator model")
        if data.get("version") != VERSION:
            raise ValueError(f"{source}: model version {data.get('version')!r}, this program reads {VERSION}")
        return cls(
            Ranker.from_json(data.get("mention", {})),
            Ranker.from_json(data.get("speaker", {})),
            Calibration.from_json(data.get("speaker_calibration", [])),
            Ranker.from_json(data.get("boilerplate", {})),
            dict(data.get("meta", {})),
            Ranker.from_json(data.get("naming", {})),
        )

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load_model(path: str | Path) -> AnnotatorModel:
    """A model file written by ``iqtibas train``; a clear error naming the file otherwise."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return AnnotatorModel.from_json(data, source=str(path))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError, TypeError, AttributeError) as error:
        raise InputError(path, f"cannot read the annotator model: {error}") from None


_LOADED: dict[tuple[str, int], AnnotatorModel] = {}


def model_from(path: str | Path | None) -> AnnotatorModel | None:
    """The model in the file at ``path``, read once per process and again after the file changes
    (``None`` for no path: the bundled model). The window and ``annotate --jobs`` annotate many
    articles per process; parsing the model for each would cost more than annotating a short one.
    """
    if path is None or str(path) == "":
        return None
    path = Path(path)
    try:
        key = (str(path.resolve()), path.stat().st_mtime_ns)
    except OSError as error:
        raise InputError(path, f"cannot read the annotator model: {error.strerror or error}") from None
    if key not in _LOADED:
        _LOADED.clear()  # one model in use at a time; a retrained file replaces the old one
        _LOADED[key] = load_model(path)
    return _LOADED[key]


@cache
def default_model() -> AnnotatorModel:
    """The bundled model (empty weights if it is missing: the rules' own choices then win)."""
    node = resource(DEFAULT_MODEL)
    if not node.is_file():
        return AnnotatorModel()
    return AnnotatorModel.from_json(json.loads(node.read_text(encoding="utf-8")), source=DEFAULT_MODEL)

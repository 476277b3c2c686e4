"""Arabic for surfaces without a shaping engine: old terminals (and images drawn without raqm).

Qt and modern terminals shape and reorder Arabic themselves, so nothing else in Iqtibas uses this.
Here each line is reshaped (arabic-reshaper: contextual letter forms, lam-alef ligatures) and put
in visual order with python-bidi's pure-Python ``bidi.algorithm.get_display``, which mirrors
brackets and guillemets (rule L4); python-bidi 0.6's Rust ``bidi.get_display`` does not.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _reshaper() -> Any:
    import arabic_reshaper

    # Keep diacritics and avoid optional ligatures so the printout stays close to the text.
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


def visual_line(line: str, base_dir: str | None = "R") -> str:
    """One line of logical-order text as a terminal without bidi support should print it."""
    from bidi.algorithm import get_display

    if not line.strip():
        return line
    return str(get_display(_reshaper().reshape(line), base_dir=base_dir))

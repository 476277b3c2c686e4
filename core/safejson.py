"""Parsing JSON that people hand us: standard JSON only, within limits a hostile file cannot pass.

Python's ``json`` module is lenient where a file from elsewhere can hurt:

* it reads ``NaN``, ``Infinity`` and ``1e999`` (infinite), which are not JSON: written back, other
  tools' parsers refuse the file;
* it recurses once per level of nesting, so 100,000 brackets raise ``RecursionError``;
* it converts integers of any length, and above 4,300 digits raises ``ValueError``;
* it accepts ``"\\ud800"``, a lone surrogate: valid JSON, but not text, so the value can never be
  encoded as UTF-8 again (printing or saving it raises).

``parse_json`` refuses all of these while parsing, with one line saying what and where, raised as
the caller's error class naming the file: the parser's hooks refuse the constants and over-long
or infinite numbers as they are read, and its recursion guard stops runaway nesting; then the
nesting of what was parsed is measured (containers of scalars, nearly every annotation, are passed
over at C speed). Surrogates are looked for only when the file spells one as an escape (UTF-8
bytes cannot hold one). A 7.6 MB annotation file (22,000 annotations) parses in about 60 ms
instead of 35 ms, a tenth of its whole load (``benchmarks/bench_schema_check.py``).

``dumps`` writes what ``parse_json`` reads (never ``NaN``), and ``unstorable`` finds, in data
about to be written, the first value JSON or UTF-8 cannot hold, so a save can refuse with the
place instead of a Python exception.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from itertools import chain, compress
from pathlib import Path
from typing import Any

from core.errors import InputError

MAX_DEPTH = 64
"""Deepest nesting accepted: an annotation file needs 4 levels; newer fields get room to grow."""
MAX_NUMBER_LENGTH = 100
"""Longest number literal accepted, in characters (offsets have at most 8 digits)."""

# "\ud800" … "\udfff" spelled as an escape (whether the backslash is itself escaped is settled
# by the exact check on the parsed strings).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTAINERS = frozenset((dict, list))


class _Refused(Exception):
    """Raised from the parser's hooks; becomes the caller's error naming the file."""


def parse_json(text: str, path: str | Path, error: type[InputError] = InputError, *, where: str = "") -> Any:
    """Parse ``text`` as strict JSON within the limits above.

    ``where`` prefixes the problem (``"line 3: "`` for one line of a JSON Lines file).

    Raises:
        error: ``path`` and the problem: a syntax error (line and column), nesting deeper than
            ``MAX_DEPTH``, a number longer than ``MAX_NUMBER_LENGTH`` characters, NaN or an
            infinite number, or a string holding a lone surrogate (with its place in the data).
    """
    problem: str | None
    try:
        data = json.loads(
            text, parse_constant=_refuse_constant, parse_float=_finite_float, parse_int=_short_int
        )
    except _Refused as refused:
        problem = str(refused)
    except json.JSONDecodeError as syntax:
        problem = f"JSON syntax error at line {syntax.lineno}, column {syntax.colno}: {syntax.msg}"
    except RecursionError:  # the parser's own guard, far below what would exhaust the stack
        problem = _TOO_DEEP
    else:
        problem = None
        if _deeper_than(data, MAX_DEPTH):
            problem = _TOO_DEEP
        elif _SURROGATE_ESCAPE.search(text) is not None:
            found = _first_surrogate(data)
            if found is not None:
                place, char = found
                problem = (
                    f"at {place}: holds a lone surrogate (\\u{ord(char):04x}), which is not text "
                    "and cannot be saved as UTF-8"
                )
        if problem is None:
            return data
    raise error(path, where + problem)


_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether lists and objects nest more than ``limit`` levels in ``data``.

    Level by level, without recursion; each level's values are filtered at C speed (a file of
    22,000 annotations has four levels and takes a few milliseconds).
    """
    level = [data] if type(data) in _CONTAINERS else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        values = list(chain.from_iterable(map(_children, level)))
        level = list(compress(values, map(_CONTAINERS.__contains__, map(type, values))))
    return False


def _children(node: dict[str, Any] | list[Any]) -> Iterable[Any]:
    return node.values() if type(node) is dict else node


def _short_int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_LENGTH:
        raise _Refused(f"a number of {len(literal):,} digits (at most {MAX_NUMBER_LENGTH} are accepted)")
    return int(literal)


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a JSON number (NaN and Infinity are refused)")


def _finite_float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_LENGTH:
        raise _Refused(f"a number of {len(literal):,} characters (at most {MAX_NUMBER_LENGTH} are accepted)")
    value = float(literal)
    if not math.isfinite(value):
        raise _Refused(f"the number {literal} is too large (it would be infinite)")
    return value


def _walk(data: Any) -> Iterator[tuple[str, Any]]:
    """Every key and value in ``data`` with its place (``annotations/3/note``), in document order.

    Iterative, so data nested as deep as Python's parser allows cannot exhaust the stack.
    """
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        place, node = stack.pop()
        yield place or "(top level)", node
        if isinstance(node, dict):
            inner = [(f"{place}/{key}" if place else str(key), key, value) for key, value in node.items()]
            for where, key, _ in inner:
                yield where, key
            stack.extend((where, value) for where, _, value in reversed(inner))
        elif isinstance(node, (list, tuple)):
            stack.extend(
                (f"{place}/{index}" if place else str(index), value)
                for index, value in reversed(list(enumerate(node)))
            )


def _first_surrogate(data: Any) -> tuple[str, str] | None:
    for place, value in _walk(data):
        if isinstance(value, str):
            match = _SURROGATE.search(value)
            if match is not None:
                return place, match.group()
    return None


def dumps(value: Any) -> str:
    """``value`` as compact JSON, UTF-8 kept readable; NaN and infinity raise ``ValueError``."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


# Characters some readers end a line at (str.splitlines, JavaScript before ES2019): in JSON Lines
# they are written as escapes, so one record is always one line for every reader.
_LINE_BREAK_ESCAPES = {code: f"\\u{code:04x}" for code in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)}


def dumps_line(value: Any) -> str:
    """``dumps`` for one JSON Lines record: also no character any reader takes for a line end."""
    return dumps(value).translate(_LINE_BREAK_ESCAPES)


def unstorable(data: Any) -> str | None:
    """Where ``data`` holds something JSON or UTF-8 cannot store, as one line; None if nothing.

    Looks for NaN and infinite numbers, lone surrogates in strings and keys, and values of types
    JSON has no form for. Called after a save failed, to say why (``InputError`` makes the line
    printable).
    """
    for place, value in _walk(data):
        if isinstance(value, float) and not math.isfinite(value):
            return f"at {place}: {value} is not a number JSON can store"
        if isinstance(value, str):
            match = _SURROGATE.search(value)
            if match is not None:
                return (
                    f"at {place}: a lone surrogate (\\u{ord(match.group()):04x}) "
                    "is not text and cannot be saved as UTF-8"
                )
        elif value is not None and not isinstance(value, (bool, int, float, dict, list, tuple)):
            return f"at {place}: a {type(value).__name__} has no JSON form"
    return None

"""Why ``core.jsonformat.fastcheck`` exists: the schema check of a large annotation file, three ways.

A 1 MB article with dense annotations (the bundled sample's automatic annotations repeated, as in
``bench_gui.py``) is saved and parsed once; then its schema check is timed with jsonschema (which
reports every problem with its path, used for refusals), with the whole schema compiled by
fastjsonschema, and with the fast check (fastjsonschema, each distinct shape of annotation checked
once). Also prints the safe parse against plain ``json.loads`` and a whole ``load_document``.
Prints figures, asserts nothing. Run:

    python benchmarks/bench_schema_check.py [--size-mb 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_gui import dense_document  # noqa: E402

from core.jsonformat import load_document, save_document  # noqa: E402
from core.jsonformat.fastcheck import fast_check  # noqa: E402
from core.jsonformat.validation import validator  # noqa: E402
from core.resources import SCHEMA, read_json  # noqa: E402
from core.safejson import parse_json  # noqa: E402


def best_of(repeat: int, action: Callable[[], Any]) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by the machine's other work)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import fastjsonschema

    document = dense_document(args.size_mb)
    path = Path(tempfile.mkdtemp(prefix="iqtibas-bench-")) / "article.iqtibas.json"
    save_document(document, path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    whole_schema = fastjsonschema.compile(read_json(SCHEMA))
    fast = fast_check()
    fast(data)  # compile and warm up outside the timing
    reference = validator()
    rows = [
        ("jsonschema (reports every problem)", best_of(1, lambda: reference.validate(data))),
        ("fastjsonschema, whole schema", best_of(args.repeat, lambda: whole_schema(data))),
        ("fast check (one check per shape)", best_of(args.repeat, lambda: fast(data))),
        ("json.loads", best_of(args.repeat, lambda: json.loads(text))),
        ("core.safejson.parse_json", best_of(args.repeat, lambda: parse_json(text, path))),
        ("load_document (read, parse, check, build)", best_of(args.repeat, lambda: load_document(path))),
    ]
    print(f"{len(text.encode('utf-8')) / 1e6:.2f} MB, {len(data['annotations']):,} annotations, Python {sys.version.split()[0]}")
    for name, seconds in rows:
        print(f"{name:<45} {seconds:7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

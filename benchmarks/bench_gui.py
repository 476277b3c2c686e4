"""Window benchmark: start to painted window, opening, one correction with its repaint, memory.

Articles: ~20 KB, 1 MB and 5 MB of Arabic news text with dense annotations (the bundled sample's
automatic annotations repeated, about 22 annotations per KB). Prints one table; numbers are wall
clock on this machine (noisy: repeat runs differ). Run:

    python benchmarks/bench_gui.py            # all three sizes
    python benchmarks/bench_gui.py --sizes 0.02 1
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def dense_document(megabytes: float):  # type: ignore[no-untyped-def]
    """The sample article repeated to ``megabytes`` (UTF-8), its annotations copied to every copy."""
    from core.articles import document_from_text
    from core.model import REFERENCE_FIELDS, Document
    from core.resources import SAMPLE_ARTICLE, read_text

    base_text = read_text(SAMPLE_ARTICLE).rstrip("\n") + "\n"
    base = document_from_text(base_text, doc_id="sample", source=None)
    copies = max(1, round(megabytes * 1_000_000 / len(base_text.encode("utf-8"))))
    annotations = []
    for copy in range(copies):
        shift = copy * len(base_text)
        for annotation in base:
            changes = {name: f"{getattr(annotation, name)}_{copy}" for name in REFERENCE_FIELDS if getattr(annotation, name)}
            annotations.append(annotation.with_changes(id=f"{annotation.id}_{copy}", start=annotation.start + shift, end=annotation.end + shift, **changes))
    return Document(base_text * copies, id=f"bench-{megabytes}", annotations=annotations)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_in_process(path: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from core.articles import open_article
    from gui.application.main_window import MainWindow
    from gui.document.recovery import RecoveryStore
    from gui.document.session import DocumentSession

    app = QApplication.instance() or QApplication([])
    window = MainWindow(recovery=RecoveryStore(Path(tempfile.mkdtemp()) / "recovery"))
    window.resize(1300, 820)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    opened = open_article(path)
    loaded = time.perf_counter()
    session = DocumentSession(opened.document, article_path=opened.article_path, annotation_path=opened.annotation_path, from_saved=True)
    window.files._show(session)
    window.view.viewport().repaint()
    window.outline.tree.viewport().repaint()
    shown = time.perf_counter()
    app.processEvents()
    usable = time.perf_counter()
    document = session.document
    quotes = document.of_type("quote")
    middle = quotes[len(quotes) // 2]
    window.workspace.select(middle.id)
    app.processEvents()
    timings: dict[str, list[float]] = {"status": [], "speaker": [], "boundary": []}
    for round_number in range(15):
        for name, action in (
            ("status", lambda n=round_number: window.edit.set_status(("accepted", "rejected", "pending")[n % 3])),
            ("speaker", lambda n=round_number: window.edit.set_speaker(f"متحدث {n}")),
            ("boundary", lambda n=round_number: window.edit.move_boundary("end", 1 if n % 2 == 0 else -1, "word")),
        ):
            t0 = time.perf_counter()
            action()
            window.view.viewport().repaint()  # synchronous paint of the visible article
            timings[name].append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    window.workspace.undo()
    window.view.viewport().repaint()
    undo_ms = (time.perf_counter() - t0) * 1000
    result = {
        "core_load_s": loaded - started,
        "gui_show_s": shown - loaded,
        "open_to_usable_s": usable - started,
        "undo_ms": undo_ms,
        "rss_mb": rss_mb(),
        "annotations": float(len(document)),
        "chars": float(len(document.text)),
    }
    for name, values in timings.items():
        result[f"{name}_ms"] = statistics.median(values)
        result[f"{name}_max_ms"] = max(values)
    window.workspace.session.undo_stack.setClean()
    window.close()
    return result


def measure_startup(path: Path) -> tuple[float, float]:
    """Seconds from launching ``python -m gui FILE --screenshot`` to the PNG written, and peak RSS."""
    out = Path(tempfile.mkdtemp()) / "shot.png"
    env = {**os.environ, "HOME": tempfile.mkdtemp(), "XDG_CONFIG_HOME": tempfile.mkdtemp(), "XDG_DATA_HOME": tempfile.mkdtemp()}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gui", str(path), "--screenshot", str(out), "--no-recovery", "--size", "1300x820"], cwd=ROOT, env=env, check=True, capture_output=True)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="*", type=float, default=[0.02, 1.0, 5.0], help="article sizes in MB")
    args = parser.parse_args()
    from core.jsonformat import save_document

    folder = Path(tempfile.mkdtemp(prefix="iqtibas-bench-"))
    rows = []
    for size in args.sizes:
        document = dense_document(size)
        article = folder / f"article-{size}MB.txt"
        article.write_text(document.text, encoding="utf-8")
        annotations = folder / f"article-{size}MB.iqtibas.json"
        save_document(document, annotations)
        startup_s, child_rss = measure_startup(annotations)
        measured = measure_in_process(annotations)
        rows.append((size, len(document.text.encode("utf-8")), startup_s, child_rss, measured))
        print(f"measured {size} MB", file=sys.stderr, flush=True)
    print(f"PySide6 GUI benchmark ({sys.platform}, Python {sys.version.split()[0]}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']})")
    header = (
        "size     | annotations | start→painted window | open: core load + gui show = usable | "
        "correction+repaint median/max (status, speaker, boundary) | undo | RSS (child)"
    )
    print(header)
    print("-" * len(header))
    for size, nbytes, startup_s, child_rss, m in rows:
        print(
            f"{nbytes / 1e6:5.2f} MB | {int(m['annotations']):11,} | {startup_s:17.2f} s | "
            f"{m['core_load_s']:6.2f} s + {m['gui_show_s']:5.3f} s = {m['open_to_usable_s']:6.2f} s | "
            f"{m['status_ms']:5.1f}/{m['status_max_ms']:5.1f}, {m['speaker_ms']:5.1f}/{m['speaker_max_ms']:5.1f}, "
            f"{m['boundary_ms']:5.1f}/{m['boundary_max_ms']:5.1f} ms | {m['undo_ms']:5.1f} ms | {child_rss:6.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

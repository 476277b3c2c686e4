"""Window benchmark: opening against a bare text view, then corrections, repaint and memory.

Opening, compared with a bare ``QPlainTextEdit`` showing the same text in a fresh process (the
least any Qt program needs to put that text on screen). Each figure is the wall-clock time from
launching the process to the moment, as the program reports it (``IQTIBAS_MILESTONES``):

- saved file, usable: a saved 1 MB article's annotation file painted with its highlights and
  outline, ready for corrections (target: within 3x bare, aim 2x); by default its checks run in
  a forked process only when a core is idle (``gui.document.opening``), so it is also measured
  with the forked check forced on and off (``IQTIBAS_CHECK_IN_FORK``): which is faster shows
  whether this machine has a core to spare;
- article, text shown: a 1 MB ``.txt`` article's text painted, its annotation still running in
  the helper process (target: within 2x bare); and when it became usable, for information.

The 1 MB article is the bundled sample repeated (its automatic annotations copied to every copy,
about 22 annotations per KB), built at run time in a temporary folder. Python's bytecode cache is
on in the launched processes (in a temporary folder, warmed up first), as in an installed program.
Then, in this process: one correction with its repaint, undo, memory, for ~20 KB, 1 MB and 5 MB.
Numbers are medians of a few runs on this machine and move with its load. Run:

    python benchmarks/bench_gui.py                  # everything
    python benchmarks/bench_gui.py --runs 7 --sizes 1
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Reports, like the window, the moment its first paint of the text is done.
BARE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication, QPlainTextEdit
    app = QApplication([])
    class View(QPlainTextEdit):
        def paintEvent(self, event):
            super().paintEvent(event)
            print("iqtibas-milestone text-painted", f"{time.time():.4f}", file=sys.stderr, flush=True)
            app.quit()
    view = View()
    view.setReadOnly(True)
    view.setPlainText(open(sys.argv[1], encoding="utf-8").read())
    view.resize(1300, 820)
    view.show()
    app.exec()
    """
)


def dense_document(megabytes: float) -> Any:
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


def child_env(cache: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    home = tempfile.mkdtemp()
    return {**env, "PYTHONPYCACHEPREFIX": str(cache), "IQTIBAS_MILESTONES": "1", "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data"}


def milestones(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launching ``command`` to each milestone it reports."""
    started = time.time()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    found = {}
    for line in result.stderr.splitlines():
        if line.startswith("iqtibas-milestone "):
            _tag, name, stamp = line.split()
            found[name] = float(stamp) - started
    if "text-painted" not in found:
        raise RuntimeError(f"{command}: no milestone reported (exit {result.returncode}): {result.stderr[-500:]}")
    return found


def opening_ratios(runs: int) -> None:
    from core.jsonformat import save_document

    folder = Path(tempfile.mkdtemp(prefix="iqtibas-bench-open-"))
    cache = folder / "pycache"
    document = dense_document(1.0)
    article = folder / "txt" / "article.txt"
    article.parent.mkdir()
    article.write_text(document.text, encoding="utf-8")
    saved = folder / "json" / "article.iqtibas.json"
    saved.parent.mkdir()
    save_document(document, saved)
    bare_script = folder / "bare.py"
    bare_script.write_text(BARE, encoding="utf-8")
    env = child_env(cache)
    window = [sys.executable, "-m", "gui", "--no-recovery", "--size", "1300x820", "--screenshot", str(folder / "shot.png")]
    commands = {
        "bare": [sys.executable, str(bare_script), str(article)],
        "saved": [*window, str(saved)],
        "saved-forked": [*window, str(saved)],
        "saved-in-process": [*window, str(saved)],
        "article": [*window, str(article)],
    }
    envs = dict.fromkeys(commands, env)
    envs["saved-forked"] = {**env, "IQTIBAS_CHECK_IN_FORK": "1"}
    envs["saved-in-process"] = {**env, "IQTIBAS_CHECK_IN_FORK": "0"}
    for name, command in commands.items():  # warm the bytecode cache and the file system cache
        milestones(command, envs[name])
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _run in range(runs):
        for name, command in commands.items():
            samples[name].append(milestones(command, envs[name]))

    def median(name: str, milestone: str) -> float:
        return statistics.median(sample[milestone] for sample in samples[name])

    bare = median("bare", "text-painted")
    rows = [
        ("bare QPlainTextEdit, text painted", bare, None),
        ("saved 1 MB file, usable", median("saved", "usable"), "target <= 3x, aim 2x"),
        ("  the same, checks in a forked process", median("saved-forked", "usable"), "IQTIBAS_CHECK_IN_FORK=1"),
        ("  the same, checks in the window's", median("saved-in-process", "usable"), "IQTIBAS_CHECK_IN_FORK=0"),
        ("1 MB article, text shown", median("article", "text-painted"), "target <= 2x"),
        ("1 MB article, annotated and usable", median("article", "usable"), "annotation in the helper"),
    ]
    load = f"1-minute load {os.getloadavg()[0]:.1f} on {len(os.sched_getaffinity(0))} cores" if hasattr(os, "getloadavg") and hasattr(os, "sched_getaffinity") else ""
    print(f"Opening ({len(document.text.encode('utf-8')) / 1e6:.2f} MB article, {len(document):,} annotations; median of {runs} runs, from launch; {load})")
    for label, seconds, note in rows:
        ratio = f"{seconds / bare:4.1f}x bare" if note else "    1.0x"
        print(f"  {label:38} {seconds:6.3f} s  {ratio}  {note or ''}".rstrip())


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
    window.workspace.set_session(session)
    window.view.viewport().repaint()
    window.outline.tree.viewport().repaint()
    shown = time.perf_counter()
    document = session.document
    quotes = document.of_type("quote")
    window.workspace.select(quotes[len(quotes) // 2].id)
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
    result = {"core_load_s": loaded - started, "gui_show_s": shown - loaded, "undo_ms": undo_ms, "rss_mb": rss_mb(), "annotations": float(len(document))}
    for name, values in timings.items():
        result[f"{name}_ms"] = statistics.median(values)
        result[f"{name}_max_ms"] = max(values)
    session.undo_stack.setClean()
    window.close()
    return result


def corrections_table(sizes: list[float]) -> None:
    from core.jsonformat import save_document

    folder = Path(tempfile.mkdtemp(prefix="iqtibas-bench-"))
    print("In one process: core load + gui show, then a correction with its repaint (median/max), undo, peak RSS")
    for size in sizes:
        document = dense_document(size)
        path = folder / f"article-{size}MB.iqtibas.json"
        save_document(document, path)
        m = measure_in_process(path)
        print(
            f"  {len(document.text.encode('utf-8')) / 1e6:5.2f} MB, {int(m['annotations']):7,} annotations: "
            f"load {m['core_load_s']:5.2f} s + show {m['gui_show_s']:5.3f} s | status {m['status_ms']:5.1f}/{m['status_max_ms']:5.1f}, "
            f"speaker {m['speaker_ms']:5.1f}/{m['speaker_max_ms']:5.1f}, boundary {m['boundary_ms']:5.1f}/{m['boundary_max_ms']:5.1f} ms | "
            f"undo {m['undo_ms']:5.1f} ms | RSS {m['rss_mb']:4.0f} MB"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="launches per opening measurement (median)")
    parser.add_argument("--sizes", nargs="*", type=float, default=[0.02, 1.0, 5.0], help="article sizes in MB for the corrections table")
    args = parser.parse_args()
    print(f"PySide6 GUI benchmark ({sys.platform}, Python {sys.version.split()[0]}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']})")
    opening_ratios(args.runs)
    if args.sizes:
        corrections_table(args.sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())

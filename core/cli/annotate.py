"""``iqtibas annotate``: write the automatic outline of many articles as JSON, in parallel.

Human work is never lost: an existing annotation file that holds manual or reviewed annotations is
re-annotated in place (only pending automatic suggestions are refreshed), and a file whose
article text has changed since is refused rather than overwritten.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from core.annotator import reannotate
from core.annotator.trained import AnnotatorModel, load_model, model_from
from core.articles import article_id, document_from_text
from core.atomic import atomic_write_bytes, describe_os_error
from core.carryover import CarriedOver, carry_over, is_human_work
from core.cli.common import Progress, default_jobs, expand_inputs
from core.cli.saver import Saver
from core.errors import InputError, IqtibasError, SaveError, printable
from core.jsonformat import SUFFIX, annotation_path_for, encode_document, load_document, saved_sha256, stamp_document
from core.loading import read_article
from core.model import Document, text_sha256
from core.wording import count


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "annotate",
        help="annotate articles and write NAME.iqtibas.json files",
        description="Annotate article text files (UTF-8, UTF-16 or Windows-1256) and write one "
        "NAME.iqtibas.json per article, beside it or in --output. Existing files are skipped unless "
        "--force; re-annotation keeps every manual, accepted and rejected annotation.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders (searched recursively for *.txt) or globs")
    parser.add_argument("-o", "--output", metavar="DIR", help="write the JSON files into DIR instead of beside the articles")
    parser.add_argument("-j", "--jobs", type=int, default=default_jobs(), metavar="N", help="articles annotated in parallel (default: %(default)s)")
    parser.add_argument("-f", "--force", action="store_true", help="refresh existing files: pending automatic annotations are replaced, human work is kept")
    parser.add_argument("--carry-over", action="store_true",
                        help="with --force: when an article's text changed since it was annotated, re-annotate the new "
                        "text keeping the reviewed work in unchanged lines (the previous file stays as .bak)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary")
    parser.add_argument("--model", metavar="FILE", help="a model from 'iqtibas train' instead of the bundled one")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://10.0.0.5:8786) instead "
                        "of local processes; files are read and written here, workers only annotate (needs "
                        "iqtibas[distributed] here and on the workers)")
    parser.set_defaults(run=run)


@dataclass
class Outcome:
    article: str
    output: str | None
    status: str  # written | refreshed | skipped | failed
    quotes: int = 0
    message: str = ""


def output_path(article: Path, root: Path | None, output_dir: Path | None) -> Path:
    if output_dir is None:
        return annotation_path_for(article)
    relative = article.relative_to(root) if root is not None else Path(article.name)
    return output_dir / relative.parent / (relative.stem + SUFFIX)


@dataclass
class Planned:
    """What annotating one article takes, decided where the files are (``plan``): the article's
    text, read once, and, when refreshing, the saved document. ``compute`` needs nothing else, so
    it can run in another process or on another machine."""

    shown: str
    shown_target: str
    target: Path
    text: str
    encoding: str | None
    doc_id: str
    source: str
    mode: str  # new | replace (text changed, no human work) | refresh | carry
    existing: Document | None = None


def plan(article: Path, target: Path, force: bool, carry: bool = False) -> Planned | Outcome:
    """Read the article and decide what to do; an ``Outcome`` when nothing is left to compute.

    An existing annotation file is skipped without ``--force``: it is "up to date" when it was
    made from this very text (its SHA-256, read from the file's first lines, matches), so an
    interrupted run resumes where it stopped without annotating anything twice.
    """
    shown, shown_target = printable(str(article)), printable(str(target))
    try:
        text = read_article(article)
        if target.is_dir():
            return Outcome(shown, shown_target, "failed", message=f"{shown_target}: is a folder, not an annotation file")
        base = {"shown": shown, "shown_target": shown_target, "target": target, "text": text.text,
                "encoding": text.encoding, "doc_id": article_id(article), "source": str(article)}
        if not target.exists():
            return Planned(mode="new", **base)  # type: ignore[arg-type]
        if not force:
            if saved_sha256(target) == text_sha256(text.text):
                return Outcome(shown, shown_target, "skipped", message="up to date")
            return Outcome(shown, shown_target, "skipped", message="annotation file exists (use --force to refresh)")
        existing = load_document(target)
        human = any(is_human_work(a) for a in existing)
        if existing.text == text.text:
            return Planned(mode="refresh", existing=existing, **base)  # type: ignore[arg-type]
        if human and not carry:
            return Outcome(
                shown, shown_target, "failed",
                message=f"{shown_target}: the article text changed since it was annotated; it holds "
                "human annotations, so it was left untouched (--carry-over re-annotates the new "
                "text keeping reviewed work in unchanged lines)",
            )
        return Planned(mode="carry" if human else "replace", existing=existing, **base)  # type: ignore[arg-type]
    except Exception as error:
        return _failure(shown, error)


def compute(job: Planned, model: AnnotatorModel | None) -> tuple[Document, CarriedOver | None] | Outcome:
    """The annotated document of a planned article (no file is touched)."""
    try:
        if job.mode == "refresh":
            assert job.existing is not None
            return reannotate(job.existing, model), None
        if job.mode == "carry":
            assert job.existing is not None
            carried = carry_over(job.existing, job.text, source=printable(job.source), model=model)
            return carried.document, carried
        document = document_from_text(job.text, doc_id=job.doc_id, source=job.source, encoding=job.encoding, model=model)
        if job.mode == "replace" and job.existing is not None:
            document.meta["created"] = job.existing.meta.get("created")
        return document, None
    except Exception as error:
        return _failure(job.shown, error)


@dataclass
class Rendered:
    """An annotated article as the bytes of its file, and what to say about it."""

    data: bytes
    quotes: int
    message: str = ""


def render(job: Planned, computed: tuple[Document, CarriedOver | None] | Outcome) -> Rendered | Outcome:
    """The file's bytes (stamped as a save stamps them), so encoding can happen where computing did."""
    if isinstance(computed, Outcome):
        return computed
    document, carried = computed
    try:
        stamp_document(document)
        data = encode_document(document, job.target)
    except Exception as error:
        return _failure(job.shown, error)
    quotes = sum(1 for a in document if a.type == "quote" and a.is_active)
    message = ""
    if carried is not None:
        message = f"text changed: {len(carried.kept)} reviewed annotations carried over"
        if carried.lost:
            lost = ", ".join(a.id for a in carried.lost[:10]) + (", …" if len(carried.lost) > 10 else "")
            message += f", {len(carried.lost)} in changed lines dropped ({lost}; still in {job.shown_target}.bak)"
    return Rendered(data, quotes, message)


def store(job: Planned, rendered: Rendered | Outcome) -> Outcome:
    """Write a rendered file where the plan said, atomically (keeping a ``.bak``), and report."""
    if isinstance(rendered, Outcome):
        return rendered
    try:
        try:
            job.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SaveError(job.target.parent, f"cannot create the folder: {describe_os_error(error)}") from None
        atomic_write_bytes(job.target, rendered.data)
    except Exception as error:
        return _failure(job.shown, error)
    status = "written" if job.mode == "new" else "refreshed"
    return Outcome(job.shown, job.shown_target, status, rendered.quotes, message=rendered.message)


def _failure(shown: str, error: Exception) -> Outcome:
    """A bad article reported, never raised: the others go on."""
    if isinstance(error, IqtibasError):
        return Outcome(shown, None, "failed", message=str(error))
    if isinstance(error, OSError):  # a name the system refuses (too long), a folder it cannot list …
        where = printable(str(error.filename)) if error.filename else shown
        return Outcome(shown, None, "failed", message=f"{where}: {describe_os_error(error)}")
    return Outcome(shown, None, "failed", message=f"{shown}: unexpected error ({type(error).__name__}); please report it")


def prepare(job: tuple[str, str, bool, bool, str | None]) -> tuple[Planned | None, Rendered | Outcome]:
    """Plan, annotate and render one article (in a worker process with ``--jobs``); the file is
    saved by the caller's ``Saver``."""
    planned = plan(Path(job[0]), Path(job[1]), job[2], job[3])
    if isinstance(planned, Outcome):
        return None, planned
    try:
        model = model_from(job[4])
    except Exception as error:
        return planned, _failure(planned.shown, error)
    return planned, render(planned, compute(planned, model))


def run(args: argparse.Namespace) -> int:
    inputs = expand_inputs(args.paths, want="articles")
    output_dir = Path(args.output) if args.output else None
    if args.carry_over and not args.force:
        raise InputError("--carry-over", "applies to files annotate refreshes: add --force")
    if args.model:
        load_model(args.model)  # a bad model file stops here, before any article is touched
    jobs = [
        (str(path), str(output_path(path, root, output_dir)), args.force, args.carry_over, args.model)
        for path, root in inputs
    ]
    if not jobs:
        print("iqtibas: no article files found", file=sys.stderr)
        return 2
    progress = Progress(len(jobs))
    outcomes: list[Outcome] = []
    workers = max(1, min(args.jobs, len(jobs)))

    def report(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if outcome.status == "failed":
            progress.close()
            print(f"error: {outcome.message}", file=sys.stderr)
        elif not args.quiet and not progress.enabled:
            print(f"{outcome.status}: {outcome.output}" + (f" ({outcome.message})" if outcome.message else ""))
        progress.step(Path(outcome.article).name)

    try:
        with Saver(report) as saver:
            if args.scheduler:
                from core.cluster import Job, run_on_cluster

                model_json = Path(args.model).read_text(encoding="utf-8") if args.model else None
                cluster_jobs = (Job(article, target, force, carry) for article, target, force, carry, _ in jobs)
                run_on_cluster(args.scheduler, cluster_jobs, saver.submit, model_json=model_json)
            elif workers == 1:
                for job in jobs:
                    saver.submit(*prepare(job))
            else:
                with ProcessPoolExecutor(max_workers=workers) as pool:
                    for planned, rendered in pool.map(prepare, jobs, chunksize=1):
                        saver.submit(planned, rendered)
    finally:
        progress.close()
    progress.close()
    failed = sum(1 for o in outcomes if o.status == "failed")
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("written", "refreshed", "skipped")}
    quotes = sum(o.quotes for o in outcomes)
    print(
        f"{count(len(outcomes), 'article')}: {counts['written']} written, {counts['refreshed']} refreshed, "
        f"{counts['skipped']} skipped, {count(failed, 'error')}; {count(quotes, 'quote')}"
    )
    return 2 if failed else 0

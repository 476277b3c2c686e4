"""Issue 11 item 5: ``annotate --scheduler`` on a real Dask cluster — a scheduler and two worker
processes on loopback — writes what a local run writes, byte for byte apart from the timestamps,
resumes an interrupted run without annotating anything twice, and reports a bad article while the
others go on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.cli import main
from core.jsonformat import saved_sha256
from core.model import text_sha256
from core.resources import SAMPLE_ARTICLE, read_text
from tests.core.sample_articles import ARTICLES

_STAMPS = re.compile(r'^    "(created|modified)": "[^"]*",?$', re.MULTILINE)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def corpus(folder: Path) -> Path:
    """A handful of articles in two folders, one with an astral character, and one bad file."""
    (folder / "news" / "more").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / "news" / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "news" / "more" / "sample.txt").write_text(read_text(SAMPLE_ARTICLE), encoding="utf-8")
    (folder / "news" / "more" / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe\x00")
    return folder / "news"


def files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.iqtibas.json"))}


def without_stamps(text: str) -> str:
    return _STAMPS.sub("STAMP", text)


def test_cluster_run_matches_a_local_run_and_resumes(
    scheduler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = corpus(tmp_path)
    assert main(["annotate", str(articles), "-o", str(tmp_path / "local"), "--jobs", "1"]) == 2
    capsys.readouterr()
    assert main(["annotate", str(articles), "-o", str(tmp_path / "dask"), "--scheduler", scheduler]) == 2
    out, err = capsys.readouterr()
    assert "broken.txt" in err and err.count("error:") == 1  # reported; the others went on
    assert re.search(rf"\b{len(ARTICLES) + 2} articles: {len(ARTICLES) + 1} written, 0 refreshed, 0 skipped, 1 errors?;", out)

    local, dask = files(tmp_path / "local"), files(tmp_path / "dask")
    assert sorted(dask) == sorted(local) and len(dask) == len(ARTICLES) + 1
    assert "more/sample.iqtibas.json" in dask
    for name in local:
        assert without_stamps(dask[name]) == without_stamps(local[name]), name
        assert dask[name].count('"created"') == 1

    # Resume: finished articles are skipped as up to date; a missing one is done again.
    (tmp_path / "dask" / "heat-wave.iqtibas.json").unlink()
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "dask").rglob("*.iqtibas.json")}
    assert main(["annotate", str(articles), "-o", str(tmp_path / "dask"), "--scheduler", scheduler]) == 2
    out, _ = capsys.readouterr()
    assert re.search(rf": 1 written, 0 refreshed, {len(ARTICLES)} skipped, 1 errors?;", out)
    assert out.count("(up to date)") == len(ARTICLES)
    assert all(p.stat().st_mtime_ns == mtime for p, mtime in before.items())  # untouched
    assert without_stamps(files(tmp_path / "dask")["heat-wave.iqtibas.json"]) == without_stamps(local["heat-wave.iqtibas.json"])


def test_cluster_refresh_keeps_human_work_like_a_local_run(scheduler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--force on the cluster refreshes pending suggestions and keeps reviewed ones, as locally."""
    from core.jsonformat import load_document, save_document

    article = tmp_path / "a.txt"
    article.write_text(ARTICLES["heat-wave"], encoding="utf-8")
    assert main(["annotate", str(article), "-q"]) == 0
    target = tmp_path / "a.iqtibas.json"
    document = load_document(target)
    quote = document.of_type("quote")[0]
    document.set_status(quote.id, "accepted")
    save_document(document, target, keep_backup=False)
    local = tmp_path / "local.iqtibas.json"
    local.write_bytes(target.read_bytes())
    assert main(["annotate", str(article), "--force", "--scheduler", scheduler, "-q"]) == 0
    refreshed = load_document(target)
    assert refreshed.get(quote.id).status == "accepted"
    capsys.readouterr()
    # The same refresh locally gives the same file.
    target.rename(tmp_path / "dask.iqtibas.json")
    local.rename(target)
    assert main(["annotate", str(article), "--force", "--jobs", "1", "-q"]) == 0
    assert without_stamps(target.read_text(encoding="utf-8")) == without_stamps((tmp_path / "dask.iqtibas.json").read_text(encoding="utf-8"))


def test_saved_sha256_reads_the_header_only(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES["heat-wave"], encoding="utf-8")
    assert main(["annotate", str(article), "-q"]) == 0
    assert saved_sha256(tmp_path / "a.iqtibas.json") == text_sha256(ARTICLES["heat-wave"])
    (tmp_path / "compact.json").write_text('{"document": {"sha256": "' + "0" * 64 + '"}}', encoding="utf-8")
    assert saved_sha256(tmp_path / "compact.json") is None  # not laid out by Iqtibas: treated as any file
    assert saved_sha256(tmp_path / "missing.json") is None


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("tcp://127.0.0.1:9", "cannot reach the Dask scheduler"),
        ("nonsense://x", "--scheduler nonsense://x:"),
    ],
)
def test_unreachable_scheduler_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str, message: str) -> None:
    from core import cluster

    article = tmp_path / "a.txt"
    article.write_text(ARTICLES["heat-wave"], encoding="utf-8")
    original = cluster.connect
    cluster_connect_timeout = 2.0

    def quick(address: str, timeout: float = 30.0) -> object:
        return original(address, cluster_connect_timeout)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cluster, "connect", quick)
        assert main(["annotate", str(article), "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "a.iqtibas.json").exists()


def test_missing_distributed_extra_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES["heat-wave"], encoding="utf-8")
    assert main(["annotate", str(article), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "needs dask[distributed]: install it with pip install 'iqtibas[distributed]'" in capsys.readouterr().err

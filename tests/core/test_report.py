"""The corpus report: statistics, the page's content and safety, and a real headless browser."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from core.cli import main
from core.errors import InputError
from core.jsonformat import save_document
from core.model import Annotation, Document
from core.report import base_direction, collect, render_html, write_report
from tests.core.sample_articles import write_sample_corpus


def speaker_document(doc_id: str, speakers: list[tuple[str, str, int]], *, kind: str = "direct") -> Document:
    """An article where each (canonical name, mention as written, quotes) says ``quotes`` things."""
    pieces: list[str] = []
    plan = []
    for name, mention, quotes in speakers:
        for number in range(quotes):
            prefix = "قال "
            start_mention = sum(map(len, pieces)) + len(prefix)
            sentence = f"{prefix}{mention}: «كلام رقم {number} 😀»\n"
            quote_start = start_mention + len(mention) + 3
            plan.append((name, start_mention, start_mention + len(mention), quote_start, quote_start + len(f"كلام رقم {number} 😀")))
            pieces.append(sentence)
    text = "".join(pieces) or "نص بلا اقتباس"
    document = Document(text, id=doc_id)
    for name, m_start, m_end, q_start, q_end in plan:
        mention = document.add(Annotation(document.new_id("speaker"), "speaker", m_start, m_end, speaker=name))
        cue = document.add(Annotation(document.new_id("cue"), "cue", m_start - 4, m_start - 1))
        document.add(Annotation(document.new_id("quote"), "quote", q_start, q_end, kind=kind, speaker=name,
                                speaker_id=mention.id, cue="قال", cue_id=cue.id))
    return document


def corpus_of(tmp_path: Path, documents: list[Document]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        save_document(document, folder / f"{document.id.replace('<', '_')}.iqtibas.json", keep_backup=False)
    return folder


def test_speakers_merge_by_folded_name_and_unambiguous_alias(tmp_path: Path) -> None:
    documents = [
        speaker_document("a", [("دميتري بيسكوف", "بيسكوف", 2), ("سامي", "الوزير", 1)]),
        speaker_document("b", [("دميترى بيسكوف", "دميترى بيسكوف", 1), ("هدى", "الوزير", 1)]),  # ى for ي
        speaker_document("c", [("بيسكوف", "بيسكوف", 1), ("الوزير", "الوزير", 1)]),
    ]
    stats = collect(corpus_of(tmp_path, documents))
    rows = {row.name: row for row in stats.speakers}
    # Folded alike, and "بيسكوف" is an alias of that one speaker only: one row of 4 quotes.
    assert rows["دميتري بيسكوف"].quotes == 4
    assert rows["دميتري بيسكوف"].articles == 3
    assert set(rows["دميتري بيسكوف"].forms) == {"بيسكوف", "دميترى بيسكوف"}
    # "الوزير" is an alias of two different people: it stays apart, and they stay apart.
    assert rows["الوزير"].quotes == 1 and rows["سامي"].quotes == 1 and rows["هدى"].quotes == 1
    assert sorted(rows) == sorted(["دميتري بيسكوف", "الوزير", "سامي", "هدى"])
    assert stats.speakers[0].name == "دميتري بيسكوف"  # most quoted first


def test_counts_states_cues_and_rejected(tmp_path: Path) -> None:
    reviewed = speaker_document("reviewed", [("سامي", "سامي", 2)])
    pending = speaker_document("pending", [("هدى", "هدى", 1)], kind="indirect")
    pending.add(Annotation("q99", "quote", 0, 3, kind="direct", origin="auto", status="pending", confidence=0.4, speaker=None, cue="قالَ"))
    pending.add(Annotation("q98", "quote", 4, 6, kind="direct", status="rejected", speaker="مرفوض", cue="ذكر"))
    folder = corpus_of(tmp_path, [reviewed, pending])
    (folder / "fresh.txt").write_text("مقال جديد", encoding="utf-8")
    (folder / "broken.iqtibas.json").write_text("{", encoding="utf-8")
    stats = collect(folder)
    states = {a.name: a.state for a in stats.articles}
    assert states == {"reviewed": "reviewed", "pending": "in progress", "fresh": "not started", "broken": "unreadable"}
    broken = next(a for a in stats.articles if a.name == "broken")
    assert broken.problem.startswith(str(folder / "broken.iqtibas.json") + ": JSON syntax error")
    assert (stats.direct, stats.indirect) == (3, 1)
    assert stats.quote_statuses == {"accepted": 3, "pending": 1, "rejected": 1}
    assert stats.unattributed == 1
    assert "مرفوض" not in {row.name for row in stats.speakers}
    (cue,) = stats.cues  # قال and قالَ fold alike; the rejected ذكر does not count
    assert (cue.cue, cue.quotes, cue.forms) == ("قال", 4, ["قالَ"])


def test_page_is_self_contained_rtl_and_escaped(tmp_path: Path) -> None:
    hostile = speaker_document("x<y", [('<script>alert("x")</script> & «سامي»', "سامي", 1)])
    stats = collect(corpus_of(tmp_path, [hostile, *speaker_document_list()]))
    page = render_html(stats, generated="2026-01-01")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">")
    assert '<meta charset="utf-8">' in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; «سامي»" in page
    assert "x&lt;y" in page
    # No network assets of any kind.
    for forbidden in ("http:", "https:", "//", "src=", "<link", "@import", "url("):
        assert forbidden not in page.replace("<!--", "")
    assert page.count("<svg") >= 5
    # Arabic is stored as written: logical order, no presentation forms (nothing reshaped).
    assert "دميتري بيسكوف" in page  # names exactly as annotated
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufefe]", page)


def speaker_document_list() -> list[Document]:
    return [speaker_document("z", [("دميتري بيسكوف", "بيسكوف", 2)])]


def test_labels_get_their_own_direction() -> None:
    assert base_direction("000_64b9") == "ltr"
    assert base_direction("«سامي»") == "rtl"
    assert base_direction("123") == "rtl"


def test_write_report_is_atomic_and_replaces(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write_sample_corpus(folder)
    output = tmp_path / "report.html"
    output.write_text("old", encoding="utf-8")
    stats = write_report(folder, output)
    assert len(stats.articles) == 4 and stats.quotes == 17
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "report.html"]  # no temp or .bak left
    with pytest.raises(InputError, match="no such folder"):
        write_report(tmp_path / "missing", output)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no \.iqtibas\.json files and no \.txt articles"):
        collect(empty)


def test_report_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    write_sample_corpus(folder)
    output = tmp_path / "r.html"
    assert main(["report", str(folder), "-o", str(output), "--title", "تقرير <تجريبي>"]) == 0
    assert "report of 4 articles (17 quotes, 10 speakers)" in capsys.readouterr().err
    page = output.read_text(encoding="utf-8")
    assert "<title>تقرير &lt;تجريبي&gt; — Iqtibas</title>" in page
    (folder / "bad.iqtibas.json").write_text("[]", encoding="utf-8")
    assert main(["report", str(folder), "-o", str(output)]) == 1
    assert "unreadable: " in capsys.readouterr().err


# A real browser ---------------------------------------------------------------------------------
def read_png(path: Path) -> tuple[int, int, list[bytes], int]:
    """Decode an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes): width, height, rows."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks = 8, []
    width = height = channels = 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            chunks.append(body)
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    index = 0
    for _ in range(height):
        kind = raw[index]
        line = bytearray(raw[index + 1 : index + 1 + stride])
        index += 1 + stride
        if kind == 1:
            for x in range(channels, stride):
                line[x] = (line[x] + line[x - channels]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for x in range(stride):
                left = line[x - channels] if x >= channels else 0
                line[x] = (line[x] + ((left + previous[x]) >> 1)) & 255
        elif kind == 4:
            for x in range(stride):
                a = line[x - channels] if x >= channels else 0
                b = previous[x]
                c = previous[x - channels] if x >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, rows, channels


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        pytest.skip("chromium is not installed")
    return found


def screenshot(browser: str, page: Path, png: Path, profile: Path, size: str, scale: str | None = None) -> None:
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size}",
    ]
    if scale:
        command.append(f"--force-device-scale-factor={scale}")
    result = subprocess.run([*command, page.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert png.exists(), result.stderr[-2000:]


def pixels(rows: list[bytes], channels: int) -> list[tuple[int, int, int]]:
    return [tuple(row[x : x + 3]) for row in rows for x in range(0, len(row), channels)]  # type: ignore[misc]


@pytest.mark.slow
def test_report_renders_in_a_headless_browser(tmp_path: Path) -> None:
    browser = chromium()
    folder = tmp_path / "corpus"
    write_sample_corpus(folder)
    page = tmp_path / "report.html"
    assert main(["report", str(folder), "-o", str(page)]) == 0
    png = tmp_path / "shot.png"
    screenshot(browser, page, png, tmp_path / "profile", "1280,2000")
    width, height, rows, channels = read_png(png)
    assert (width, height) == (1280, 2000)
    colours = pixels(rows, channels)
    counts: dict[tuple[int, int, int], int] = {}
    for colour in colours:
        counts[colour] = counts.get(colour, 0) + 1
    # Not blank: anti-aliased Arabic text and charts give many distinct colours, and the page
    # background does not fill the screen.
    assert len(counts) > 400
    background = (0xF4, 0xF5, 0xF7)
    assert counts.get(background, 0) < 0.6 * len(colours)
    # The SVG charts were drawn: their bar colours cover large areas.
    assert counts.get((0x3B, 0x5B, 0xDB), 0) > 5000  # direct quotes
    assert counts.get((0xF0, 0x8C, 0x00), 0) > 3000  # indirect quotes
    # Right to left: the header's white title text sits in the right half of the banner.
    header = rows[15:70]
    white_right = white_left = 0
    for row in header:
        for x in range(0, len(row), channels):
            if min(row[x : x + 3]) > 235:
                if x // channels > width // 2:
                    white_right += 1
                else:
                    white_left += 1
    assert white_right > 500 and white_left < white_right / 10

    # The whole page: a tall window at half scale, the content ends well inside it.
    tall = tmp_path / "tall.png"
    screenshot(browser, page, tall, tmp_path / "profile2", "1280,8000", scale="0.5")
    tall_width, _tall_height, tall_rows, tall_channels = read_png(tall)
    scale = tall_width / 1280
    last = max(
        index for index, row in enumerate(tall_rows)
        if any(tuple(row[x : x + 3]) != background for x in range(0, len(row), tall_channels))
    )
    content_height = last / scale
    assert 2000 < content_height < 7900, content_height


def test_chart_geometry_is_computed_in_python() -> None:
    """Bars grow leftwards from one axis, lengths proportional to the values, totals left of them;
    the templates only place these numbers."""
    from core.report import bar_chart, donut_chart, stacked_bar

    chart = bar_chart([("سامي", (4, 2)), ("CNN", (1, 0)), ("x", (0, 0))], ("#111111", "#222222"), title="t")
    first, second, empty = chart.rows
    assert first.segments[0].length == pytest.approx(2 * first.segments[1].length)
    assert first.segments[0].x + first.segments[0].length == pytest.approx(chart.axis_x - 0.5)  # starts at the axis
    assert first.segments[1].x + first.segments[1].length == pytest.approx(first.segments[0].x)  # stacked leftwards
    assert second.segments[0].length == pytest.approx(first.segments[0].length / 4)
    assert (first.direction, first.anchor, second.direction, second.anchor) == ("rtl", "start", "ltr", "end")
    assert empty.segments == [] and empty.total == 0 and first.total_x < first.segments[1].x
    assert chart.height == chart.top + 3 * 28 + 6
    donut = donut_chart([("a", 3, "#1"), ("b", 1, "#2"), ("c", 0, "#3")], title="t", center="c")
    assert [arc.label for arc in donut.arcs] == ["a", "b"]
    assert donut.arcs[0].length == pytest.approx(3 * donut.arcs[1].length)
    assert donut.arcs[1].offset == pytest.approx(-donut.arcs[0].length)
    bar = stacked_bar([("a", 1, "#1"), ("b", 3, "#2")], title="t", width=400)
    assert [(s.x, s.length) for s in bar.segments] == [(300.0, 100.0), (0.0, 300.0)]

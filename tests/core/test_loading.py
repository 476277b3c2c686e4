from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from core.errors import ArticleError
from core.loading import MAX_BYTES_ENV, read_article

ARABIC = "قال الوزير: «إن الأمر مهم»\r\nوأضاف أن القرار نهائي.\rسطر ثالث\u2029سطر رابع"
EXPECTED = "قال الوزير: «إن الأمر مهم»\nوأضاف أن القرار نهائي.\nسطر ثالث\nسطر رابع"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16"),
        (ARABIC.replace("\u2029", "\n").encode("cp1256"), "cp1256"),
    ],
)
def test_each_encoding_is_detected_and_newlines_normalised(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(encoded)
    article = read_article(path)
    assert article.encoding == encoding
    assert article.text == EXPECTED


def test_nothing_but_newlines_changes(tmp_path: Path) -> None:
    text = "نص\u200f مع ـــ تطويل وحركاتٌ  ومسافات\u00a0 😀\t\ufeff\n"
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    # The leading BOM is the encoding's signature; everything else, even a BOM inside, is text.
    assert read_article(path).text == text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"", "empty file"),
        (b"  \n\t\n ", "empty file"),
        ("Ça coûte très cher à Zürich, dit-il.".encode("latin-1"), "cannot decode"),
        (codecs.BOM_UTF8 + b"\xff\xfe broken", "invalid UTF-8"),
        (b"text\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f with controls", "binary file"),
    ],
)
def test_bad_files_get_one_clear_line(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    assert reason in message
    assert "\n" not in message


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("كلمة " * 100, encoding="utf-8")
    monkeypatch.setenv(MAX_BYTES_ENV, "100")
    with pytest.raises(ArticleError, match="too large"):
        read_article(path)
    monkeypatch.delenv(MAX_BYTES_ENV)
    assert read_article(path).text.startswith("كلمة")
    with pytest.raises(ArticleError, match="too large: 900 bytes, the limit is 10"):
        read_article(path, max_bytes=10)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a folder"):
        read_article(tmp_path)


def test_errors_survive_pickling_between_processes(tmp_path: Path) -> None:
    import pickle

    with pytest.raises(ArticleError) as caught:
        read_article(tmp_path / "nope.txt")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is ArticleError
    assert (copy.path, copy.reason, str(copy)) == (caught.value.path, caught.value.reason, str(caught.value))

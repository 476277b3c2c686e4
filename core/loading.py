"""Reading article text files: encoding detection, newline normalisation, clear refusals.

Articles arrive as UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or
legacy Windows-1256 from older Arabic sites. We detect which without asking, normalise newlines to
``\\n`` (Qt counts ``\\r\\n`` as one position, Python as two, so offsets would drift otherwise), and
change nothing else. Files we cannot use get one line naming the file and the reason.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from core.atomic import describe_os_error
from core.errors import ArticleError, InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_BYTES_ENV = "IQTIBAS_MAX_ARTICLE_BYTES"

_NEWLINES_RE = re.compile("\r\n|[\r\u2028\u2029\x85]")
# C0 controls other than tab, newline, carriage return and form feed: a sign of binary data.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06fc]")


@dataclass(frozen=True)
class ArticleText:
    """The stored text of an article and how it was read."""

    text: str
    encoding: str
    path: str


def max_article_bytes() -> int:
    """The size limit: ``IQTIBAS_MAX_ARTICLE_BYTES`` if set, else 20 MB."""
    raw = os.environ.get(MAX_BYTES_ENV)
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            pass
    return DEFAULT_MAX_BYTES


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n``, ``\\r``, NEL, U+2028 and U+2029 into ``\\n``; nothing else changes."""
    return _NEWLINES_RE.sub("\n", text)


def decode_article(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode article bytes, returning ``(text, encoding name)`` or raising ``ArticleError``."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "UTF-8 (with BOM)", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "UTF-16", path), "utf-16"
    if b"\x00" in data:
        raise ArticleError(path, "binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise ArticleError(
            path, "cannot decode: not UTF-8, UTF-16 with BOM or Windows-1256 text"
        ) from None
    if not _looks_like_cp1256_arabic(text):
        raise ArticleError(
            path, "cannot decode: not UTF-8, UTF-16 with BOM or Windows-1256 text"
        )
    return text, "cp1256"


def _strict(data: bytes, codec: str, label: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise ArticleError(
            path, f"invalid {label} at byte {error.start}: {error.reason}"
        ) from None


def _looks_like_cp1256_arabic(text: str) -> bool:
    """Windows-1256 decodes almost any bytes; accept it only when the result reads as Arabic."""
    letters = sum(1 for c in text if c.isalpha())
    if letters == 0:
        return False
    arabic = len(_ARABIC_LETTER_RE.findall(text))
    return arabic / letters >= 0.5


def read_article(path: str | Path, max_bytes: int | None = None) -> ArticleText:
    """Read an article file into its stored text.

    Raises:
        ArticleError: the file is missing, a folder, not a regular file, too large, binary,
            undecodable or empty.
    """
    path = Path(path)
    shown = str(path)
    limit = max_article_bytes() if max_bytes is None else max_bytes
    data = read_regular_file(path, ArticleError, "not an article file", limit=limit, limit_hint=f" (set {MAX_BYTES_ENV})")
    text, encoding = decode_article(data, shown)
    text = normalise_newlines(text)
    if not text.strip():
        raise ArticleError(shown, "empty file: no text to annotate")
    if len(_CONTROL_RE.findall(text[:65536])) > 8:
        raise ArticleError(shown, "binary file (control characters), not a text article")
    return ArticleText(text=text, encoding=encoding, path=shown)


def read_regular_file(
    path: str | Path, error: type[InputError], what: str, *, limit: int | None = None, limit_hint: str = ""
) -> bytes:
    """The bytes of a regular file, or ``error`` naming the file and why not.

    The file is opened without blocking and checked on the open descriptor before it is read, so
    a FIFO (which would wait for a writer forever), a device such as ``/dev/zero`` (which never
    ends) or a socket is refused, even one swapped in after a check by name. ``what`` completes
    "is a folder, …" (for example "not an article file").
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except IsADirectoryError:
        raise error(path, f"is a folder, {what}") from None
    except OSError as problem:
        raise error(path, f"cannot read: {describe_os_error(problem)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(path, f"is a folder, {what}")
        if not stat.S_ISREG(info.st_mode):
            raise error(path, f"is a {_file_kind(info.st_mode)}, not a regular file; {what}")
        if limit is not None and info.st_size > limit:
            raise error(path, f"too large: {info.st_size:,} bytes, the limit is {limit:,}{limit_hint}")
        with os.fdopen(fd, "rb") as handle:
            fd = -1  # closed by the handle
            data = handle.read() if limit is None else handle.read(limit + 1)
    except OSError as problem:
        raise error(path, f"cannot read: {describe_os_error(problem)}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if limit is not None and len(data) > limit:  # the file grew between stat and read
        raise error(path, f"too large: more than {limit:,} bytes{limit_hint}")
    return data


def path_exists(path: Path) -> bool:
    """``path.exists()`` that answers False, instead of raising, for a name the file system
    refuses (too long: an article with a 245-character name has no room for ``.iqtibas.json``)."""
    try:
        return path.exists()
    except OSError:
        return False


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def read_utf8_file(path: str | Path, error: type[InputError], what: str) -> str:
    """Read a UTF-8 text file (a BOM is allowed) or raise ``error`` naming the file and why.

    ``what`` completes "is a folder, …" for the message (for example "not an annotation file").
    """
    return decode_utf8(read_regular_file(path, error, what), path, error)


def decode_utf8(raw: bytes, path: str | Path, error: type[InputError]) -> str:
    """``raw`` decoded as UTF-8 (a BOM is allowed), or ``error`` naming ``path`` and the byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise error(path, f"not UTF-8 (byte {problem.start})") from None

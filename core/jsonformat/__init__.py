"""The Iqtibas annotation file: one UTF-8 JSON file per article, a contract with researchers.

Loading validates against the JSON Schema in ``resources/schema`` (the single source of truth for
the format), then checks what a schema cannot: every annotation's ``text`` equals
``document.text[start:end]``, the SHA-256 matches the text, ids are unique and references point at
annotations of the right type. A refused file is never modified. Saving is atomic and keeps the
previous version as ``.bak``. Unknown fields are kept, so files from newer minor versions survive
a round trip.

One module per job:

* ``paths`` — the format's name and version, the file suffix, where an article's file goes;
* ``codec`` — document to file text and back (parsing through ``core.safejson``);
* ``validation`` — header, JSON Schema and consistency checks, with readable problems;
* ``fastcheck`` — the schema check that makes opening large files fast (its reason is measured
  there);
* ``writer`` — stamping and the atomic save.

The names below are the public interface; callers import them from ``core.jsonformat``.
"""

from __future__ import annotations

from core.jsonformat.codec import (
    annotation_to_dict,
    document_from_dict,
    document_to_dict,
    dumps_document,
    load_document,
    loads_document,
    saved_sha256,
)
from core.jsonformat.paths import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SUFFIX,
    TOOL,
    annotation_path_for,
    is_annotation_file,
)
from core.jsonformat.validation import (
    check_header,
    consistency_problems,
    schema,
    schema_problems,
    validate_data,
)
from core.jsonformat.writer import encode_document, save_document, stamp_document

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "SUFFIX",
    "TOOL",
    "annotation_path_for",
    "annotation_to_dict",
    "check_header",
    "consistency_problems",
    "document_from_dict",
    "document_to_dict",
    "dumps_document",
    "encode_document",
    "is_annotation_file",
    "load_document",
    "loads_document",
    "save_document",
    "saved_sha256",
    "schema",
    "schema_problems",
    "stamp_document",
    "validate_data",
]

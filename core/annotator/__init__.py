"""The automatic annotator: title, headings, paragraphs, sections, boilerplate, quotes, speakers.

Public entry points: ``annotate_text`` (annotations for a text), ``annotate_document`` (fill a new
document), ``reannotate`` (refresh pending suggestions, keep every human decision) and
``derive_sections`` (recompute sections after heading edits).
"""

from core.annotator.pipeline import analyse, annotate_document, annotate_text, reannotate
from core.annotator.sections import derive_sections

__all__ = ["analyse", "annotate_document", "annotate_text", "derive_sections", "reannotate"]

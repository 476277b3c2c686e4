"""Direct and indirect quotes, each with its cue and the phrase naming its speaker.

Modules by responsibility, each working on one article's shared ``ArticleContext``:

* ``context`` — tokens, paired quotation marks, blocks, quote depth, sentence bounds;
* ``names`` — is marked text a name or term, is a phrase a speaker, the article's known names;
* ``cue_search`` — the cue before a quote or after its closing mark;
* ``attributor`` — which phrase a cue attributes the quote to (or a hint for pro-drop cues);
* ``indirect`` — complementiser clauses governed by a cue;
* ``direct`` — marked speech, parenthesised sayings, quotes whose opening mark is missing;
* ``finder`` — runs them in order (``QuoteFinder``), ``candidate`` — what they produce.
"""

from core.annotator.quotes.candidate import Candidate
from core.annotator.quotes.finder import QuoteFinder, find_quotes

__all__ = ["Candidate", "QuoteFinder", "find_quotes"]

"""Attribution: reporting verbs (cues) and the speaker phrases they govern.

* ``cues`` — what a cue and a speaker phrase are; reporting-verb forms, according-to phrases;
* ``phrase`` with ``walk``, ``phrase_rules`` and ``extents`` — the phrase after a verb-first
  cue (``وقال دميتري بيسكوف الناطق …``), read by named rules;
* ``subjects`` — subjects found by position: name-first (``لكن الناطق … قال``), before a
  relative pronoun, at the sentence start, the topic after ``أما``, a relay's source.

Word classes the rules share live in ``core.annotator.word_classes``.
"""

from core.annotator.attribution.cues import (
    Cue,
    SpeakerPhrase,
    according_to_at,
    cue_form,
    is_relay_object,
    name_after_verb,
)
from core.annotator.attribution.phrase import speaker_after
from core.annotator.attribution.subjects import (
    relative_antecedent,
    relay_source,
    sentence_subject,
    speaker_before,
    topic_subject,
)
from core.annotator.attribution.walk import MAX_SPEAKER_TOKENS

__all__ = [
    "MAX_SPEAKER_TOKENS",
    "Cue",
    "SpeakerPhrase",
    "according_to_at",
    "cue_form",
    "is_relay_object",
    "name_after_verb",
    "relative_antecedent",
    "relay_source",
    "sentence_subject",
    "speaker_after",
    "speaker_before",
    "topic_subject",
]

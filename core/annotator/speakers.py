"""Who said it: speaker phrases grouped into people and bodies, named by their fullest mention.

A speaker phrase is split into a *role* (title words and the definite words that follow them:
``الناطق الصحفي باسم الرئيس الروسي``) and a *name* (indefinite words and a surname or nisba after
them: ``دميتري بيسكوف``, ``وليد المعلم``). A later mention refers to an earlier speaker when its
name is part of the earlier name (``بيسكوف``, ``المعلم``) or its role matches (``الناطق …``,
``الوزير``). The canonical name is the fullest name, or the fullest mention for speakers known
only by role (``مصادر مطلعة``). Pro-drop cues (``وأضاف:``) take the previous speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.annotator import lexicon, wordstats
from core.annotator.attribution import SpeakerPhrase
from core.annotator.mention_text import readable_mention, without_glued_preposition, written_mostly_without
from core.annotator.quotes import Candidate
from core.annotator.tokens import Token, TokenizedText
from core.annotator.word_classes import (
    BODY_LINKS,
    NAME_PARTICLES,
    RELATIVE_PRONOUNS,
    has_pronoun_suffix,
    is_adjective,
    is_complementizer,
    names_a_medium,
)

_LATIN_ONLY = re.compile(r"[a-z0-9]+")


FREQUENT_COUNT = 20  # a word unlabeled news uses this often is no rare (foreign) name


def is_rare_word(norm: str) -> bool:
    """A word unlabeled news hardly uses (a foreign name: بوزداغ, بيسكوف), or never."""
    profile = wordstats.shipped().get(norm)
    return profile is None or profile.count < FREQUENT_COUNT


def follows_titles(norm: str) -> bool:
    """A word news often writes right after a title (``بكر``: 5 % of its uses; ``كبير``: none):
    a given name, even when it is also a common noun."""
    profile = wordstats.shipped().get(norm)
    return profile is not None and profile.share("after_title") >= 5


def is_common_noun(norm: str) -> bool:
    """Does unlabeled news use this word as a common noun (it takes the article or a possessive
    pronoun often: ``كبير``, ``ذات``), so that it cannot start a person's name?"""
    profile = wordstats.shipped().get(norm)
    if profile is None or profile.count < FREQUENT_COUNT:
        return False
    return profile.share("definite") >= 50 or profile.share("suffixed") >= 15


def looks_like_verb(norm: str) -> bool:
    """A word that mostly stands before a preposition and never after a title (``قلل من``)."""
    profile = wordstats.shipped().get(norm)
    return profile is not None and profile.share("before_prep") >= 30 and profile.share("after_title") == 0


_ROLE_LINKS = lexicon.words("role_links")
_WEB_SUFFIXES = lexicon.words("web_suffixes")
_HONORIFICS = lexicon.words("honorifics")
_STATEMENTS = lexicon.words("statement_nouns")
_SOURCES = lexicon.words("affiliated_heads") | lexicon.anonymous_heads()
_PLACE_HEADS = lexicon.words("place_heads") | lexicon.organisation_heads() | lexicon.words("institution_heads")


@dataclass
class Entity:
    """A speaker: the mentions that refer to it and the best name found so far."""

    name_tokens: list[str] = field(default_factory=list)
    name_text: str = ""
    role_tokens: list[str] = field(default_factory=list)
    mention_texts: list[str] = field(default_factory=list)
    anonymous: bool = False
    name_variants: dict[tuple[str, ...], str] = field(default_factory=dict)
    group: bool = False  # "كوم وأكتون": two people named together
    fuller_name: str = ""  # the name as introduced after a title elsewhere in the article
    chosen_name: str = ""  # the naming ranker's choice among the names above (``naming``)

    @property
    def role_heads(self) -> frozenset[str]:
        """Role words without the article, for matching later role-only mentions (cached)."""
        key = tuple(self.role_tokens)
        if getattr(self, "_heads_key", None) != key:
            self._heads_key = key
            self._heads = frozenset(t[2:] if t.startswith("ال") else t for t in key)
        return self._heads

    @property
    def canonical(self) -> str:
        if self.chosen_name:
            return readable_mention(self.chosen_name)
        if self.fuller_name:
            return readable_mention(self.fuller_name)
        return readable_mention(self._best_name())

    def _best_name(self) -> str:
        """The fullest name; a name that only one mention extends with trailing words which no
        other mention has (``ويلبور روس قلل``) gives way to the shorter name the others share."""
        if self.name_variants:
            variants = sorted(self.name_variants, key=len, reverse=True)
            best = variants[0]
            for shorter in variants[1:]:
                if len(shorter) >= 2 and best[: len(shorter)] == shorter:
                    best = shorter
                    break
            return self.name_variants[best]
        if self.name_text:
            return self.name_text
        return max(self.mention_texts, key=len) if self.mention_texts else ""


@dataclass
class Resolution:
    candidate: Candidate
    entity: Entity | None
    mention: tuple[int, int] | None
    confidence: float | None = None  # how sure the speaker ranker was (None: rules alone)


def split_mention(tokenized: TokenizedText, phrase: SpeakerPhrase) -> tuple[list[int], list[int], bool]:
    """Token indices of the role and of the name in a speaker phrase, and whether anonymous.

    Words fall into runs. A role run starts at a title word; an indefinite title takes the next
    word as its complement (``مدير جامعة``, ``وكيل وزارة``); definite words, ``وال…`` and ``ل…``
    words continue it. A name run is any other run; a definite word extends a name only right
    after an indefinite one (``وليد المعلم``). The name is the last name run (``وكيل جامعة الملك
    فهد …، الدكتور سهل عبد الجواد`` → ``سهل عبد الجواد``); the role is everything else.
    """
    tokens = tokenized.tokens[phrase.first : phrase.last + 1]
    titles = lexicon.titles()
    words = [t for t in tokens if t.is_word]
    if not words:
        return [], [], False
    if strip_waw_prefix(words[0].norm) in lexicon.anonymous_heads():
        return [t.index for t in words], [], True
    head = strip_waw_prefix(words[0].norm)
    if head in RELATIVE_PRONOUNS:
        return [t.index for t in words], [], False  # "الذين يعيشون خارج مجتمعه": a description
    if len(words) == 2 and head in _HONORIFICS and _definite_surname(words[1].norm):
        return [words[0].index], [words[1].index], False  # "الوزير الحقيل", "الدكتور العواجي"
    # "المشرف على المعرض", "المسؤول عن الملف": a definite noun and a link is a role.
    linked = (
        head.startswith("ال") and len(words) >= 3 and words[1].norm in _ROLE_LINKS - {"بن"} and not words[1].is_name_ali
    )
    if head.startswith("ال") and head not in titles and not linked:
        # A descriptive noun phrase (الجانب الروسي، الدائرة الصحفية …), a bare surname (المعلم),
        # or a profession before a name (المزارع محمود العلي).
        if len(words) == 1:
            return [], [words[0].index], False
        if len(words) >= 3 and not words[1].norm.startswith("ال"):
            return [words[0].index], [t.index for t in words[1:]], False
        return [t.index for t in words], [], False
    runs: list[tuple[str, list[int]]] = []
    expect_complement = False
    place = False  # the word before was a link or ب and a place (في، بمنطقة): a place may follow
    owner = False
    quoted = _inside_quoted_names(tokenized, phrase)
    eulogy = _eulogy_words(words)
    for position, token in enumerate(words):
        if token.index in eulogy and runs:
            _append(runs, runs[-1][0], token.index, new_run=False)  # "النبي صلى الله عليه وسلم"
            continue
        if token.index in quoted and runs and runs[-1][0] == "name" and len(runs[-1][1]) >= 2 and runs[-1][1][-1] not in quoted:
            _append(runs, "other", token.index, new_run=True)  # 'محمد سعيد خوجة "الغربال"': a pen name
            continue
        if token.index in quoted:
            # "صحيفة «كلارين»": the quoted word is the name. After a fuller role
            # ("مكتب التحقيقات الفدرالية "FBI"") it is an acronym of the role.
            latin = _LATIN_ONLY.fullmatch(token.norm) is not None
            kind = "role" if (latin and runs and runs[-1][0] == "role" and len(runs[-1][1]) > 1) else "name"
            _append(runs, kind, token.index, new_run=not runs or runs[-1][0] != kind)
            continue
        norm = strip_waw_prefix(token.norm) if position == 0 else strip_waw_title(token.norm)
        kind = runs[-1][0] if runs else ""
        previous_norm = tokenized.tokens[words[position - 1].index].norm if position else ""
        if kind == "role" and previous_norm in lexicon.words("royal_titles") and any(
            tokenized.tokens[i].norm in lexicon.words("institution_heads") for i in runs[-1][1]
        ):
            _append(runs, "role", token.index, new_run=False)  # "جامعة الملك سعود": a place's name
            continue
        if kind == "name" and previous_norm in NAME_PARTICLES:
            _append(runs, "name", token.index, new_run=False)  # "عبد الأمير", "أبو مازن"
            continue
        relational = position == 0 and len(words) > 1 and has_pronoun_suffix(tokenized.text[token.start : token.end])
        if norm in titles or relational or (position == 0 and linked):
            # A title, or a relational noun with a pronoun (جارته، زوجته، ابنه) before a name.
            expect_complement = not norm.startswith("ال") and not relational and len(norm) > 1
            place = place and norm in _PLACE_HEADS  # "في محافظة ينبع": محافظة is a title too
            _append(runs, "role", token.index, new_run=kind != "role")
            continue
        next_definite = position + 1 < len(words) and words[position + 1].norm.startswith("ال")
        # "الجهات التنظيمية بالمالية الإسلامية": لل…/بال… words qualify the role
        lam_construct = norm.startswith(("لل", "بال")) or (norm.startswith("ل") and next_definite) or (norm == "غير" and next_definite)
        if kind == "role" and norm.startswith("ل") and len(norm) > 3 and not lam_construct and tokenized.word_count(norm[1:]):
            owner = True  # "المكتب الإعلامي لرضا بهلوي" (رضا occurs alone elsewhere): the owner
        if kind == "role" and owner and not norm.startswith("ال") and norm not in titles:
            _append(runs, "role", token.index, new_run=False)
            continue
        owner = owner and kind == "role"
        if kind == "role" and _placed_in(norm):
            expect_complement = place = True  # "مدير التعليم بمنطقة عسير": where the office is
            _append(runs, "role", token.index, new_run=False)
            continue
        if kind == "role" and len(words) - position > 2 and _placed_by_name(norm):
            # "وعضو مجلس الإدارة بينبع مراد بن صغير العروي": ب and a place's own name end the role.
            expect_complement = place = False
            _append(runs, "role", token.index, new_run=False)
            continue
        # علي written with ي is the name (منسق اللجنة بمنطقة عسير علي عسيري), not على.
        link = norm in _ROLE_LINKS and not token.is_name_ali
        if kind == "role" and (expect_complement or norm.startswith(("ال", "وال")) or lam_construct or link):
            # A place's own name ends the role: "بمنطقة تبوك ناصر بن أحمد الخريصي", "منسق
            # الأمم المتحدة للشؤون الإنسانية في سوريا يان إيغلاند" (not "في قسم شرطة بغداد").
            place_named = place and len(words) - position > 2 and _proper_noun(norm)
            # A noun with a pronoun is complete: "وزارة خارجيتها عبدالعزيز بن علي الشريف" (not a
            # bare ه, which sites also write for ة: "وزير خارجيه قطر").
            owned = tokenized.text[token.start : token.end].endswith(("ها", "هم", "هما"))
            expect_complement = not place_named and not owned and (
                norm in ("باسم", "ل", "في", "عن", "علي") or not (norm.startswith(("ال", "وال", "لل", "ل", "بال")) or norm in _ROLE_LINKS)
            )
            # After a link, a place's head keeps the place open: "في محافظة ينبع سامر العنيني".
            place = (link and norm != "بن") or (place and norm in _PLACE_HEADS)
            _append(runs, "role", token.index, new_run=False)
            continue
        place = False
        expect_complement = False
        if kind == "name":
            previous = tokenized.tokens[runs[-1][1][-1]].norm
            before_previous = tokenized.tokens[runs[-1][1][-2]].norm if len(runs[-1][1]) >= 2 else ""
            compound = before_previous in NAME_PARTICLES or previous in ("الدين", "الله", "الرحمن")  # "عبد الله الصقعبي", "صلاح الدين دميرتاش"
            # "فهد العرابي الحارثي": a second nisba surname goes on with the name.
            nisba_chain = norm.endswith("ي") and previous.endswith("ي") and len(runs[-1][1]) >= 2
            if norm.startswith("ال") and previous.startswith("ال") and previous not in NAME_PARTICLES and not compound and not nisba_chain:
                _append(runs, "other", token.index, new_run=True)
                continue
            _append(runs, "name", token.index, new_run=False)
            continue
        _append(runs, "name" if kind != "other" else "other", token.index, new_run=kind not in ("name",))
    name_runs = [indices for kind, indices in runs if kind == "name"]
    name = name_runs[-1] if name_runs else []
    if name and runs[0][0] == "role" and all(tokenized.tokens[i].norm in _WEB_SUFFIXES for i in name):
        # "موقع دار الخلافة دوت كوم": a web address ending, not a person's name; the whole is the site.
        return [t.index for t in words], [], False
    if name and runs[0][0] == "role" and _organisation_owned_by_person(tokenized, runs):
        # "مكتب رئيس الوزراء أحمد داود أوغلو": the office speaks, the person owns it.
        return [t.index for t in words], [], False
    role = [i for kind, indices in runs if kind == "role" for i in indices]
    return role, name, False


def trimmed_mention(tokenized: TokenizedText, phrase: SpeakerPhrase) -> SpeakerPhrase:
    """The mention without what it ran on into: the statement it was made in (``الوزير، في
    تصريحات إعلامية``, ``وزارة الدفاع في بيان``), or, after a source or a spokesman, the media it
    was made to (``مسؤول حكومي لرويترز``, ``متحدثة باسم الوزارة لبي بي سي عربي``). A
    correspondent or a director belongs to the outlet (``مراسل لبي بي سي``)."""
    tokens = tokenized.tokens
    head = strip_waw_prefix(tokens[phrase.first].norm).removeprefix("ال")
    source = head in _SOURCES or head.removesuffix("ه") in _SOURCES
    for index in range(phrase.first + 1, phrase.last + 1):
        norm = tokens[index].norm
        media = names_a_medium(norm)
        # After a source, or after a person's name (صوفيا جميل لبي بي سي), not after a role
        # word: "مراسل لبي بي سي", "مصور لرويترز" belong to the outlet.
        addressee = media and (source or _ends_a_name(tokenized, phrase, index))
        occasion = norm == "في" and index < phrase.last and tokens[index + 1].norm in _STATEMENTS
        if addressee or occasion:
            last = index - 1
            while last > phrase.first and not tokens[last].is_word:
                last -= 1
            return SpeakerPhrase(phrase.first, last, phrase.start, tokens[last].end)
    return phrase


def _ends_a_name(tokenized: TokenizedText, phrase: SpeakerPhrase, index: int) -> bool:
    """Does the mention before token ``index`` end on a person's name (``رامي عبد الرحمن``
    before ``لوكالة فرانس برس``), not on a role (``مراسل`` before ``لبي بي سي``)?"""
    last = index - 1
    while last > phrase.first and not tokenized.tokens[last].is_word:
        last -= 1
    before = SpeakerPhrase(phrase.first, last, phrase.start, tokenized.tokens[last].end)
    _, name, anonymous = split_mention(tokenized, before)
    if not name or anonymous or name[-1] != last:
        return False
    # A person's name has a word rare in news or one that follows titles (رامي عبد الرحمن);
    # "مراسل", "مصور" have neither.
    tokens = tokenized.tokens
    return any(tokens[i].is_name_ali or is_rare_word(tokens[i].norm) or follows_titles(tokens[i].norm) for i in name)


def _definite_surname(norm: str) -> bool:
    """``الحقيل``, ``العواجي``, ``المالكي``: a definite word news hardly writes without the
    article, nor in the feminine, a family name. Nouns and adjectives are common bare (مفوض,
    عام) or feminine (الأردنية, البريطانية: الوزير الأردني is no surname)."""
    if not norm.startswith("ال") or len(norm) < 5 or norm.endswith("ه"):
        return False  # "الأستاذة الجامعية": a feminine adjective
    feminine = wordstats.shipped().get(norm + "ه")
    return is_rare_word(norm[2:]) and (feminine is None or feminine.count < 10)


def _proper_noun(norm: str) -> bool:
    """A place's or a body's own name (``سوريا``, ``عسير``, ``طهران``): a word news writes often
    and never with the article. Common nouns that head a place's name take it (``ريف``,
    ``قطاع``, ``مطار``), and so they go on with the role."""
    if norm.startswith(("ال", "وال")):
        return False
    profile = wordstats.shipped().get(norm)
    return profile is not None and profile.count >= FREQUENT_COUNT and profile.share("definite") < 5


def _placed_by_name(norm: str) -> bool:
    """``بجازان``, ``بينبع``: ب and a place's own name (a ``_proper_noun``), which news writes
    far more often without the ب: ``بلدية`` (لدية), ``بحسب`` (حسب) are words of their own."""
    return norm.startswith("ب") and len(norm) >= 4 and _proper_noun(norm[1:]) and written_mostly_without(norm, norm[1:])


def _placed_in(norm: str) -> bool:
    """``بمنطقة``, ``بوزارة``, ``بجامعة``: ب and a place or an institution, which goes on with the
    role before it (``المتحدث الرسمي للهلال الأحمر بمنطقة الرياض``). Only listed heads: a
    word that merely starts with ب is often a name (``بدر``, ``بندر``)."""
    return norm.startswith("ب") and not norm.startswith("بال") and norm[1:] in _PLACE_HEADS


def _eulogy_words(words: list[Token]) -> set[int]:
    """Token indices of eulogy formulas (صلى الله عليه وسلم) inside a mention's words."""
    found: set[int] = set()
    norms = [t.norm for t in words]
    for position in range(1, len(words)):
        length = lexicon.eulogy_length(norms[position : position + 5])
        if length:
            found.update(t.index for t in words[position : position + length])
    return found


def _inside_quoted_names(tokenized: TokenizedText, phrase: SpeakerPhrase) -> set[int]:
    """Indices of words between a quoted name's marks (صحيفة «كلارين») or in parentheses
    (صحيفة (أو ستادو دي ساو باولو)): those are the name."""
    inside: set[int] = set()
    tokens = tokenized.tokens
    opened = None
    for index in range(phrase.first, min(phrase.last + 2, len(tokens))):
        closing = tokenized.name_spans.get(index)
        if closing is not None and closing > index:
            inside.update(range(index + 1, closing))
        if tokens[index].norm == "(":
            opened = index
        elif tokens[index].norm == ")" and opened is not None:
            inside.update(range(opened + 1, index))
            opened = None
    return inside


def _organisation_owned_by_person(tokenized: TokenizedText, runs: list[tuple[str, list[int]]]) -> bool:
    head = runs[0][1]
    norms = [tokenized.tokens[i].norm for i in head]
    organisations = lexicon.organisation_heads()
    people = lexicon.person_titles()
    return norms[0] in organisations and any(n in people for n in norms[1:])


def _append(runs: list[tuple[str, list[int]]], kind: str, index: int, *, new_run: bool) -> None:
    if new_run or not runs or runs[-1][0] != kind:
        runs.append((kind, [index]))
    else:
        runs[-1][1].append(index)


def strip_waw_title(norm: str) -> str:
    """``وأستاذة`` inside a role chain is the title أستاذة joined by و."""
    return norm[1:] if norm.startswith("و") and norm[1:] in lexicon.titles() else norm


def strip_waw_prefix(norm: str) -> str:
    rest = norm[1:]
    if norm.startswith("و") and (rest.startswith("ال") or rest in lexicon.titles()):
        return rest
    return norm


class SpeakerResolver:
    def __init__(self, tokenized: TokenizedText) -> None:
        self.tk = tokenized
        self.entities: list[Entity] = []

    def entity_for(self, phrase: SpeakerPhrase) -> Entity:
        return self.mention(phrase)[0]

    def mention(self, phrase: SpeakerPhrase) -> tuple[Entity, SpeakerPhrase]:
        """The entity a speaker phrase names, and the phrase without what it ran on into
        (``trimmed_mention``): the span a quote's speaker mention is saved as."""
        phrase = trimmed_mention(self.tk, phrase)
        return self._entity_of(phrase), phrase

    def _entity_of(self, phrase: SpeakerPhrase) -> Entity:
        role_idx, name_idx, anonymous = split_mention(self.tk, phrase)
        tokens = self.tk.tokens
        if name_idx and self._no_personal_name(phrase, name_idx):
            # "كبير مفاوضي الاتحاد الأوروبي", "ذات المصادر": no personal name; the whole phrase
            # describes the speaker.
            role_idx, name_idx = sorted(set(role_idx) | set(name_idx)), []
        if name_idx and self._names_body_after_link(name_idx[0]):
            # 'متحدثة باسم "فيسبوك"': the name is the body's; the speaker is the spokeswoman.
            role_idx, name_idx = sorted(set(role_idx) | set(name_idx)), []
        quoted = [i for i in name_idx if self._inside_marks(i)]
        if quoted and len(quoted) < len(name_idx) and not self._names_served_body(quoted[0]):
            # 'صحيفة "تلغراف" البريطانية': the name is what the marks hold.
            role_idx, name_idx = sorted(set(role_idx) | (set(name_idx) - set(quoted))), quoted
        role = [tokens[i].norm for i in role_idx]
        name = [tokens[i].norm for i in name_idx]
        group = len(name) >= 2 and any(t.startswith("و") and len(t) > 3 for t in name[1:])
        if group:
            entity = next((e for e in reversed(self.entities) if e.group and e.name_tokens == name), None)
            if entity is None:
                entity = Entity(name_tokens=name, group=True)
                self.entities.append(entity)
            entity.mention_texts.append(self.tk.text[phrase.start : phrase.end])
            entity.name_variants.setdefault(tuple(name), self.tk.text[tokens[name_idx[0]].start : tokens[name_idx[-1]].end])
            return entity
        mention_text = without_glued_preposition(readable_mention(self.tk.text[phrase.start : phrase.end]))
        name_text = ""
        if name_idx and not anonymous:
            name_start = max(tokens[name_idx[0]].start, phrase.start)  # the phrase may skip a glued ل
            name_text = without_glued_preposition(readable_mention(self.tk.text[name_start : tokens[name_idx[-1]].end]))
        entity = self._match(name, role, anonymous)
        if entity is None:
            entity = Entity(anonymous=anonymous)
            self.entities.append(entity)
        entity.mention_texts.append(mention_text)
        if name and name_text:
            entity.name_variants.setdefault(tuple(name), name_text)
        if name and len(name) > len(entity.name_tokens):
            entity.name_tokens = name
            entity.name_text = name_text
        if role and len(role) > len(entity.role_tokens):
            entity.role_tokens = role
        return entity

    def _names_body_after_link(self, first_name: int) -> bool:
        """Does the name starting at token ``first_name`` follow a link from a role to its body
        (``متحدثة باسم "فيسبوك"``, ``سفير لدى "الناتو"``), perhaps after an opening mark? It
        names the body, not the speaker."""
        tokens = self.tk.tokens
        k = first_name - 1
        if k >= 0 and tokens[k].is_quote_mark:
            k -= 1
        return k >= 0 and tokens[k].norm in BODY_LINKS

    def _names_served_body(self, first_quoted: int) -> bool:
        """Do the marks opening before ``first_quoted`` hold the body a role serves, not the
        speaker (``محلل إيراني لصحيفة "كريستيان ساينس مونيتور"``, ``المدير التنفيذي لشركة
        "هواوي"``)? So when the word before the marks has ل written onto it or links a role to
        its body (``باسم``, ``لدى``: ``_names_body_after_link`` when the name starts there) —
        not after ب: ``بالمحافظة “الخضر لصور”`` is where the director serves, then his name."""
        if first_quoted < 2:
            return False
        before = self.tk.tokens[first_quoted - 2]
        norm = before.norm
        return before.is_word and (norm in BODY_LINKS or (norm[:1] == "ل" and len(norm) > 3))

    def _inside_marks(self, index: int) -> bool:
        """Is token ``index`` between a short quoted name's marks (صحيفة «كلارين»)?"""
        spans = self.tk.name_spans
        k = index - 1
        while k >= 0 and index - k <= 4:
            closing = spans.get(k)
            if closing is not None and closing > k:
                return k < index < closing
            k -= 1
        return False

    def _no_personal_name(self, phrase: SpeakerPhrase, name_idx: list[int]) -> bool:
        """Is what ``split_mention`` took for a name a common noun (``كبير``, ``ذات``), or the
        name of the speaker's relative (``أخ الجندي فيصل العيافي``: the brother speaks)? Quoted
        names, definite surnames and ``بان كي مون`` stay names."""
        head = self.tk.tokens[phrase.first].norm
        head = head[1:] if head.startswith("و") and len(head) > 3 else head
        kinship = lexicon.words("kinship_nouns")
        if head in kinship or (head.startswith("ال") and head[2:] in kinship):
            return True
        if head in lexicon.words("quantifiers") and phrase.last > phrase.first:
            return True  # "الكثير من الجماهير": a group described, not a person named
        first = self.tk.tokens[name_idx[0]]
        if first.norm.startswith("ال") or is_complementizer(first) or len(name_idx) >= 3:
            return False
        opening = name_idx[0] - 1
        if self.tk.name_spans.get(opening, -1) > opening:
            return False  # صحيفة «كلارين»: the quoted word is the name
        last = self.tk.tokens[name_idx[-1]].norm
        if len(name_idx) == 2 and not last.startswith("ال") and is_rare_word(last) and follows_titles(first.norm):
            return False  # "نائب رئيس الوزراء التركي بكر بوزداغ": a given name and a foreign surname
        return is_common_noun(first.norm)

    def _match(self, name: list[str], role: list[str], anonymous: bool) -> Entity | None:
        """The earlier speaker a mention refers to, preferring the closest name match.

        Exact name, then the same surname (last word), then a name contained in the other;
        a role alone matches the same role or its head (``الوزير`` → ``وزير الخارجية …``).
        """
        recent = self.entities[-200:]  # bounded: linear on huge articles
        meaningful = [t for t in name if t not in NAME_PARTICLES]
        if meaningful and not anonymous:
            best: tuple[int, int] | None = None
            chosen = None
            words = set(name)
            for position, entity in enumerate(recent):
                if words.isdisjoint(entity.name_tokens):
                    continue  # no word in common: none of the ranks below can hold
                theirs = [t for t in entity.name_tokens if t not in NAME_PARTICLES]
                if not theirs or entity.group:
                    continue
                if meaningful == theirs:
                    rank = 4
                elif meaningful[-1] == theirs[-1]:
                    rank = 3  # the same surname: بيسكوف → دميتري بيسكوف
                elif len(meaningful) == 1 and meaningful[0] in theirs:
                    rank = 2
                elif all(t in entity.name_tokens for t in meaningful) or all(t in name for t in theirs):
                    rank = 1
                else:
                    continue
                key = (rank, position)
                if best is None or key > best:
                    best, chosen = key, entity
            if chosen is not None:
                return chosen
        if not name and role:
            for entity in reversed(recent):
                if role == entity.role_tokens:
                    return entity
            heads = [t[2:] if t.startswith("ال") else t for t in role]
            for entity in reversed(recent):
                entity_heads = entity.role_heads
                # "الوزير" → "وزير الخارجية"; "الرئيس الأمريكي" is not "رئيس الوزراء الكندي";
                # "المنظمة غير الحكومية" is the "منظمة" met before, which had no adjective of its own.
                if not entity.role_tokens or heads[0] not in entity_heads:
                    continue
                extra = [t for t, h in zip(role[1:], heads[1:], strict=False) if h not in entity_heads]
                if len(role) <= 2 and not extra:
                    return entity
                own_adjectives = any(is_adjective(t) for t in entity.role_tokens[1:])
                if extra and not own_adjectives and all(t == "غير" or is_adjective(t) for t in extra):
                    return entity
        if anonymous:
            for entity in reversed(recent):
                if entity.anonymous and role == entity.role_tokens:
                    return entity
        return None

    def resolve(self, candidates: Sequence[Candidate]) -> list[Resolution]:
        out: list[Resolution] = []
        previous: Entity | None = None
        for candidate in candidates:
            if candidate.passive:
                out.append(Resolution(candidate, None, None))
                continue
            phrase = candidate.phrase or candidate.subject_hint
            if phrase is not None:
                entity, kept = self.mention(phrase)
                mention = (kept.start, kept.end) if candidate.phrase is not None else None
                out.append(Resolution(candidate, entity, mention))
                previous = entity
                continue
            out.append(Resolution(candidate, previous, None))
        return out

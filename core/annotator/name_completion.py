"""Full names for speakers the article meets by a surname or a role alone.

An article introduces a person once after a title (``الرئيس الأمريكي دونالد ترامب``, ``الخبير
البيئي د. رامي ناصر``) and later writes only ``ترامب`` or ``الرئيس الأمريكي``; the speaker's
canonical name is the full one. What follows a title is a name only if it looks like one
throughout: no verb, common noun or prepositional phrase (``رجب طيب أردوغان باستغلال``), and
after a named body (``إدارة المطار``) only a word news writes after titles.
"""

from __future__ import annotations

from core.annotator import lexicon, wordstats
from core.annotator.attribution import cue_form
from core.annotator.speakers import (
    FREQUENT_COUNT,
    SpeakerResolver,
    follows_titles,
    is_common_noun,
    is_rare_word,
    looks_like_verb,
    strip_waw_prefix,
    strip_waw_title,
)
from core.annotator.tokens import Token, TokenizedText
from core.annotator.word_classes import (
    AUXILIARIES,
    BODY_LINKS,
    CLAUSE_OPENERS,
    NAME_PARTICLES,
    NAMES_WRITTEN_AS_PREPOSITIONS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    ends_on_function_word,
    has_pronoun_suffix,
    is_adjective,
    is_stop,
)
from core.folding import fold

_CLAUSE_WORDS = (CLAUSE_OPENERS | AUXILIARIES) - {"ان"}
# "البيان الختامي الذي قرأه", "مجلس الأمن الدولي اليوم الخميس بيانا": no role goes on past these.
_CHAIN_STOPS = RELATIVE_PRONOUNS | lexicon.words("time_words") | lexicon.words("weekdays")


def titled_names(
    tokenized: TokenizedText,
    by_role: dict[tuple[str, ...], set[str]] | None = None,
    full_roles: dict[tuple[str, ...], str] | None = None,
) -> dict[str, tuple[tuple[str, ...], str]]:
    """Full names introduced by a title anywhere in the article (``مؤسس تطبيق واتس آب جان كوم``,
    ``الدكتور سعيد السريحي``), keyed by their last word: a speaker met only by surname gets them.

    With ``by_role``, also fills role words (``الرئيس الأمريكي``) -> the names they introduce;
    with ``full_roles``, the first two words of each role chain -> its longest text
    (``الجهات التنظيمية`` -> ``الجهات التنظيمية بالمالية الإسلامية``).
    """
    titles = lexicon.titles()
    organisations = lexicon.organisation_heads()
    people = lexicon.person_titles()
    tokens = tokenized.tokens
    found: dict[str, tuple[tuple[str, ...], str]] = {}
    for token in tokenized.tokens_among(titles):
        index = token.index
        k = index + 1
        while k < len(tokens) and tokens[k].is_word and tokens[k].norm not in _CHAIN_STOPS and (
            strip_waw_title(tokens[k].norm) in titles
            or tokens[k].norm.startswith(("ال", "وال", "بال", "لل"))
            or (
                # not "المتحدث باسم الرئيس الكوري الجنوبي، مون جيه إن": the name is the president's
                tokens[k].norm in BODY_LINKS and k + 1 < len(tokens) and tokens[k + 1].is_word and tokens[k + 1].norm not in people
            )
        ):
            k += 1
        role_end = k
        if k + 1 < len(tokens) and tokens[k + 1].is_word and tokenized.closes_abbreviation(k):
            # "الخبير البيئي د. رامي ناصر": an abbreviated title (د. م. أ.) and its full stop
            # stand between the role and the name; the role ends before them.
            role_end, k = k - 1, k + 1
        if full_roles is not None and role_end - index >= 2:
            key = tuple(strip_waw_prefix(t.norm) for t in tokens[index : index + 2])
            text = tokenized.text[tokens[index].start : tokens[role_end - 1].end]
            if len(text) > len(full_roles.get(key, "")):
                full_roles[key] = text
        if role_end - index >= 2 and k + 1 < len(tokens) and tokens[k].norm in ("،", ","):
            k += 1  # a name in apposition: نائب رئيس الوزراء التركي، بكر بوزداغ
            if k + 1 < len(tokens) and tokens[k].norm in titles and tokens[k].norm.startswith("ال") and tokens[k + 1].is_word:
                k += 1  # with its own title: ولي العهد السعودي، الأمير محمد بن سلمان
        first = k
        if role_end - index >= 2 and token.norm in organisations and k < len(tokens) and not _given_name_like(tokens[k]):
            continue  # "ارتأت إدارة المطار ضرورة إيجاد مبنى": after a named body, no name
        while k < len(tokens) and k - first < 4 and tokens[k].is_word and not is_stop(tokens[k]) and tokens[k].norm not in titles and not _clause_word(tokens[k]):
            if tokens[k].norm.startswith("ال") and k > first and not tokens[k - 1].norm.startswith("ال"):
                k += 1  # the surname closes the name
                break
            if tokens[k].norm.startswith("ال"):
                break
            k += 1
        if k - first >= 2:
            name = tuple(t.norm for t in tokens[first:k])
            text = tokenized.text[tokens[first].start : tokens[k - 1].end]
            if by_role is not None:
                by_role.setdefault(tuple(strip_waw_prefix(t.norm) for t in tokens[index:role_end]), set()).add(text)
            # Each run of two words or more from the first is a full name ending on its last
            # word: the run may go on past the surname (``دونالد ترامب عشر دقائق``).
            for end in range(first + 2, k + 1):
                part = name[: end - first]
                previous = found.get(part[-1])
                if previous is None or len(part) > len(previous[0]):
                    found[part[-1]] = (part, tokenized.text[tokens[first].start : tokens[end - 1].end])
    return found


def untitled_name(tokenized: TokenizedText, surname: str) -> tuple[tuple[str, ...], str] | None:
    """The full name the article writes without a title (``واعتبرت كريستين لاغارد``) for a
    speaker met by the folded ``surname`` alone, as a name's words and its written text: one
    word that looks like a given name (``_untitled_given_name``) before the surname, on the same
    line. The surname is rare in news or follows titles there (not إسرائيل); one written with
    two different given names, or after a particle or a second given name (``أحمد بن محمد
    الجروان``, ``محمد جواد ظريف``: longer names, of which two words are a part), gets none.
    Read at the surname's places only (``TokenizedText.positions``)."""
    if len(surname) < 3 or surname in lexicon.titles() or not (is_rare_word(surname) or follows_titles(surname)):
        return None
    tokens = tokenized.tokens
    text = tokenized.text
    found: tuple[tuple[str, ...], str] | None = None
    for k in tokenized.positions().get(surname, ()):
        last = tokens[k]
        if k == 0 or not last.is_word or is_stop(last):
            continue
        given = tokens[k - 1]
        if not _untitled_given_name(given, text) or "\n" in text[given.end : last.start]:
            continue
        if k > 1 and (tokens[k - 2].norm in NAME_PARTICLES or _untitled_given_name(tokens[k - 2], text)):
            continue
        name = (given.norm, surname)
        if found is not None and found[0] != name:
            return None  # two given names: which is meant is not known
        found = (name, text[given.start : last.end])
    return found


def _untitled_given_name(token: Token, text: str) -> bool:
    """Could ``token`` be a given name written before a surname without a title? Not a
    preposition (``باسم لينا``: by the name; the name علي, written with ي, is one), a name
    particle (``لأبو فيصل``), a noun with a possessive pronoun (``نجله مهدي``) or a word that
    reads like a common noun or verb. The cheap tests of the folded word go first."""
    norm = token.norm
    if token.is_name_ali:
        return True
    return (
        token.is_word
        and len(norm) >= 3
        and not norm.isdigit()
        and not norm.startswith(("ال", "و", "لل", "بال", "فال", "كال"))
        and norm not in PREPOSITIONS
        and norm not in NAMES_WRITTEN_AS_PREPOSITIONS
        and norm not in NAME_PARTICLES
        and norm[1:] not in NAME_PARTICLES
        and norm not in lexicon.titles()
        and not is_stop(token)
        and not _clause_word(token)
        and not _preposition_on_frequent_word(norm)
        and not looks_like_verb(norm)
        and not _possessive_noun(text[token.start : token.end])
        and (follows_titles(norm) or (is_rare_word(norm) and _seldom_with_article(norm)))
    )


def _seldom_with_article(norm: str) -> bool:
    """Does news write a rare word as it writes given names? Not with the article (``الإخطار``
    a third of the time) or a possessive pronoun (``تشغله``), as common nouns and verbs go,
    nor often before a definite word, as verbs and nouns in construct do (``يكتشف المستثمر``,
    ``تعيد``); foreign given names (``كريستين``, ``غابرييل``) hardly ever."""
    profile = wordstats.shipped().get(norm)
    return profile is None or (
        profile.share("definite") < 30 and profile.share("suffixed") == 0 and profile.share("before_definite") < 20
    )


def _given_name_like(token: Token) -> bool:
    """Could ``token`` start a person's name after a named body (``المتحدثة باسم وزارة الخارجية
    هيذر نويرت``)? A word news uses often is one only if it often follows titles (``عبدالله``,
    ``مبارك``); ``ضرورة``, ``عدد`` and verbs (``تضمن``, ``تطلب``) never do. Rare words are
    mostly foreign names."""
    return token.is_name_ali or is_rare_word(token.norm) or follows_titles(token.norm)


def _clause_word(token: Token) -> bool:
    """``فقد``, ``وقد``, ``فقال``: a word that starts a clause cannot continue a name."""
    norm = token.norm
    if token.is_name_ali:
        return False  # the name علي (رئيس البرلمان الإيراني علي لاريجاني), not the preposition على
    return norm in _CLAUSE_WORDS or (norm[1:] in _CLAUSE_WORDS and norm[:1] in ("و", "ف")) or cue_form(token) is not None


def complete_names(tokenized: TokenizedText, resolver: SpeakerResolver) -> None:
    """Give speakers known by a surname or a role the full name the article introduces them by."""
    by_role: dict[tuple[str, ...], set[str]] = {}
    full_roles: dict[tuple[str, ...], str] = {}
    known = titled_names(tokenized, by_role, full_roles)
    for entity in resolver.entities:
        if not entity.name_tokens and entity.role_tokens and not entity.anonymous and not entity.group:
            # Known here only by a specific role ("الرئيس الأمريكي", not "النائب"): the article's
            # one name after that role.
            if len(entity.role_tokens) < 2:
                continue
            names = {n for n in by_role.get(tuple(entity.role_tokens), set()) if _plausible_name_after_role(n)}
            if not names:
                # "ممثل اليونيسيف" after "ممثل اليونيسيف باليمن، جوليان هارنيس": the one name
                # the article gives a longer form of the role.
                names = {n for n in _names_after_longer_role(by_role, entity.role_tokens) if _plausible_name_after_role(n)}
            fullest = full_roles.get(tuple(entity.role_tokens), "")
            if len(names) == 1:
                entity.fuller_name = next(iter(names))
            elif len(entity.role_tokens) == 2 and len(fullest) > len(entity.canonical) and not ends_on_function_word(fullest):
                entity.fuller_name = fullest  # the fullest mention
            continue
        if entity.group or not entity.name_tokens:
            continue
        ours = [t for t in entity.name_tokens if t not in NAME_PARTICLES]
        candidate = known.get(ours[-1]) if ours else None
        if candidate is None and len(ours) == 1:
            candidate = untitled_name(tokenized, ours[0])
        if (
            candidate is not None
            and len(candidate[0]) > len(ours)
            and all(t in candidate[0] for t in ours)
            and _plausible_fuller(candidate[1])
            and not _verb_in_news(candidate[0][0])
        ):
            entity.fuller_name = candidate[1]


def _names_after_longer_role(by_role: dict[tuple[str, ...], set[str]], role: list[str]) -> set[str]:
    """The names introduced after any role that begins with ``role``'s words and goes on with
    where or whom it serves (``باليمن``, ``لدى الأمم المتحدة``), not with an adjective: ``وزير
    الخارجية الروسي`` is not ``وزير الخارجية``."""
    size = len(role)
    prefix = tuple(role)
    return {
        name
        for words, names in by_role.items()
        if len(words) > size and words[:size] == prefix and not words[size].startswith(("ال", "وال"))
        for name in names
    }


def _plausible_name_after_role(name: str) -> bool:
    """The name a role introduces renames every quote of that role, so it must look like a
    name throughout: beyond the plausibility of a surname's fuller name, no noun with a
    possessive pronoun before its last word (``إيمانويل ماكرون نظيره الأمريكي``)."""
    if not _plausible_fuller(name):
        return False
    return not any(map(_possessive_noun, name.split()[:-1]))


def _possessive_noun(written: str) -> bool:
    """``نظيره``, ``ومقرها``: a common noun with a possessive pronoun. A name may end like one
    (``ديدييه``, ``زاده``): its stem is no common noun in unlabeled news."""
    if not has_pronoun_suffix(written):
        return False
    norm = fold(written)
    stem = norm.removeprefix("و").removesuffix("ها").removesuffix("هم").removesuffix("ه")
    return is_common_noun(stem)


def _plausible_fuller(name: str) -> bool:
    """A full name found after a title is no name if a word of it is a verb, a common noun or
    a preposition on a frequent word (``ويلبور روس قلل``, ``تدرس الملف``, ``إدوار فيليب الخطة``,
    ``رجب طيب أردوغان باستغلال``)."""
    words = fold(name).split()
    if words and words[0].startswith("وال"):
        return False  # "الوزير الحقيل، والرؤى الجديدة التي اقترحها": the sentence goes on
    return (
        not any(looks_like_verb(w) for w in words[1:])
        and not any(w.startswith("ال") and (is_common_noun(w) or _common_stem(w)) and not is_adjective(w) for w in words)
        and not any(map(_preposition_on_frequent_word, words))
    )


def _preposition_on_frequent_word(folded: str) -> bool:
    """``بقيادة``, ``بتغيير``, ``بالرياض``: ب or ل written onto a frequent word begins a
    prepositional phrase, which no name holds. A name that begins with those letters is rare
    without them (``بنيامين``, ``بلقيس``) or follows titles itself (``برهان``, ``لوران``); a
    short word is left alone."""
    if folded[:1] not in ("ب", "ل") or len(folded) <= 4:
        return False
    return not is_rare_word(folded[1:]) and not follows_titles(folded)


def _verb_in_news(folded: str) -> bool:
    """A frequent word that takes pronoun suffixes in news but never the article is a verb
    (``أصدره``, ``تولاه``), and no given name: a name after a title that starts with one ran
    in from the sentence (``أصدر دافيدي زيكانيلا``, ``تولى بموجبها تسفانغيراي``). Names that
    are nouns too take the article as well (``عمر``, ``جميل``, ``أمين``) and are kept."""
    profile = wordstats.shipped().get(folded)
    return (
        profile is not None and profile.count >= FREQUENT_COUNT and profile.share("definite") <= 2 and profile.share("suffixed") >= 15
    )


def _common_stem(definite: str) -> bool:
    """``الخطة``: the word without its article is common in news by itself and does not follow
    titles — a common noun, where a family name (الغامدي، الفيصل) is rare bare or follows titles."""
    profile = wordstats.shipped().get(definite[2:])
    return profile is not None and profile.count >= 50 and profile.share("after_title") < 20

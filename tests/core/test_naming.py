"""The naming ranker: which of the names a speaker was written with becomes its canonical one."""

from __future__ import annotations

from core.annotator.naming import features, name_key, naming_questions, options, rename
from core.annotator.ranker import Ranker, train
from core.annotator.speakers import Entity, Resolution


def _entity(*mentions: str, variants: tuple[str, ...] = ()) -> Entity:
    entity = Entity(mention_texts=list(mentions))
    for variant in variants:
        entity.name_variants[tuple(variant.split())] = variant
    return entity


def test_options_are_the_distinct_names_with_the_rules_choice_first() -> None:
    entity = _entity("الممثلة الأمريكية", "الممثلة الأمريكية", "النجمة الأمريكية")
    names = options(entity)
    assert names[0] == entity.canonical
    assert sorted(names) == ["الممثلة الأمريكية", "النجمة الأمريكية"]


def test_a_name_ending_on_a_preposition_or_relative_is_no_option_when_another_remains() -> None:
    entity = _entity("سانا عن", "المصدر", "الممثلة الأمريكية التي")
    assert sorted(options(entity)) == ["المصدر"]
    assert options(_entity("سانا عن")) == ["سانا عن"]  # nothing else to call it


def test_without_weights_the_rules_name_stays() -> None:
    entity = _entity("المصدر", "مصدر رسمي في وزارة الخارجية")
    before = entity.canonical
    rename([entity], Ranker())
    assert entity.canonical == before and entity.chosen_name == ""


def test_a_run_on_rules_name_gives_way_even_without_a_choice_to_make() -> None:
    entity = _entity("سانا عن")
    entity.mention_texts.append("المصدر")
    assert entity.canonical == "سانا عن"  # the rules take the longest mention
    rename([entity], Ranker({"n=1": 0.1}))
    assert entity.canonical == "المصدر"


def test_the_ranker_learns_to_prefer_names_many_mentions_share() -> None:
    # Speakers mentioned as "فاروق جود" twice and once with a run-on; the gold name is the shared one.
    questions = []
    for _ in range(5):
        entity = _entity("فاروق جود", "فاروق جود", "شأن حصول أبناء جود")
        gold = frozenset({name_key("فاروق جود")})
        resolutions = [Resolution(None, entity, None)] * 3  # type: ignore[arg-type]
        questions += naming_questions(resolutions, [gold, gold, gold])
    assert questions and all(sum(q.right) == 1 for q in questions)
    ranker = train(questions, l2=0.005)
    entity = _entity("فاروق جود", "شأن حصول أبناء جود", "فاروق جود")
    rename([entity], ranker)
    assert entity.canonical == "فاروق جود"


def test_entities_whose_names_are_all_right_or_all_wrong_ask_nothing() -> None:
    entity = _entity("الوزير", "وزير الخارجية")
    both = frozenset({name_key("الوزير"), name_key("وزير الخارجية")})
    neither = frozenset({name_key("السفير")})
    assert naming_questions([Resolution(None, entity, None)], [both]) == []  # type: ignore[arg-type]
    assert naming_questions([Resolution(None, entity, None)], [neither]) == []  # type: ignore[arg-type]
    assert naming_questions([Resolution(None, entity, None)], [False]) == []  # type: ignore[arg-type]


def test_features_describe_length_sharing_and_the_rules_choice() -> None:
    entity = _entity("فاروق جود", "رجل الأعمال فاروق جود")
    names = options(entity)
    described = dict(zip(names, features(entity, names), strict=True))
    assert "rules" in described[entity.canonical]
    assert "inside=2" in described["فاروق جود"] and "n=2" in described["فاروق جود"]
    assert "has_title" in described["رجل الأعمال فاروق جود"]


def test_the_name_ali_is_not_the_preposition_ala() -> None:
    entity = _entity("وزير المياه سامي علي", "الوزير", variants=("سامي علي",))
    assert "سامي علي" in options(entity)
    assert "المسؤول على" not in options(_entity("المسؤول على", "المسؤول"))

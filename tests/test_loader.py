"""Loading and validating whole stories: every problem, at its place, in one pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from story import StoryError, load_story, read_story
from tests.conftest import MINI, write

HEAD = """story:
  title: {en: T}
  zone: America/Los_Angeles
  languages: [en]
sources:
  - {id: s, kind: seed, title: {en: S}, outlet: {en: O}, language: fr}
"""


def problems(tmp_path: Path, body: str, head: str = HEAD) -> list[str]:
    path = write(tmp_path, "story.yaml", head + body)
    saga, found = read_story(path, "story.yaml")
    assert saga is None
    return [str(problem) for problem in found]


def event(extra: str = "", **fields: str) -> str:
    values = {
        "id": "e",
        "date": '"2023-11-17"',
        "title": "{en: T}",
        "text": "{en: T}",
        "sources": "[s]",
        **fields,
    }
    lines = "".join(f"    {key}: {value}\n" for key, value in values.items())
    return "events:\n  - " + lines.lstrip() + extra


def test_mini_story_loads(mini_path: Path = MINI) -> None:
    saga = load_story(mini_path)
    assert [day.id for day in saga.days] == ["background", "2023-11-16", "2023-11-17", "2023-11-22"]


def test_unquoted_time_is_refused_with_a_hint(tmp_path: Path) -> None:
    found = problems(tmp_path, event(time="12:30"))
    assert found == [
        "story.yaml:13:11: expected text, got a number (YAML reads 12:30 as a number: "
        'put it in quotes, "12:30")'
    ]


def test_yes_no_text_is_refused(tmp_path: Path) -> None:
    found = problems(tmp_path, event(title="{en: no}"))
    assert "YAML reads no as a yes/no value" in found[0]


def test_every_problem_at_once(tmp_path: Path) -> None:
    body = event(colour="red", date='"2023-13-45"') + "  - id: Bad Id\n"
    found = problems(tmp_path, body)
    assert any("unknown key 'colour'" in line for line in found)
    assert any(
        line.startswith("story.yaml:13:") and "is not a quoted date" not in line for line in found
    )
    assert any("'Bad Id' is not a kebab-case id" in line for line in found)
    assert any("missing key 'date'" in line for line in found)


def test_unreal_calendar_date(tmp_path: Path) -> None:
    found = problems(tmp_path, event(date='"2023-02-30"'))
    assert found == ["story.yaml:9:11: '2023-02-30' is not a real calendar date"]


def test_dangling_references(tmp_path: Path) -> None:
    found = problems(tmp_path, event(actors="[nobody]", sources="[s, gone]"))
    assert sorted(found) == [
        "story.yaml:12:18: unknown source 'gone'",
        "story.yaml:13:14: unknown actor 'nobody'",
    ]


def test_duplicate_ids_name_the_first(tmp_path: Path) -> None:
    body = (
        event() + '  - {id: e, date: "2023-11-18", title: {en: T}, text: {en: T}, sources: [s]}\n'
    )
    found = problems(tmp_path, body)
    assert found == ["story.yaml:13:10: duplicate event id 'e' (first at story.yaml:8:5)"]


def test_items_must_cite_a_source(tmp_path: Path) -> None:
    found = problems(tmp_path, event(sources="[]"))
    assert found == ["story.yaml:12:14: this event cites no source"]


def test_missing_translation(tmp_path: Path) -> None:
    head = (
        HEAD.replace("languages: [en]", "languages: [en, fr]")
        .replace("title: {en: T}", "title: {en: T, fr: T}")
        .replace("title: {en: S}", "title: {en: S, fr: S}")
    )
    found = problems(tmp_path, event(), head)
    assert "story.yaml:10:12: title: no text in fr" in found
    assert "story.yaml:11:11: text: no text in fr" in found


def test_overlapping_roles(tmp_path: Path) -> None:
    body = """actors:
  - id: a
    kind: person
    name: {en: A}
    bio: {en: B}
    sources: [s]
    roles:
      - {position: ceo, org: a, title: {en: CEO}, from: "2023-01-01", to: "2023-06-30", sources: [s]}
      - {position: ceo, org: a, title: {en: CEO}, from: "2023-06-01", sources: [s]}
      - {position: cto, org: a, title: {en: CTO}, from: "2023-06-01", to: "2023-05-01", sources: [s]}
"""
    found = problems(tmp_path, body)
    assert found[0].startswith("story.yaml:15:9: a's 'ceo' role overlaps an earlier one")
    assert found[1] == "story.yaml:16:75: role ends (2023-05-01) before it starts (2023-06-01)"


ACTOR_WITH = """actors:
  - id: a
    kind: person
    name: {{en: A}}
    bio: {{en: B}}
    sources: [s]
    roles:
      - {{position: ceo, org: a, title: {{en: CEO}}, sources: [s], {ends}}}
"""


def test_a_role_ends_at_a_moment_given_once(tmp_path: Path) -> None:
    both = ACTOR_WITH.format(ends='to: "2023-11-17", to_event: e')
    assert problems(tmp_path, event() + both) == [
        "story.yaml:20:83: give either 'to_event' or 'to' (with 'to_time'), not both"
    ]
    no_day = ACTOR_WITH.format(ends='to_time: "12:00"')
    assert problems(tmp_path, event() + no_day) == [
        "story.yaml:20:65: 'to_time' needs a full day in 'to' (\"YYYY-MM-DD\")"
    ]
    coarse = ACTOR_WITH.format(ends='from: "2023", from_time: "09:00"')
    assert problems(tmp_path, event() + coarse) == [
        "story.yaml:20:79: 'from_time' needs a full day in 'from' (\"YYYY-MM-DD\")"
    ]


def test_a_role_ends_at_a_known_event_with_a_day(tmp_path: Path) -> None:
    gone = ACTOR_WITH.format(ends="to_event: gone")
    assert problems(tmp_path, event() + gone) == ["story.yaml:20:75: unknown event 'gone'"]
    yearly = ACTOR_WITH.format(ends="to_event: e")
    assert problems(tmp_path, event(date='"2019"') + yearly) == [
        "story.yaml:20:75: event 'e' is dated 2019: a role starts or ends at a full day"
    ]


def test_a_role_cannot_end_before_the_moment_it_starts(tmp_path: Path) -> None:
    early = ACTOR_WITH.format(ends='from: "2023-11-17", from_time: "15:00", to_event: e')
    assert problems(tmp_path, event(time='"12:00"') + early) == [
        "story.yaml:21:115: role ends (event 'e') before it starts (2023-11-17 15:00)"
    ]


def test_control_characters_in_text_are_refused(tmp_path: Path) -> None:
    found = problems(tmp_path, event(title='{en: "\\e]0;pwned\\a"}'))
    assert found == ["story.yaml:10:17: control character U+001B in text (terminals obey them)"]


def test_story_section_required_and_single(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", HEAD)
    write(tmp_path, "b.yaml", HEAD.replace("id: s,", "id: t,"))
    saga, found = read_story(tmp_path, "dir")
    assert saga is None
    assert [str(p) for p in found] == [
        "dir/b.yaml:1:1: a second 'story' section (there must be one)"
    ]
    empty = tmp_path / "none"
    empty.mkdir()
    write(empty, "a.yaml", "sources: []\n")
    _, found = read_story(empty, "none")
    assert [str(p) for p in found] == ["none/a.yaml: no 'story' section in the story"]


def test_unknown_zone(tmp_path: Path) -> None:
    found = problems(tmp_path, "", HEAD.replace("America/Los_Angeles", "Mars/Olympus"))
    assert found == ["story.yaml:3:9: 'Mars/Olympus' is not a known time zone"]


def test_empty_folder_and_missing_path(tmp_path: Path) -> None:
    assert [str(p) for p in read_story(tmp_path, "d")[1]] == ["d: no .yaml files in this folder"]
    assert [str(p) for p in read_story(tmp_path / "x", "x")[1]] == ["x: no such file or folder"]


def test_load_story_raises_story_error(tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", "a: [\n")
    with pytest.raises(StoryError) as raised:
        load_story(tmp_path / "s.yaml", "s.yaml")
    assert str(raised.value) == "s.yaml:2:1: invalid YAML: did not find expected node content"


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", "- a\n- b\n")
    _, found = read_story(tmp_path / "s.yaml", "s.yaml")
    assert [str(p) for p in found] == ["s.yaml:1:1: expected a mapping (storyfile), got a list"]

"""Loading and validating whole stories: every problem, at its place, in one pass."""

from __future__ import annotations

import os
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


@pytest.mark.parametrize(
    "code", ["202a", "202b", "202c", "202d", "202e", "2066", "2067", "2068", "2069"]
)
def test_bidi_controls_in_text_are_refused(tmp_path: Path, code: str) -> None:
    """An override could make a title read as something it is not ("Trojan Source"); YAML
    allows them written raw, so both the raw and the escaped forms are refused."""
    char = chr(int(code, 16))
    expected = (
        f"story.yaml:10:17: bidi control U+{code.upper()} in text (it reorders what is shown)"
    )
    assert problems(tmp_path, event(title=f'{{en: "\\u{code}Sam"}}')) == [expected]
    assert problems(tmp_path, event(title=f"{{en: 'Sam {char}nimda'}}")) == [expected]
    raw_in_plain_text = HEAD.replace("language: fr}", f"language: fr, file: 'a{char}.txt'}}")
    assert any("bidi control" in line for line in problems(tmp_path, event(), raw_in_plain_text))


def test_bidi_marks_are_allowed(tmp_path: Path) -> None:
    """Right-to-left writing relies on the marks (LRM, RLM, ALM): they reorder nothing beyond
    the neutral characters next to them."""
    path = write(tmp_path, "story.yaml", HEAD + event(title="{en: 'a\u200fb\u200ec\u061c'}"))
    saga, found = read_story(path, "story.yaml")
    assert found == [] and saga is not None
    assert saga.event_by_id["e"].title("en") == "a\u200fb\u200ec\u061c"


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
    assert [str(p) for p in found] == ["none: no 'story' section in the story"]


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


def split_story(folder: Path) -> Path:
    """The shipped story's layout in miniature: settings, sources and events in three files."""
    folder.mkdir()
    write(folder, "story.yaml", HEAD.split("sources:")[0])
    write(
        folder,
        "sources.yaml",
        "sources:\n  - {id: s, kind: seed, title: {en: S}, outlet: {en: O}, language: fr}\n",
    )
    events = "".join(
        f'  - {{id: e{n}, date: "2023-11-17", title: {{en: T}}, text: {{en: T}}, sources: [s]}}\n'
        for n in range(400)
    )
    write(folder, "events.yaml", "events:\n" + events)
    return folder


def test_one_bad_source_kind_is_one_problem(tmp_path: Path) -> None:
    """It used to cost 394 lines: one per reference to the source it made unknown."""
    story = split_story(tmp_path / "s")
    sources = story / "sources.yaml"
    sources.write_text(sources.read_text().replace("kind: seed", "kind: seeds"))
    saga, found = read_story(story, "s")
    assert saga is None
    assert [str(p) for p in found] == ["s/sources.yaml:2:19: 'seeds' is not one of: seed, outside"]


def test_a_broken_file_is_blamed_alone(tmp_path: Path) -> None:
    """A failure in story.yaml used to be reported as actors.yaml's missing 'story' section."""
    story = split_story(tmp_path / "s")
    write(story, "actors.yaml", "actors: []\n")
    write(story, "story.yaml", "story:\n  title: {en: T\n")
    _, found = read_story(story, "s")
    assert len(found) == 1 and found[0].file == "s/story.yaml"
    write(story, "story.yaml", "story:\n  title: {en: T}\n  zone: 3\n  languages: [en]\n")
    _, found = read_story(story, "s")
    assert [str(p) for p in found] == [
        's/story.yaml:3:9: expected text, got a number (YAML reads 3 as a number: put it in quotes, "3")'
    ]


def test_unknown_ids_are_still_reported_beside_a_broken_item(tmp_path: Path) -> None:
    story = split_story(tmp_path / "s")
    events = story / "events.yaml"
    text = events.read_text().replace("id: e3,", "id: e3, colour: red,")
    events.write_text(text.replace("sources: [s]}", "sources: [gone]}", 1))
    _, found = read_story(story, "s")
    assert [p.message for p in found] == [
        "unknown key 'colour' (expected: id, date, title, text, sources, time, actors, quotes, figure)",
        "unknown source 'gone'",
    ]


def test_duplicate_ids_across_files_name_the_first_place(tmp_path: Path) -> None:
    story = split_story(tmp_path / "s")
    write(
        story,
        "more.yaml",
        'events:\n  - {id: e7, date: "2023-11-18", title: {en: T}, text: {en: T}, sources: [s]}\n',
    )
    _, found = read_story(story, "s")
    assert [str(p) for p in found] == [
        "s/more.yaml:2:10: duplicate event id 'e7' (first at s/events.yaml:9:5)"
    ]


def test_problems_are_kept_up_to_a_cap_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from story import loader, problems

    monkeypatch.setattr(problems, "MAX_KEPT", 30)
    story = split_story(tmp_path / "s")
    events = story / "events.yaml"
    events.write_text(events.read_text().replace("title: {en: T}", "title: {en: T}, x: 1"))
    saga, found, total = loader.read_story_counted(story, "s")
    assert saga is None and total == 400 and len(found) == 30
    assert all("unknown key 'x'" in p.message and p.line is not None for p in found)


def test_values_are_capped_across_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from story import loader

    monkeypatch.setattr(loader, "MAX_VALUES", 1000)
    story = split_story(tmp_path / "s")
    _, found = read_story(story, "s")
    assert [str(p) for p in found] == ["s/events.yaml:64:35: more than 1,000 values in the story"]


def test_story_folder_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from story import loader

    story = split_story(tmp_path / "s")
    monkeypatch.setattr(loader, "MAX_FILES", 2)
    assert [str(p) for p in read_story(story, "s")[1]] == ["s: more than 2 story files"]
    monkeypatch.setattr(loader, "MAX_FILES", 500)
    monkeypatch.setattr(loader, "MAX_STORY_BYTES", 1024 * 1024 - 1)
    write(story, "big.yaml", "notes: []\n" + "#" * 1024 * 1024)
    assert [str(p) for p in read_story(story, "s")[1]] == ["s: story files total over 0 MiB"]


def test_a_symlink_loop_is_not_called_missing(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert [str(p) for p in read_story(loop, "loop")[1]] == [
        "loop: cannot read: Too many levels of symbolic links"
    ]
    story = split_story(tmp_path / "s")
    (story / "loop.yaml").symlink_to(story / "loop.yaml")
    assert [str(p) for p in read_story(story, "s")[1]] == [
        "s/loop.yaml: cannot read: Too many levels of symbolic links"
    ]


def test_messages_show_control_characters_and_odd_bytes_as_escapes(tmp_path: Path) -> None:
    """An unknown key or a file name could retitle the terminal (OSC 0), write to the clipboard
    (OSC 52) or split a message in two; a name that is not UTF-8 could not be printed."""
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/s\xff\x1b]0;x\x07\nnew"))
    folder.mkdir()
    write(folder, "a.yaml", HEAD + 'events: []\n"\\e]52;c;aGk=\\a\\x9b\\u202e": 1\n')
    _, found = read_story(folder, str(folder))
    [line] = [str(p) for p in found]
    assert (
        "s\\xff\\x1b]0;x\\x07\\nnew/a.yaml:8:1: unknown key '\\x1b]52;c;aGk=\\x07\\x9b\\u202e'"
        in line
    )
    assert line.isprintable()


def test_progress_is_reported_while_a_story_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from story import yamlread

    monkeypatch.setattr(yamlread, "PROGRESS_EVERY", 500)
    story = split_story(tmp_path / "s")
    shares: list[float] = []
    saga, found = read_story(story, "s", shares.append)
    assert saga is not None and found == []
    assert len(shares) > 5 and shares == sorted(shares)
    assert 0 < shares[0] < 0.6 and shares[-1] == 1.0

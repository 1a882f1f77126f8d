"""One view of an event: the event pane, the script screen, the notes view and the handouts
draw the same `event_view` / `beat_view`, so they show the same parts, notes included, and mark
a fallback the same way."""

from __future__ import annotations

import pytest

from story import Saga
from tui.classroom.notes_view import notes_text
from tui.view.brief import build_brief
from tui.view.event_view import beat_view, event_view
from tui.view.export import dossier, to_markdown, whole_story
from tui.view.render import event_detail
from tui.view.script_text import ending_text
from tui.view.selection import Selection
from tui.view.shown import marked


def handout_blocks_of(saga: Saga, lang: str, event_id: str) -> str:
    """The handout's text for one event: from its heading to the next event's heading."""
    handout = whole_story(saga, lang)
    event = saga.event_by_id[event_id]
    title = marked(event.title.get(lang))
    texts = [block.text for block in handout.blocks]
    start = next(
        i for i, block in enumerate(handout.blocks) if block.kind == "h4" and title in block.text
    )
    end = next(
        (i for i in range(start + 1, len(texts)) if handout.blocks[i].kind in ("h4", "day", "h2")),
        len(texts),
    )
    return "\n".join(texts[start:end])


def events_with_notes(saga: Saga) -> list[str]:
    return [event.id for event in saga.events if saga.notes_about(event.id)]


def test_the_shipped_story_has_events_with_notes_and_beats(saga: Saga) -> None:
    """The agreement tests below need events that carry notes and script beats."""
    assert events_with_notes(saga)
    assert any(saga.acts_of_event.get(event.id) for event in saga.events)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pane_and_handout_show_the_same_parts_of_every_event(saga: Saga, lang: str) -> None:
    """Every note title, script beat, actor and source the pane shows, the handout shows too."""
    for event in saga.events:
        view = event_view(saga, event, lang)
        pane = event_detail(saga, event, lang, None).plain
        handout = handout_blocks_of(saga, lang, event.id)
        parts = [
            marked(view.title),
            view.date,
            *(marked(note.title) for note in view.notes),
            *(marked(note.text) for note in view.notes),
            *(beat.act for beat in view.beats),
            *(marked(beat.text) for beat in view.beats),
            *(marked(actor.name) for actor in view.actors),
            *(source.label for source in view.sources),
        ]
        for part in parts:
            assert part in pane, (event.id, part)
            assert part in handout, (event.id, part)


def test_the_handout_keeps_the_notes_about_an_event(saga: Saga) -> None:
    """The handout used to drop the notes the event pane shows."""
    event_id = events_with_notes(saga)[0]
    note = saga.notes_about(event_id)[0]
    assert note.title("en") in handout_blocks_of(saga, "en", event_id)


def test_a_beat_reads_the_same_on_the_pane_the_notes_and_the_script(saga: Saga) -> None:
    """The event pane and the teacher's notes name a beat's act as the script screen numbers it
    ("Act 2 · …"), not by its bare title."""
    event = next(event for event in saga.events if saga.acts_of_event.get(event.id))
    act, beat = saga.acts_of_event[event.id][0]
    view = beat_view(saga, act, beat, "en")
    assert view.act.startswith(("Act ", act.title("en")))
    pane = event_detail(saga, event, "en", None).plain
    notes = notes_text(saga, Selection(event=event.id, lang="en"), "en").plain
    assert view.act in pane and view.act in notes
    assert to_markdown(whole_story(saga, "en")).count(view.act) >= 2  # script part and event


def test_one_fallback_mark_everywhere(mini: Saga) -> None:
    """The mini story has no Chinese: every view marks the English stand-in " ⟨en⟩"."""
    event = mini.events[-1]
    stand_in = event.title("en") + " ⟨en⟩"
    assert stand_in in event_detail(mini, event, "zh", None).plain
    assert stand_in in to_markdown(whole_story(mini, "zh")).replace("\\", "")
    brief = build_brief(mini, "zh")
    assert any(stand_in == title for row in brief.days for _, title in row.events)
    script = mini.script
    assert script is not None
    ending = ending_text(mini, script.acts[-1], "zh").plain
    assert "⟨en⟩" in ending


def test_a_dossier_shows_each_event_as_the_whole_story_does(mini: Saga) -> None:
    """A dossier's event blocks are the whole story's, word for word."""
    actor_id = "mira-murati"
    mine = dossier(mini, "en", actor_id)
    whole = [block.text for block in whole_story(mini, "en").blocks]
    event_texts = [block.text for block in mine.blocks if block.kind in ("p", "meta", "quote")]
    for text in event_texts[1:]:  # the first is the actor's bio
        assert text in whole

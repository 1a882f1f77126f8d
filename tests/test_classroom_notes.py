"""The teacher's notes view: what the room does not see, following the class through the hub."""

from __future__ import annotations

import asyncio

import aiohttp
from textual.widgets import Static

from story import Saga
from tests.test_classroom_hub import TOKEN, join, running_hub
from tui.classroom.client import hub_address
from tui.classroom.notes import NotesApp
from tui.classroom.notes_view import notes_text
from tui.view.selection import Selection

NOTED = "capped-profit-turn"


def test_notes_show_the_notes_and_the_script_beats(saga: Saga) -> None:
    text = notes_text(saga, Selection(event=NOTED, lang="en"), "en").plain
    for note in saga.notes_about(NOTED):
        assert note.title("en") in text
    fired = next(event for event in saga.events if saga.acts_of_event.get(event.id))
    beats = saga.acts_of_event[fired.id]
    text = notes_text(saga, Selection(event=fired.id, lang="fr"), "fr").plain
    assert beats[0][1].text("fr") in text and "Questions pour la discussion" in text


async def test_the_notes_view_follows_the_class(saga: Saga) -> None:
    async with running_hub() as (_, url), aiohttp.ClientSession() as session:
        app = NotesApp(saga, hub_address(url, environ={}), "en")
        async with app.run_test(size=(100, 40)) as pilot:
            teacher, _ = await join(session, url, "lead", TOKEN)
            await teacher.send_json(
                {"type": "select", "selection": Selection(event=NOTED, lang="fr").to_dict()}
            )
            await teacher.send_json(
                {"type": "clock", "interval": 30, "remaining": 25, "paused": False}
            )
            body = app.query_one("#notes-body", Static)
            for _ in range(100):
                await pilot.pause(0.05)
                if saga.notes_about(NOTED)[0].title("en") in str(body.render()):
                    break
            assert saga.notes_about(NOTED)[0].title("en") in str(body.render())
            await asyncio.sleep(0.6)
            await pilot.pause()
            status = str(app.query_one("#notes-status", Static).render())
            assert "next in 2" in status and "Following the class" in status

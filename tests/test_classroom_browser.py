"""`serve --class` in a real headless Chromium (Debian's, driven by Playwright): a teacher's
page and two students' pages; the students follow, each in the language they chose.

The terminal is drawn on a canvas, so each page's screen is read from the frames its
WebSocket receives; keys are pressed on the page as a person would.
"""

from __future__ import annotations

import asyncio
import re
import time

from playwright.async_api import Page, WebSocket, async_playwright

from story import Saga
from tests.serving import served
from tests.test_classroom_serve import token_of
from tui.locale.cldr import long_day

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class Screen:
    """What a page's terminal received, as text."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.text = ""
        self.mark = 0
        page.on("websocket", self._watch)

    def _watch(self, socket: WebSocket) -> None:
        socket.on("framereceived", self._frame)

    def _frame(self, payload: str | bytes) -> None:
        raw = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        self.text += _ESCAPES.sub("", raw)

    async def shows(self, wanted: str, timeout: float = 45) -> None:
        deadline = time.monotonic() + timeout
        while wanted not in self.text[self.mark :]:
            if time.monotonic() > deadline:
                raise AssertionError(f"never showed {wanted!r}: {self.text[-300:]!r}")
            await asyncio.sleep(0.1)
        self.mark = self.text.index(wanted, self.mark) + len(wanted)

    async def press(self, *keys: str) -> None:
        await self.page.click("#terminal")
        for key in keys:
            await self.page.keyboard.press(key)


async def test_students_in_chromium_follow_the_teacher_in_their_languages(saga: Saga) -> None:
    last, before = saga.days[-1].id, saga.days[-2].id
    with served("--class") as server:
        token = token_of(server)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                pages = [
                    await browser.new_page(viewport={"width": 1280, "height": 800})
                    for _ in range(3)
                ]
                anna, budi, teacher = (Screen(page) for page in pages)
                await anna.page.goto(server.origin + "/?fontsize=14")
                await budi.page.goto(f"http://localhost:{server.port}/")
                for screen in (anna, budi):
                    await screen.shows("The OpenAI Saga")
                await anna.press("l")
                await anna.shows("Français")
                await budi.press("l", "l", "l")
                await budi.shows("中文")
                await teacher.page.goto(f"{server.origin}/teacher/{token}")
                await teacher.shows("Leading the class")
                await teacher.press("End")
                await anna.shows(long_day(last, "fr"))
                await budi.shows(long_day(last, "zh"))
                await anna.press("Home")  # a student cannot move the class
                await anna.shows("L'enseignant mène")
                await teacher.press("ArrowLeft")
                await anna.shows(long_day(before, "fr"))
                await budi.shows(long_day(before, "zh"))
                assert token not in anna.text + budi.text
                assert token not in await anna.page.content()
            finally:
                await browser.close()

"""The class hub over its WebSocket protocol: a teacher leads, students follow and cannot lead."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
from aiohttp import web

from tui.classroom.client import ClassConnection, hub_address
from tui.classroom.hub import ClassHub
from tui.classroom.protocol import Message, SelectionIs, Welcome
from tui.view.selection import Mode, Selection

TOKEN = "teacher-token-for-tests"


@asynccontextmanager
async def running_hub(max_students: int = 40) -> AsyncIterator[tuple[ClassHub, str]]:
    """A hub on a free loopback port, and its address."""
    hub = ClassHub(TOKEN, max_students=max_students)
    app = web.Application()
    app.router.add_get("/class/ws", hub.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield hub, f"ws://127.0.0.1:{port}/class/ws"
    finally:
        await hub.close_all()
        await runner.cleanup()


async def join(
    session: aiohttp.ClientSession, url: str, role: str, token: str = ""
) -> tuple[aiohttp.ClientWebSocketResponse, dict[str, object]]:
    socket = await session.ws_connect(url)
    await socket.send_json({"type": "hello", "role": role, "token": token})
    return socket, await socket.receive_json(timeout=5)


async def next_of(socket: aiohttp.ClientWebSocketResponse, kind: str) -> dict[str, object]:
    while True:
        message: dict[str, object] = await socket.receive_json(timeout=5)
        if message["type"] == kind:
            return message


def moment(
    event: str, lang: str = "en", mode: Mode = "browse"
) -> dict[str, str | int | bool | None]:
    return Selection(event=event, lang=lang, mode=mode).to_dict()


async def test_students_follow_the_teacher_and_cannot_lead() -> None:
    async with running_hub() as (hub, url), aiohttp.ClientSession() as session:
        teacher, welcome = await join(session, url, "lead", TOKEN)
        assert welcome == {"type": "welcome", "role": "lead", "following": True}
        anna, _ = await join(session, url, "follow")
        budi, _ = await join(session, url, "follow")
        counts = [(await next_of(teacher, "students"))["count"] for _ in range(3)]
        assert counts == [0, 1, 2]  # the teacher sees the class fill up
        await teacher.send_json(
            {"type": "select", "selection": moment("altman-fired", "en", "present")}
        )
        for student in (anna, budi):
            got = await next_of(student, "selection")
            assert got["selection"]["event"] == "altman-fired"  # type: ignore[index]
            assert got["selection"]["mode"] == "present"  # type: ignore[index]
        # A student tries to move the class: refused, and the class stays where it was.
        await anna.send_json({"type": "select", "selection": moment("altman-returns")})
        refused = await next_of(anna, "refused")
        assert "teacher" in str(refused["reason"])
        assert hub.selection is not None and hub.selection.event == "altman-fired"
        await anna.send_json({"type": "release"})
        await next_of(anna, "refused")
        assert hub.following
        # A late student gets the class's moment at once.
        late, _ = await join(session, url, "follow")
        assert (await next_of(late, "selection"))["selection"]["event"] == "altman-fired"  # type: ignore[index]


async def test_release_and_recall() -> None:
    async with running_hub() as (hub, url), aiohttp.ClientSession() as session:
        teacher, _ = await join(session, url, "lead", TOKEN)
        student, _ = await join(session, url, "follow")
        await teacher.send_json({"type": "release"})
        assert (await next_of(student, "following"))["following"] is False
        assert (await next_of(teacher, "following"))["following"] is False
        _late, welcome = await join(session, url, "follow")
        assert welcome["following"] is False
        await teacher.send_json({"type": "recall"})
        assert (await next_of(student, "following"))["following"] is True
        assert hub.following


async def test_a_wrong_token_cannot_lead() -> None:
    async with running_hub() as (hub, url), aiohttp.ClientSession() as session:
        for token in ("", "guess", TOKEN[:-1], TOKEN + "x"):
            intruder, answer = await join(session, url, "lead", token)
            assert answer["type"] == "refused" and "token" in str(answer["reason"])
            closed = await intruder.receive(timeout=5)
            assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert hub.selection is None and not hub.members


async def test_the_token_never_reaches_students() -> None:
    async with running_hub() as (_, url), aiohttp.ClientSession() as session:
        teacher, _ = await join(session, url, "lead", TOKEN)
        student, welcome = await join(session, url, "follow")
        await teacher.send_json({"type": "select", "selection": moment("altman-fired")})
        await teacher.send_json({"type": "clock", "interval": 20, "remaining": 20, "paused": False})
        await teacher.send_json({"type": "release"})
        seen = [json.dumps(welcome)]
        for _ in range(3):
            seen.append((await student.receive(timeout=5)).data)
        assert TOKEN not in "".join(seen)


async def test_a_full_class_says_so() -> None:
    async with running_hub(max_students=2) as (_, url), aiohttp.ClientSession() as session:
        first = await join(session, url, "follow")
        second = await join(session, url, "follow")
        assert first[1]["type"] == second[1]["type"] == "welcome"
        _, answer = await join(session, url, "follow")
        assert answer["type"] == "refused" and "full" in str(answer["reason"])
        _, teacher = await join(session, url, "lead", TOKEN)  # the teacher still gets in
        assert teacher["type"] == "welcome"


async def test_garbage_is_refused_and_does_not_end_the_hub() -> None:
    async with running_hub() as (hub, url), aiohttp.ClientSession() as session:
        socket = await session.ws_connect(url)
        await socket.send_str("{not json")
        assert (await socket.receive_json(timeout=5))["type"] == "refused"
        teacher, _ = await join(session, url, "lead", TOKEN)
        await teacher.send_str('{"type": "select", "selection": {"event": 1}}')
        assert (await next_of(teacher, "refused"))["type"] == "refused"
        await teacher.send_str("x" * 20_000)  # over the size cap: the connection is closed
        closed = await teacher.receive(timeout=5)
        assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        _student, welcome = await join(session, url, "follow")
        assert welcome["type"] == "welcome" and hub.selection is None


async def test_the_client_connection_follows_and_reconnects() -> None:
    """`ClassConnection` (what runs inside an app) against a real hub."""
    received: list[Message] = []
    statuses: list[tuple[str, str]] = []
    async with running_hub() as (_hub, url), aiohttp.ClientSession() as session:
        connection = ClassConnection(
            hub_address(url, environ={}),
            "follow",
            received.append,
            lambda status, detail: statuses.append((status, detail)),
        )
        task = asyncio.create_task(connection.run())
        teacher, _ = await join(session, url, "lead", TOKEN)
        for _ in range(100):
            if connection.connected:
                break
            await asyncio.sleep(0.05)
        await teacher.send_json({"type": "select", "selection": moment("altman-fired", "zh")})
        for _ in range(100):
            if any(isinstance(m, SelectionIs) for m in received):
                break
            await asyncio.sleep(0.05)
        assert isinstance(received[0], Welcome) and statuses[0] == ("connected", "follow")
        assert [m.selection.event for m in received if isinstance(m, SelectionIs)] == [
            "altman-fired"
        ]
        connection.stop()
        task.cancel()


async def test_the_client_stops_on_a_refusal() -> None:
    statuses: list[tuple[str, str]] = []
    async with running_hub() as (_, url):
        connection = ClassConnection(
            hub_address(url + "?token=wrong", environ={}),
            "lead",
            lambda m: None,
            lambda status, detail: statuses.append((status, detail)),
        )
        await asyncio.wait_for(connection.run(), 10)  # returns: no retry after a refusal
    assert statuses[0][0] == "refused" and "token" in statuses[0][1]


async def test_a_client_that_keeps_sending_is_let_go() -> None:
    async with running_hub() as (hub, url), aiohttp.ClientSession() as session:
        student, _ = await join(session, url, "follow")
        for _ in range(30):
            await student.send_json({"type": "release"})
        kinds = []
        while True:
            message = await student.receive(timeout=5)
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            kinds.append(json.loads(message.data)["type"])
        for _ in range(100):  # the hub forgets it once its side of the close is done
            if hub.students == 0:
                break
            await asyncio.sleep(0.02)
        assert kinds.count("refused") == 20 and hub.students == 0 and hub.following

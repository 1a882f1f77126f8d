"""The class's messages and addresses: checked on arrival, the token never where students see it."""

from __future__ import annotations

import pytest

from tui.classroom.client import AddressError, for_reader, hub_address, same_moment
from tui.classroom.guard import HostGuard, same_origin, split_host
from tui.classroom.protocol import (
    Clock,
    Following,
    Hello,
    ProtocolError,
    Refused,
    Select,
    SelectionIs,
    Students,
    Welcome,
    decode,
    encode,
)
from tui.view.selection import Selection

MOMENT = Selection(event="altman-fired", lang="fr", actor="sam-altman", mode="present")


@pytest.mark.parametrize(
    "message",
    [
        Hello("lead", "secret"),
        Select(MOMENT),
        Clock(20.0, 12.5, False),
        Clock(None, None, True),
        Welcome("follow", True),
        SelectionIs(MOMENT),
        Following(False),
        Students(12),
        Refused("the class is full"),
    ],
)
def test_round_trip(message: object) -> None:
    assert decode(encode(message)) == message  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"type": "launch"}',
        '{"type": "hello", "role": "admin"}',
        '{"type": "hello", "role": "lead", "token": 7}',
        '{"type": "hello", "role": "lead", "token": "' + "t" * 300 + '"}',
        '{"type": "select", "selection": "altman-fired"}',
        '{"type": "select", "selection": {"event": "e", "lang": "en", "mode": "dance"}}',
        '{"type": "clock", "interval": "20", "remaining": 1, "paused": false}',
        '{"type": "clock", "interval": 1e400, "remaining": 1, "paused": false}',
        '{"type": "clock", "interval": -1, "remaining": 1, "paused": false}',
        '{"type": "clock", "interval": 1, "remaining": 1, "paused": "no"}',
        '{"type": "students", "count": true}',
        '{"type": "following"}',
        "[" * 9000,
    ],
)
def test_refuses_what_is_not_a_message(text: str) -> None:
    with pytest.raises(ProtocolError):
        decode(text)


def test_addresses_students_and_teacher() -> None:
    student = hub_address("http://192.168.1.5:8000/", environ={})
    assert student.url == "ws://192.168.1.5:8000/class/ws" and student.token == ""
    teacher = hub_address("https://school.example/teacher/s3cret", environ={})
    assert teacher.url == "wss://school.example/class/ws" and teacher.token == "s3cret"
    assert "s3cret" not in repr(teacher)
    assert hub_address("ws://[::1]:8000/class/ws?token=abc", environ={}).token == "abc"
    tab = hub_address("ws://127.0.0.1:8000/class/ws", environ={"OPENAI_SAGA_CLASS_TOKEN": "t"})
    assert tab.token == "t"


@pytest.mark.parametrize("url", ["ftp://x/", "127.0.0.1:8000", "http://", "http://h:99999/"])
def test_bad_addresses(url: str) -> None:
    with pytest.raises(AddressError):
        hub_address(url, environ={})


def test_a_reader_keeps_their_languages_and_clock() -> None:
    own = Selection(event="other", lang="zh", second_lang="id", zone="Asia/Jakarta")
    shown = for_reader(MOMENT, own)
    assert (shown.event, shown.mode, shown.actor) == ("altman-fired", "present", "sam-altman")
    assert (shown.lang, shown.second_lang, shown.zone) == ("zh", "id", "Asia/Jakarta")
    assert same_moment(shown, MOMENT) and not same_moment(own, MOMENT)


def test_host_names() -> None:
    assert split_host("LocalHost:8000") == ("localhost", 8000)
    assert split_host("[::1]:8000") == ("::1", 8000)
    assert split_host("example.org") == ("example.org", None)
    assert split_host("[::1") is None


def test_host_guard_refuses_rebinding() -> None:
    loopback = HostGuard.for_binding("127.0.0.1", 8000)
    assert loopback.allows("127.0.0.1:8000", "127.0.0.1")
    assert loopback.allows("localhost:8000", "127.0.0.1")
    assert loopback.allows("[::1]:8000", "::1")
    assert not loopback.allows("evil.example:8000", "127.0.0.1")  # DNS rebinding
    assert not loopback.allows("127.0.0.1:9999", "127.0.0.1")
    assert not loopback.allows(None, "127.0.0.1")
    assert not loopback.allows("", "127.0.0.1")
    everywhere = HostGuard.for_binding("0.0.0.0", 8000)
    assert everywhere.allows("192.168.1.5:8000", "192.168.1.5")  # the address it came in on
    assert not everywhere.allows("192.168.1.6:8000", "192.168.1.5")
    assert not everywhere.allows("localhost:8000", "192.168.1.5")  # not loopback: a lie
    assert not everywhere.allows("evil.example:8000", "192.168.1.5")
    named = HostGuard.for_binding("saga.school.lan", 80)
    assert named.allows("saga.school.lan", "10.0.0.2") and named.allows("SAGA.school.lan:80", "x")


def test_same_origin() -> None:
    assert same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert same_origin("http://localhost:8000", "localhost:8000")
    assert not same_origin("http://evil.example", "127.0.0.1:8000")
    assert not same_origin("http://127.0.0.1:8000.evil.example", "127.0.0.1:8000")
    assert not same_origin("null", "127.0.0.1:8000")
    assert same_origin(None, "127.0.0.1:8000")
    assert not same_origin("http://127.0.0.1:8000", None)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["notes", "--follow", "ftp://x/"], "not a class address"),
        (["notes"], "--follow"),
        (["--lead", "http://127.0.0.1:8000/"], "teacher's address"),
        (["--follow", "http://a:1/", "--lead", "http://a:1/teacher/t"], "do not go together"),
        (["--follow", "nowhere"], "not a class address"),
    ],
)
def test_class_command_lines_exit_2(args: list[str], said: str) -> None:
    from tests.test_cli import entry

    result = entry(*args)
    assert result.returncode == 2 and said in result.stderr and "Traceback" not in result.stderr

"""Which requests `serve` answers: its own host names only, and WebSockets from its own pages.

DNS rebinding makes a foreign name ("evil.example") resolve to this machine: the browser then
sends `Host: evil.example:8000` and an Origin that matches it, so an Origin check alone lets the
attacker's page in. The Host must therefore be one of the names this server is reached by: the
loopback names for a connection that came over loopback, the literal address the connection
arrived at, the name given to `--host`, and this machine's own names when it listens on all
addresses. Everything here is pure, so the rules are tested without a server.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})
_HOST = re.compile(r"^(?:\[(?P<v6>[0-9a-fA-F:.]+)\]|(?P<name>[^:\[\]]+))(?::(?P<port>\d{1,5}))?$")


def split_host(value: str) -> tuple[str, int | None] | None:
    """A Host header's name (lower case, IPv6 without brackets) and port; None if malformed."""
    match = _HOST.match(value.strip())
    if match is None:
        return None
    name = (match.group("v6") or match.group("name") or "").lower().rstrip(".")
    port = match.group("port")
    return (name, int(port)) if port else (name, None)


def is_loopback(address: str) -> bool:
    """Whether an IP address is a loopback one (127.0.0.0/8, ::1, IPv4-mapped loopback)."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return bool(ip.is_loopback or (mapped is not None and mapped.is_loopback))


def same_address(name: str, address: str) -> bool:
    """Whether a Host name is the literal IP address `address` (in any spelling of it)."""
    try:
        return ipaddress.ip_address(name) == ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False


def machine_names() -> frozenset[str]:
    """This machine's own names (for a server listening on every address)."""
    names = set()
    try:
        hostname = socket.gethostname().lower()
        names |= {hostname, f"{hostname}.local", socket.getfqdn().lower()}
    except OSError:
        pass
    # getfqdn() may answer "localhost": loopback names are only for loopback connections.
    return frozenset(name for name in names if name and name not in LOOPBACK_NAMES)


@dataclass(frozen=True, slots=True)
class HostGuard:
    """The names a server bound to `host`:`port` answers to."""

    port: int
    names: frozenset[str]
    """Names allowed whichever address the connection arrived at."""

    @classmethod
    def for_binding(cls, host: str, port: int, extra: Iterable[str] = ()) -> HostGuard:
        names = {name.lower() for name in extra}
        if host in WILDCARDS:
            names |= machine_names()
        elif host.lower() not in LOOPBACK_NAMES:
            names.add(host.lower().strip("[]"))
        return cls(port, frozenset(names))

    def allows(self, host_header: str | None, local_address: str | None) -> bool:
        """Whether a request with this Host, arriving at `local_address`, is for this server."""
        if not host_header or local_address is None:
            return False
        parts = split_host(host_header)
        if parts is None:
            return False
        name, port = parts
        if (port if port is not None else 80) != self.port:
            return False
        if name in self.names or same_address(name, local_address):
            return True
        return name in LOOPBACK_NAMES and is_loopback(local_address)


def same_origin(origin: str | None, host_header: str | None) -> bool:
    """Whether a WebSocket's Origin is a page of this server (the Host already checked).

    No Origin: not a browser (a terminal app, a test); browsers always send one.
    """
    if origin is None:
        return True
    if not host_header:
        return False
    match = re.match(r"^https?://([^/]+)/?$", origin.strip(), re.IGNORECASE)
    return match is not None and match.group(1).lower() == host_header.strip().lower()


def reachable_address(host: str) -> str:
    """The address to print for other machines: the bound one, or for a wildcard the address
    this machine would use towards the network (no packet is sent), else its name."""
    if host not in WILDCARDS:
        return host
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only picks a route, sends nothing
        return str(probe.getsockname()[0])
    except OSError:
        return socket.gethostname() or "127.0.0.1"
    finally:
        probe.close()


def url_host(host: str) -> str:
    """A host as it is written in a URL (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host

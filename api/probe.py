"""`python -m api.probe`: is the server on LEDE_BIND healthy; the container's check."""

from __future__ import annotations

import argparse
import http.client
import socket
import sys

from api.config import SettingError, settings

TIMEOUT = 2.0
# Where a client on the same machine reaches a server bound to every interface.
WILDCARDS = {"0.0.0.0": "127.0.0.1", "[::]": "[::1]"}


def address(bind: str) -> str:
    """The address to connect to for `bind`: `0.0.0.0:9000` -> `127.0.0.1:9000`."""
    if bind.startswith("unix:"):
        return bind
    host, _, port = bind.rpartition(":")
    return f"{WILDCARDS.get(host, host)}:{port}"


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float):
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


def health(bind: str, timeout: float = TIMEOUT) -> int:
    """The status of GET /health on the server bound to `bind`."""
    target = address(bind)
    if target.startswith("unix:"):
        connection = UnixConnection(target.removeprefix("unix:"), timeout)
    else:
        connection = http.client.HTTPConnection(target, timeout=timeout)
    try:
        connection.request("GET", "/health", headers={"Host": "localhost"})
        return connection.getresponse().status
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.probe", description=__doc__)
    parser.add_argument(
        "--address", action="store_true", help="print the address to reach, and stop"
    )
    arguments = parser.parse_args(argv)
    try:
        bind = settings()["BIND"]
    except SettingError as error:
        print(f"lede: {error}", file=sys.stderr)
        return 2
    if arguments.address:
        print(address(bind))
        return 0
    try:
        status = health(bind)
    except OSError as error:
        print(f"lede: no answer on {address(bind)}: {error}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"lede: /health on {address(bind)} answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

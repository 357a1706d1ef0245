"""What reads compute, kept in memory per worker for one data version, bounded in
bytes: rendered bodies and the counts of lists."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from flask import Response

from api.db.version import Version

# What a read's body is rendered with; every other header (CORS, caching) is added
# to each response again.
KEPT_HEADERS = ("Content-Type", "X-Pagination", "Link", "Content-Disposition")
# Bookkeeping of one entry beyond its body and headers, roughly.
ENTRY_OVERHEAD = 200
# No one body may take more than this share of the cache.
LARGEST_SHARE = 8


class Kept(Protocol):
    @property
    def size(self) -> int: ...


@dataclass(frozen=True)
class StoredRead:
    body: bytes
    headers: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, response: Response) -> StoredRead:
        kept = tuple(
            (name, response.headers[name])
            for name in KEPT_HEADERS
            if name in response.headers
        )
        return cls(response.get_data(), kept)

    @property
    def size(self) -> int:
        headers = sum(len(name) + len(value) for name, value in self.headers)
        return len(self.body) + headers + ENTRY_OVERHEAD

    def response(self) -> Response:
        return Response(self.body, status=200, headers=list(self.headers))


@dataclass(frozen=True)
class KeptCount:
    value: int

    @property
    def size(self) -> int:
        return ENTRY_OVERHEAD


class VersionedCache:
    """Least recently used values of one data version, at most `capacity` bytes.

    A newer version empties it: values of an older one can never be asked for
    again. A request that read an older version (it began before a write) neither
    finds nor keeps anything.
    """

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.size = 0
        self.version: Version | None = None
        self._entries: OrderedDict[str, Kept] = OrderedDict()
        self._lock = threading.Lock()  # gunicorn's threads share a worker's cache

    def get(self, version: Version, key: str) -> Kept | None:
        with self._lock:
            if not self._follow(version):
                return None
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, version: Version, key: str, entry: Kept) -> None:
        if entry.size > self.capacity // LARGEST_SHARE:
            return
        with self._lock:
            if not self._follow(version) or key in self._entries:
                return
            self._entries[key] = entry
            self.size += entry.size
            while self.size > self.capacity:
                _, evicted = self._entries.popitem(last=False)
                self.size -= evicted.size

    def _follow(self, version: Version) -> bool:
        """Move on to `version` if it is newer; whether it is the one kept."""
        if version.is_after(self.version):
            self._entries.clear()
            self.size = 0
            self.version = version
        return version == self.version

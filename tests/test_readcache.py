"""The per-worker cache of read bodies: bounded in bytes, one data version at a time."""

from api.db.version import Version
from api.readcache import ENTRY_OVERHEAD, StoredRead, VersionedCache

V1, V2 = Version("a", 1), Version("a", 2)


def _body(size: int) -> StoredRead:
    return StoredRead(b"x" * (size - ENTRY_OVERHEAD), ())


def test_least_recently_used_body_leaves_first():
    cache = VersionedCache(capacity=8000)
    for key in ("one", "two", "three", "four"):
        cache.put(V1, key, _body(1000))
    assert cache.get(V1, "one") is not None  # now the most recently used
    for key in ("five", "six", "seven", "eight", "nine"):
        cache.put(V1, key, _body(1000))
    assert cache.size == 8000
    assert cache.get(V1, "two") is None
    assert cache.get(V1, "one") is not None and cache.get(V1, "nine") is not None


def test_a_body_larger_than_its_share_is_not_kept():
    cache = VersionedCache(capacity=8000)
    cache.put(V1, "big", _body(1001))
    assert cache.get(V1, "big") is None and cache.size == 0


def test_a_newer_version_empties_the_cache():
    cache = VersionedCache(capacity=8000)
    cache.put(V1, "one", _body(500))
    assert cache.get(V2, "one") is None
    assert cache.size == 0


def test_an_older_version_neither_finds_nor_keeps():
    cache = VersionedCache(capacity=8000)
    cache.put(V2, "one", _body(500))
    cache.put(V1, "two", _body(500))
    assert cache.get(V1, "one") is None
    assert cache.get(V2, "two") is None and cache.get(V2, "one") is not None


def test_a_recreated_database_is_followed():
    cache = VersionedCache(capacity=8000)
    cache.put(Version("a", 9), "one", _body(500))
    assert cache.get(Version("b", 1), "one") is None
    cache.put(Version("b", 1), "one", _body(500))
    assert cache.get(Version("b", 1), "one") is not None

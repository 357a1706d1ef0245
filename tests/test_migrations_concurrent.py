"""Replicas that start at once each run `lede db upgrade`: they take turns."""

import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text

from api.db import migrate
from tests.conftest import ROOT, _fresh_postgres_database

# Each replica loads the package, then waits for the same instant to migrate.
UPGRADE = """
import sys, time
from api.db import migrate
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
migrate.upgrade(sys.argv[1])
"""


def test_upgrades_started_at_once_on_postgresql_all_succeed(request):
    if os.environ.get("LEDE_TEST_POSTGRES") == "0":
        pytest.skip("PostgreSQL tests switched off with LEDE_TEST_POSTGRES=0")
    server = request.getfixturevalue("postgres_server_url")
    url = _fresh_postgres_database(server, "lede_replicas")
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = str(time.time() + 10)
    replicas = [
        subprocess.Popen(
            [sys.executable, "-c", UPGRADE, url, start],
            env=environ,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for replica in replicas:
        _, errors = replica.communicate(timeout=120)
        assert replica.returncode == 0, errors
    engine = create_engine(url)
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version"))
        assert versions.scalars().all() == [migrate.head()]
    engine.dispose()

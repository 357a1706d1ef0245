"""Settings: one module parses every LEDE_* variable, from the environment over .env."""

import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from api import create_app
from api.config import SETTINGS, SettingError, settings, settings_from_env
from api.serving import gunicorn_options
from tests.conftest import make_app

ROOT = Path(__file__).resolve().parent.parent


def test_settings_from_env_parses_each_kind():
    parsed = settings_from_env(
        {
            "LEDE_MAX_CONTENT_LENGTH": " 2048 ",
            "LEDE_LOG_LEVEL": "debug",
            "LEDE_EXTRACTION_SECONDS": "2.5",
            "LEDE_JOB_EXTRACTION_SECONDS": "120",
            "LEDE_API_KEYS": "a, b,,",
            "LEDE_PUBLIC_URL": "https://lede.example.org/",
            "LEDE_BIND": "0.0.0.0:9000",
            "LEDE_ACCESS_LOG": "",
            "LEDE_CACHE_MAX_AGE": "",
        }
    )
    assert parsed == {
        "MAX_CONTENT_LENGTH": 2048,
        "LOG_LEVEL": "DEBUG",
        "EXTRACTION_SECONDS": 2.5,
        "JOB_EXTRACTION_SECONDS": 120.0,
        "API_KEYS": ("a", "b"),
        "PUBLIC_URL": "https://lede.example.org",
        "BIND": "0.0.0.0:9000",
        # An empty access log switches it off; an empty number keeps its default.
        "ACCESS_LOG": "",
    }


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        (
            "LEDE_MAX_CONTENT_LENGTH",
            "1MB",
            "LEDE_MAX_CONTENT_LENGTH must be a whole number of bytes, at least 1 "
            "(not '1MB')",
        ),
        (
            "LEDE_LOG_LEVEL",
            "verbose",
            "LEDE_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL "
            "(not 'verbose')",
        ),
        (
            "LEDE_CACHE_MAX_AGE",
            "-5",
            "LEDE_CACHE_MAX_AGE must be a whole number of seconds (not '-5')",
        ),
        ("LEDE_WORKERS", "0", "LEDE_WORKERS must be a whole number, at least 1"),
        ("LEDE_BIND", "8000", "LEDE_BIND must be HOST:PORT or unix:PATH"),
        ("LEDE_BIND", "host:99999", "LEDE_BIND must be HOST:PORT or unix:PATH"),
        ("LEDE_PUBLIC_URL", "lede.example.org", "LEDE_PUBLIC_URL must be an http"),
        ("LEDE_EXTRACTION_SECONDS", "nan", "LEDE_EXTRACTION_SECONDS must be a"),
        ("LEDE_INSTANCE_DIR", "instance", "LEDE_INSTANCE_DIR must be an absolute"),
        ("LEDE_QUEUE_URL", "amqp://q", "LEDE_QUEUE_URL must be sqlite:///FILE"),
    ],
)
def test_a_refused_value_names_its_variable_and_what_it_accepts(
    variable, value, message
):
    with pytest.raises(SettingError) as refused:
        settings_from_env({variable: value})
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)


def test_a_refused_secret_is_not_repeated():
    with pytest.raises(SettingError) as refused:
        settings_from_env({"LEDE_DATABASE_URL": "s3cret-password"})
    assert str(refused.value) == "LEDE_DATABASE_URL must be a SQLAlchemy URL"


def test_lede_stops_on_a_refused_value_with_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "api.cli", "routes"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "LEDE_MAX_CONTENT_LENGTH": "1MB"},
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "lede: LEDE_MAX_CONTENT_LENGTH must be a whole number of bytes, "
        "at least 1 (not '1MB')\n"
    )


def test_dotenv_is_read_and_the_environment_wins(
    database_url, app, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LEDE_CACHE_MAX_AGE", raising=False)
    (tmp_path / ".env").write_text("# a comment\nLEDE_CACHE_MAX_AGE=5\n")
    response = make_app(database_url).test_client().get("/api/v1/articles")
    assert response.headers["Cache-Control"] == "public, max-age=5"
    monkeypatch.setenv("LEDE_CACHE_MAX_AGE", "7")
    assert make_app(database_url).config["CACHE_MAX_AGE"] == 7
    assert settings()["CACHE_MAX_AGE"] == 7


def test_a_refused_value_in_dotenv_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("LEDE_LOG_LEVEL=verbose\n")
    monkeypatch.delenv("LEDE_LOG_LEVEL", raising=False)
    with pytest.raises(SettingError, match="^LEDE_LOG_LEVEL must be one of"):
        settings()


def test_the_instance_folder_is_never_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LEDE_INSTANCE_DIR", raising=False)
    monkeypatch.delenv("LEDE_DATABASE_URL", raising=False)
    monkeypatch.delenv("LEDE_QUEUE_URL", raising=False)
    app = create_app({"TESTING": True})
    # A source checkout: Flask's instance_path beside the package.
    assert app.instance_path == str(ROOT / "instance")
    assert (
        app.config["DATABASE_URL"] == f"sqlite:///{ROOT / 'instance' / 'lede.sqlite3'}"
    )
    monkeypatch.setenv("LEDE_INSTANCE_DIR", str(tmp_path / "data"))
    app = create_app({"TESTING": True})
    assert app.instance_path == str(tmp_path / "data")
    assert (
        app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'data' / 'lede.sqlite3'}"
    )
    assert app.config["QUEUE_URL"] == f"sqlite:///{tmp_path / 'data' / 'queue.sqlite3'}"


def _documented(path: Path, heading: str) -> set[str]:
    text = path.read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(LEDE_[A-Z_]+)` \|", section, flags=re.MULTILINE))


def test_readme_documents_every_setting_and_no_other():
    variables = {setting.variable for setting in SETTINGS}
    assert _documented(ROOT / "README.md", "## Configuration\n") == variables


def test_env_example_lists_every_setting():
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    listed = set(re.findall(r"^#? ?(LEDE_[A-Z_]+)=", text, flags=re.MULTILINE))
    assert listed == {setting.variable for setting in SETTINGS}


def test_gunicorn_conf_gives_the_settings_of_lede_serve(monkeypatch):
    monkeypatch.setenv("LEDE_WORKERS", "3")
    monkeypatch.setenv("LEDE_BIND", "0.0.0.0:9000")
    monkeypatch.setenv("LEDE_ACCESS_LOG", "")
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    options = gunicorn_options(settings())
    assert {name: conf[name] for name in options} == options
    assert (conf["workers"], conf["bind"], conf["accesslog"]) == (
        3,
        ["0.0.0.0:9000"],
        None,
    )
    assert conf["limit_request_line"] == 8190

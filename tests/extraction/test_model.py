"""The English model: loaded once, and a clear stop when it is missing."""

import pytest

from api.extraction import nlp


def test_the_model_is_loaded_once_with_every_component_the_rules_read():
    model = nlp.get_nlp()
    assert model is nlp.get_nlp()
    for component in ("tagger", "parser", "attribute_ruler", "lemmatizer", "ner"):
        assert component in model.pipe_names
    assert model.meta["version"] == nlp.MODEL_VERSION


def test_a_missing_model_stops_with_the_command_that_installs_it(monkeypatch):
    monkeypatch.setattr(nlp, "MODEL_PACKAGES", ("no_such_model_package",))
    with pytest.raises(nlp.ModelMissing, match="requirements/model.txt"):
        nlp.model_package()


def test_the_app_does_not_start_without_the_model(monkeypatch):
    from api import create_app

    monkeypatch.setattr(nlp, "_NLP", None)
    monkeypatch.setattr(nlp, "MODEL_PACKAGES", ("no_such_model_package",))
    with pytest.raises(nlp.ModelMissing):
        create_app({"DATABASE_URL": "sqlite://"})


def test_the_command_stops_with_the_message_alone(monkeypatch, capsys):
    from api import cli

    monkeypatch.setattr(nlp, "_NLP", None)
    monkeypatch.setattr(nlp, "MODEL_PACKAGES", ("no_such_model_package",))
    monkeypatch.setattr("sys.argv", ["lede", "routes"])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert str(stopped.value.code).startswith("lede: spaCy's English model")
    assert "requirements/model.txt" in str(stopped.value.code)

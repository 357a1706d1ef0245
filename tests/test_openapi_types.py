"""The OpenAPI document types clients well: operation ids, required fields, no
untyped property, vocabularies defined once, typed pagination, version, licence."""

import json
import re
import tomllib
from importlib import metadata

from jsonschema import Draft202012Validator

from api.db.jobs import ARTICLE_STATES, JOB_STATES
from api.db.search import KINDS
from api.extraction.types import (
    ACTOR_TYPES,
    CATEGORIES,
    PARAGRAPH_KINDS,
    PLACEMENTS,
    QUALIFIERS,
    QUOTE_KINDS,
    STANCES,
)
from api.formats import NAMES
from schemas.deletions import ITEM_KINDS
from tests.conftest import ROOT
from tests.spec import SPEC_URI, _registry, spec

VOCABULARIES = {
    "ActorType": ACTOR_TYPES,
    "Category": CATEGORIES,
    "ParagraphKind": PARAGRAPH_KINDS,
    "Placement": PLACEMENTS,
    "Qualifier": QUALIFIERS,
    "QuoteKind": QUOTE_KINDS,
    "SearchKind": KINDS,
    "Stance": STANCES,
    "JobState": JOB_STATES,
    "JobArticleState": ARTICLE_STATES,
    "ListFormat": NAMES,
    "ItemKind": ITEM_KINDS,
}
# Request bodies (fields optional by design), the error shape and the pagination
# metadata (some fields only where they apply) have their own required lists.
PARTLY_REQUIRED = {
    "ArticleCreate": ["text"],
    "JobCreate": ["articles"],
    "Error": ["code", "message", "status"],
    "PaginationMetadata": ["total", "total_pages"],
}


def _operations():
    for path, operations in spec()["paths"].items():
        for method, operation in operations.items():
            if method != "parameters":
                yield f"{method.upper()} {path}", operation


def test_every_operation_has_a_unique_readable_operation_id():
    ids = {where: operation.get("operationId") for where, operation in _operations()}
    assert all(ids.values()), [where for where, id_ in ids.items() if not id_]
    assert len(set(ids.values())) == len(ids)
    for where, operation_id in ids.items():
        pattern = r"(list|get|create|delete)([A-Z][a-z]+)+"
        assert re.fullmatch(pattern, operation_id), where
    assert ids["GET /api/v1/actors"] == "listActors"
    assert ids["GET /api/v1/actors/{actor_id}"] == "getActor"
    assert ids["GET /api/v1/articles/{article_id}/quotes"] == "listArticleQuotes"
    assert ids["POST /api/v1/articles"] == "createArticle"
    assert ids["DELETE /api/v1/articles/{article_id}"] == "deleteArticle"


def _property_schemas(schema: dict, where: str):
    """Every schema a property, item or map value of `schema` holds, recursively."""
    for name, prop in schema.get("properties", {}).items():
        yield f"{where}.{name}", prop
        yield from _property_schemas(prop, f"{where}.{name}")
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            yield f"{where}[{key}]", schema[key]
            yield from _property_schemas(schema[key], f"{where}[{key}]")


def test_no_property_is_untyped():
    components = spec()["components"]["schemas"]
    found = [
        (where, prop)
        for name, schema in components.items()
        for where, prop in _property_schemas(schema, name)
    ]
    assert len(found) > 150
    for where, prop in found:
        assert {"type", "$ref", "oneOf"} & set(prop), f"{where} is untyped: {prop}"
    for where, operation in _operations():
        for parameter in operation.get("parameters", []):
            assert {"type", "$ref"} & set(parameter["schema"]), (where, parameter)


def test_names_and_counts_are_typed():
    schemas = spec()["components"]["schemas"]
    nullable_string = ["string", "null"]
    assert schemas["Quote"]["properties"]["speaker_name"]["type"] == nullable_string
    assert schemas["Statistic"]["properties"]["source_name"]["type"] == nullable_string
    assert schemas["Reaction"]["properties"]["actor_name"]["type"] == "string"
    assert schemas["Article"]["properties"]["paragraph_count"]["type"] == "integer"
    assert schemas["ArticleStats"]["properties"]["paragraph_count"]["type"] == (
        "integer"
    )
    assert schemas["Quote"]["properties"]["speaker"]["type"] == nullable_string


def test_every_response_field_is_required():
    schemas = spec()["components"]["schemas"]
    objects = {n: s for n, s in schemas.items() if s.get("type") == "object"}
    assert len(objects) > 15
    for name, schema in objects.items():
        expected = PARTLY_REQUIRED.get(name, sorted(schema["properties"]))
        assert sorted(schema.get("required", [])) == expected, name


def _enums(node, where=""):
    """(where, enum) for every `enum` in the document."""
    if isinstance(node, dict):
        if "enum" in node:
            yield where, node["enum"]
        for key, value in node.items():
            yield from _enums(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _enums(value, f"{where}/{index}")


def test_vocabularies_are_defined_once_and_referred_to():
    schemas = spec()["components"]["schemas"]
    for name, words in VOCABULARIES.items():
        assert schemas[name] == {"type": "string", "enum": list(words)}, name
    defined = {f"/components/schemas/{name}" for name in VOCABULARIES}
    for where, enum in _enums(spec()):
        # Besides the vocabularies, only each list's own `sort` choices.
        assert where in defined or "-" in "".join(enum), where
    text = json.dumps(spec())
    for name in VOCABULARIES:
        assert text.count(f'"#/components/schemas/{name}"') >= 1, name
    # Stance: a reaction's field and the filter of three lists.
    assert text.count('"#/components/schemas/Stance"') == 4


def test_pagination_header_is_a_string_of_typed_json():
    header = spec()["components"]["headers"]["PAGINATION"]
    assert header["required"] is True
    assert header["schema"]["type"] == "string"
    assert header["schema"]["contentMediaType"] == "application/json"
    assert header["schema"]["contentSchema"] == {
        "$ref": "#/components/schemas/PaginationMetadata"
    }
    example = json.loads(header["schema"]["example"])
    _pagination_validator().validate(example)


def _pagination_validator():
    schema = {"$ref": f"{SPEC_URI}#/components/schemas/PaginationMetadata"}
    return Draft202012Validator(schema, registry=_registry())


def test_pagination_headers_match_their_schema(client):
    validator = _pagination_validator()
    cases = {
        "/api/v1/quotes?page_size=5": {"page": 1, "next_page": 2},
        "/api/v1/quotes?page=2&page_size=5": {"page": 2, "previous_page": 1},
        "/api/v1/quotes?page=999": {"total_pages": 1},
        "/api/v1/quotes?q=xylophonequartz": {"total": 0, "total_pages": 0},
    }
    for url, expected in cases.items():
        response = client.get(url)
        assert response.status_code == 200, url
        meta = json.loads(response.headers["X-Pagination"])
        validator.validate(meta)
        assert expected.items() <= meta.items(), (url, meta)
        assert response.headers["Link"], url
    empty = json.loads(client.get(url).headers["X-Pagination"])
    assert empty == {"total": 0, "total_pages": 0, "version": empty["version"]}


def test_info_names_version_licence_and_servers():
    document = spec()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert document["info"]["version"] == pyproject["project"]["version"]
    assert document["info"]["version"] == metadata.version("lede")
    assert document["info"]["license"] == {"name": "MIT", "identifier": "MIT"}
    assert document["servers"] == [{"url": "/", "description": "This server."}]

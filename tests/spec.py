"""Check responses against the committed OpenAPI document."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"
SPEC_URI = "urn:lede:openapi"


@cache
def spec() -> dict:
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


def list_reads() -> list[tuple[str, dict]]:
    """(path, GET operation) of every list in the document: the reads that page,
    told by their X-Pagination header."""
    return [
        (path, operations["get"])
        for path, operations in spec()["paths"].items()
        if "get" in operations
        and "X-Pagination" in operations["get"]["responses"]["200"]["headers"]
    ]


@cache
def _registry() -> Registry:
    resource = Resource.from_contents(spec(), default_specification=_draft())
    return Registry().with_resource(SPEC_URI, resource)


def _draft():
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


def response_schema(path: str, method: str, status: int) -> dict:
    responses = spec()["paths"][path][method]["responses"]
    response = responses.get(str(status)) or responses["default"]
    if "$ref" in response:
        name = response["$ref"].rsplit("/", 1)[1]
        response = spec()["components"]["responses"][name]
    schema = response["content"]["application/json"]["schema"]
    return json.loads(json.dumps(schema).replace('"#/', f'"{SPEC_URI}#/'))


def validate_response(path: str, method: str, response) -> None:
    """Raise if the response body does not match the documented schema."""
    schema = response_schema(path, method, response.status_code)
    Draft202012Validator(schema, registry=_registry()).validate(response.get_json())

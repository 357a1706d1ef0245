"""Every list as CSV and NDJSON: the whole list, its filters and sort, streamed."""

import csv
import io
import json

import pytest

from api import exports, formats
from tests.conftest import items
from tests.spec import list_reads

LISTS = [
    "/api/v1/articles",
    "/api/v1/actors?type=person,country&sort=-mention_count",
    "/api/v1/quotes?kind=direct,partial",
    "/api/v1/reactions?stance=critical,concerned&sort=-start",
    "/api/v1/statistics?min_value=10&sort=-value",
    "/api/v1/articles/{article}/mentions",
    "/api/v1/actors/kassym-jomart-tokayev/quotes",
]


def _all_pages(client, url: str) -> list[dict]:
    """Every item of a JSON list, page after page."""
    found, page = [], 1
    joiner = "&" if "?" in url else "?"
    while True:
        response = client.get(f"{url}{joiner}page={page}&page_size=3")
        found += items(response)
        meta = json.loads(response.headers["X-Pagination"])
        if page >= meta.get("last_page", 0):
            return found
        page += 1


def _export(client, url: str, kind: str):
    joiner = "&" if "?" in url else "?"
    response = client.get(f"{url}{joiner}format={kind}")
    assert response.status_code == 200, response.get_json()
    return response


@pytest.mark.parametrize("url", LISTS)
def test_ndjson_export_is_every_item_of_the_list(client, article_id, url):
    url = url.replace("{article}", article_id)
    expected = _all_pages(client, url)
    assert expected
    response = _export(client, url, "ndjson")
    assert response.mimetype == "application/x-ndjson"
    lines = response.get_data(as_text=True).splitlines()
    assert [json.loads(line) for line in lines] == expected
    meta = json.loads(response.headers["X-Pagination"])
    assert meta == {
        "total": len(expected),
        "total_pages": 1,
        "first_page": 1,
        "last_page": 1,
        "page": 1,
        "version": meta["version"],
    }


@pytest.mark.parametrize("url", LISTS)
def test_csv_export_has_a_column_per_field_and_a_row_per_item(client, article_id, url):
    url = url.replace("{article}", article_id)
    expected = _all_pages(client, url)
    response = _export(client, url, "csv")
    assert response.mimetype == "text/csv"
    assert response.mimetype_params["charset"] == "utf-8"
    name = url.split("?")[0].rsplit("/", 1)[1]
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="{name}.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == len(expected)
    assert sorted(rows[0]) == sorted(expected[0])
    for row, item in zip(rows, expected, strict=True):
        for field, value in item.items():
            assert row[field] == _as_cell(value), (field, row[field], value)


def _as_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and value.startswith(exports.FORMULA_STARTS):
        return "'" + value
    return str(value)


def test_csv_cells_never_start_a_formula():
    assert exports.cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert exports.cell("+1") == "'+1"
    assert exports.cell("@SUM") == "'@SUM"
    assert exports.cell("-2 degrees") == "'-2 degrees"
    assert exports.cell(-2.5) == -2.5  # numbers stay numbers
    assert exports.cell("plain") == "plain"
    assert exports.cell(None) == ""
    assert exports.cell(False) == "false"
    assert exports.cell({"b": 1, "a": "é"}) == '{"a": "é", "b": 1}'


def test_an_export_is_kept_and_revalidated_like_any_read(client):
    first = client.get("/api/v1/quotes?format=csv")
    again = client.get("/api/v1/quotes?format=csv")
    assert again.get_data() == first.get_data()
    assert again.headers["Content-Disposition"] == first.headers["Content-Disposition"]
    assert again.headers["Content-Type"] == "text/csv; charset=utf-8"
    etag = first.headers["ETag"]
    assert etag != client.get("/api/v1/quotes").headers["ETag"]
    assert (
        client.get(
            "/api/v1/quotes?format=csv", headers={"If-None-Match": etag}
        ).status_code
        == 304
    )


def test_an_export_reads_in_batches_after_the_last_row(client, monkeypatch):
    """Batches of 4 rows, each after the last row of the one before: the export
    is the same whole list, whatever the batch."""
    whole = client.get("/api/v1/quotes?format=ndjson&sort=-length").get_data()
    monkeypatch.setattr(exports, "EXPORT_BATCH", 4)
    client.application.extensions["lede_reads"].capacity = 0
    batched = client.get("/api/v1/quotes?format=ndjson&sort=-length")
    assert batched.status_code == 200
    assert batched.get_data() == whole
    assert len(whole.splitlines()) > 4 * 3


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("format=xml", {"format": ["Must be one of: json, csv, ndjson."]}),
        ("format=csv&format=json", {"format": ["Must be one of: json, csv, ndjson."]}),
        ("format=csv&page=0", {"page": ["Must be greater than or equal to 1."]}),
        (
            "format=ndjson&page_size=101",
            {
                "page_size": [
                    "Must be greater than or equal to 1 and less than or equal to 100."
                ]
            },
        ),
        ("format=csv&stance=angry", None),
    ],
)
def test_a_bad_export_request_is_a_422(client, query, errors):
    response = client.get(f"/api/v1/reactions?{query}")
    assert response.status_code == 422
    body = response.get_json()
    if errors is None:  # the filters are checked first, as for JSON
        assert list(body["errors"]["query"]) == ["stance"]
    else:
        assert body["errors"] == {"query": errors}


def test_an_export_holds_the_whole_list_whatever_the_page(client):
    whole = client.get("/api/v1/quotes?format=ndjson")
    paged = client.get("/api/v1/quotes?format=ndjson&page=2&page_size=5")
    assert paged.status_code == 200
    assert paged.get_data() == whole.get_data()
    assert len(whole.get_data(as_text=True).splitlines()) > 5


def test_json_stays_the_default_and_format_json_is_it(client):
    plain = client.get("/api/v1/quotes?page_size=5")
    named = client.get("/api/v1/quotes?page_size=5&format=json")
    assert named.get_json() == plain.get_json()
    assert named.headers["X-Pagination"] == plain.headers["X-Pagination"]


def test_spec_documents_the_exports_of_every_list():
    lists = list_reads()
    for path, read in lists:
        content = read["responses"]["200"]["content"]
        assert list(content)[0] == "application/json", path
        assert set(content) == {"application/json", *formats.CONTENT_TYPES}, path
        [fmt] = [p for p in read["parameters"] if p["name"] == "format"]
        assert fmt["schema"]["$ref"] == "#/components/schemas/ListFormat"
        assert "no limit" in fmt["description"]
    assert len(lists) == 16  # the articles of a job among them


def test_accept_chooses_the_export_when_format_is_not_given(client, seed):
    url = "/api/v1/quotes?kind=direct"
    as_json = client.get(url)  # kept first: the CSV must not be answered with it
    as_csv = client.get(url, headers={"Accept": "text/csv"})
    assert as_csv.status_code == 200
    assert as_csv.mimetype == "text/csv"
    assert as_csv.get_data() == client.get(f"{url}&format=csv").get_data()
    as_ndjson = client.get(url, headers={"Accept": "application/x-ndjson"})
    lines = as_ndjson.get_data(as_text=True).splitlines()
    assert [json.loads(line) for line in lines] == as_json.get_json()
    for response in (as_json, as_csv, as_ndjson):
        assert "Accept" in response.headers["Vary"]
    tags = {r.headers["ETag"] for r in (as_json, as_csv, as_ndjson)}
    assert len(tags) == 3
    # A browser's Accept, or JSON preferred, is JSON; `format` wins over Accept.
    browser = "text/html,application/xhtml+xml,*/*;q=0.8"
    assert client.get(url, headers={"Accept": browser}).mimetype == "application/json"
    both = {"Accept": "application/json, text/csv"}
    assert client.get(url, headers=both).mimetype == "application/json"
    named = client.get(f"{url}&format=json", headers={"Accept": "text/csv"})
    assert named.mimetype == "application/json"
    # An item is JSON whatever Accept says.
    one = client.get(
        f"/api/v1/quotes/{seed.quotes[0].id}", headers={"Accept": "text/csv"}
    )
    assert one.mimetype == "application/json"


def test_a_csv_etag_revalidates_the_csv_only(client):
    url = "/api/v1/reactions"
    csv_tag = client.get(url, headers={"Accept": "text/csv"}).headers["ETag"]
    again = client.get(url, headers={"Accept": "text/csv", "If-None-Match": csv_tag})
    assert again.status_code == 304
    assert "Accept" in again.headers["Vary"]
    assert client.get(url, headers={"If-None-Match": csv_tag}).status_code == 200


def test_lede_export_writes_what_the_api_exports(runner, client, article_id, tmp_path):
    url = f"/api/v1/articles/{article_id}/quotes?kind=direct,partial&sort=-length"
    expected = client.get(f"{url}&format=csv").get_data()
    out = tmp_path / "quotes.csv"
    path = f"articles/{article_id}/quotes"
    args = ["export", path, "kind=direct,partial", "sort=-length", "--format", "csv"]
    result = runner.invoke(args=[*args, "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == expected
    printed = runner.invoke(args=["export", "deletions", "changed_since=0"])
    assert printed.exit_code == 0, printed.output
    served = client.get("/api/v1/deletions?changed_since=0&format=ndjson")
    assert printed.output == served.get_data(as_text=True)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["quotes", "kind=angry"], "kind: Must be one or more of"),
        (["quotes", "cursor=nonsense"], "cursor: Not a cursor of this list"),
        (["quotes", "kind"], "'kind' is not NAME=VALUE"),
        (["actors/nobody/quotes"], "No actor with id 'nobody'."),
    ],
)
def test_lede_export_refuses_bad_parameters_and_says_why(runner, args, said):
    result = runner.invoke(args=["export", *args])
    assert result.exit_code != 0
    assert said in result.output

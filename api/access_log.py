"""gunicorn's access log without secrets: no query value, no user name, no
credential header, since a client may put its API key in any of them."""

from __future__ import annotations

from gunicorn.glogging import Logger

REDACTED = "…"
# Header and environ atoms (`{authorization}i`, `{http_cookie}e`) a format may name.
SECRET_ATOMS = {
    f"{{{name}}}{kind}"
    for name in ("authorization", "cookie", "x-api-key")
    for kind in ("i",)
} | {f"{{{name}}}e" for name in ("http_authorization", "http_cookie", "http_x_api_key")}


def redact_query(query: str) -> str:
    """`page=1&api_key=s3cret` -> `page=…&api_key=…`: which parameters, not their
    values."""
    names = (part.partition("=")[0] for part in query.split("&") if part)
    return "&".join(f"{name}={REDACTED}" for name in names)


def redact_url(url: str) -> str:
    path, mark, query = url.partition("?")
    return f"{path}{mark}{redact_query(query)}" if mark else path


class AccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        method, protocol = environ["REQUEST_METHOD"], environ["SERVER_PROTOCOL"]
        atoms["r"] = f"{method} {redact_url(environ['RAW_URI'])} {protocol}"
        atoms["q"] = redact_query(environ.get("QUERY_STRING", ""))
        atoms["f"] = redact_url(atoms["f"])
        # The user name of Basic authentication, which Lede never uses.
        atoms["u"] = "-"
        for name in SECRET_ATOMS & atoms.keys():
            atoms[name] = REDACTED
        return atoms

"""Extraction within a time budget: it runs in a child process, killed when the
budget runs out, so a text too costly to extract ends in a 422 instead of gunicorn
killing the whole worker (and every other request it was serving)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from werkzeug.exceptions import UnprocessableEntity

from api.extraction.types import Annotation

# Forked, the child starts with the parent's English model already loaded; it only
# runs the extraction and sends the result back, touching nothing else it shares.
FORK = multiprocessing.get_context("fork")


class OverBudget(UnprocessableEntity):
    def __init__(self, seconds: float):
        super().__init__(
            f"Extraction did not finish within its budget of {seconds:g} s "
            "(LEDE_EXTRACTION_SECONDS), so nothing was stored."
        )


def extract_within(
    seconds: float, annotate: Callable[..., Annotation], text: str, **meta
) -> Annotation:
    """`annotate(text, **meta)`, or OverBudget once `seconds` have passed."""
    reader, writer = FORK.Pipe(duplex=False)
    child = FORK.Process(target=_send, args=(writer, annotate, text, meta))
    child.start()
    writer.close()  # the child's copy is the only writer left: EOF when it dies
    try:
        if not reader.poll(seconds):
            raise OverBudget(seconds)
        outcome, value = reader.recv()
    except EOFError as error:
        raise RuntimeError(f"extraction died with code {child.exitcode}") from error
    finally:
        reader.close()
        child.kill()
        child.join()
    if outcome == "error":
        raise RuntimeError(f"extraction failed: {value}")
    return value


def _send(writer, annotate, text: str, meta: dict) -> None:
    try:
        writer.send(("ok", annotate(text, **meta)))
    except Exception as error:  # noqa: BLE001 - the parent reports it
        writer.send(("error", repr(error)))

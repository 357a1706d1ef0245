"""Extraction within a time budget: it runs in a child process, killed when the
budget runs out. A posted article then goes to the job queue instead of holding
its client (and gunicorn's worker) waiting; a job worker records the article as
failed instead of extracting it for ever."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from api.extraction.types import Annotation

# Forked, the child starts with the parent's English model already loaded; it only
# runs the extraction and sends the result back, touching nothing else it shares.
FORK = multiprocessing.get_context("fork")


class OverBudget(RuntimeError):
    """The child was killed: its budget, set by `setting`, ran out."""

    def __init__(self, seconds: float, setting: str):
        super().__init__(
            f"Extraction did not finish within its budget of {seconds:g} s "
            f"({setting}), so nothing was stored."
        )


def extract_within(
    seconds: float,
    setting: str,
    annotate: Callable[..., Annotation],
    text: str,
    **meta,
) -> Annotation:
    """`annotate(text, **meta)`, or OverBudget once `seconds` have passed (the
    budget that `setting`, a variable's name, sets)."""
    reader, writer = FORK.Pipe(duplex=False)
    child = FORK.Process(target=_send, args=(writer, annotate, text, meta))
    child.start()
    writer.close()  # the child's copy is the only writer left: EOF when it dies
    try:
        if not reader.poll(seconds):
            raise OverBudget(seconds, setting)
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


def warm_up() -> None:
    """One small extraction in this process: the tables the pipeline builds on
    first use are then inherited by every child, not built again in each (about
    0.1 s of every article's budget)."""
    from api.extraction.pipeline import extract

    extract("The mayor, Ana Ruiz, said 12 people were rescued on Friday.")


def _send(writer, annotate, text: str, meta: dict) -> None:
    try:
        writer.send(("ok", annotate(text, **meta)))
    except Exception as error:  # noqa: BLE001 - the parent reports it
        writer.send(("error", repr(error)))

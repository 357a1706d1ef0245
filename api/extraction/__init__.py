"""Pure text -> Annotation pipeline: no Flask, no database."""

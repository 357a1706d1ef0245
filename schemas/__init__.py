"""Marshmallow schemas: the public contract of the API, one module per resource."""

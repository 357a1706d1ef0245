"""The API's blueprints, registered in this order."""

from api.resources import (
    actors,
    articles,
    facets,
    health,
    jobs,
    mentions,
    quotes,
    reactions,
    search,
    statistics,
)

MODULES = (
    articles,
    jobs,
    actors,
    mentions,
    quotes,
    reactions,
    statistics,
    search,
    facets,
    health,
)


def register_blueprints(api) -> None:
    for module in MODULES:
        api.register_blueprint(module.blp)

"""The API's blueprints, registered in this order."""

from api.resources import (
    actors,
    articles,
    deletions,
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
    deletions,
    facets,
    health,
)


def register_blueprints(api) -> None:
    for module in MODULES:
        api.register_blueprint(module.blp)

"""The API's blueprints, registered in this order."""

from api.resources import (
    actors,
    articles,
    health,
    mentions,
    quotes,
    reactions,
    statistics,
)

MODULES = (articles, actors, mentions, quotes, reactions, statistics, health)


def register_blueprints(api) -> None:
    for module in MODULES:
        api.register_blueprint(module.blp)

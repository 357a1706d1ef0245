"""The API's blueprints, registered in this order."""

from api.resources import (
    actors,
    articles,
    health,
    jobs,
    mentions,
    quotes,
    reactions,
    statistics,
)

MODULES = (articles, jobs, actors, mentions, quotes, reactions, statistics, health)


def register_blueprints(api) -> None:
    for module in MODULES:
        api.register_blueprint(module.blp)

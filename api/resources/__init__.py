"""The API's blueprints, registered in this order."""

from api.resources import (
    actors,
    articles,
    health,
    jobs,
    quotes,
    reactions,
    statistics,
)

MODULES = (articles, jobs, actors, quotes, reactions, statistics, health)


def register_blueprints(api) -> None:
    for module in MODULES:
        api.register_blueprint(module.blp)

// Actors of the article: filter by type, sorted by mentions. Choosing one marks
// its mentions in the text and lists its quotes in this article.

import { h, replace } from "../dom.js";
import { ACTOR_TYPES, QUOTE_KINDS, label, plural } from "../format.js";

/**
 * Render the panel into `section`.
 * onSelect(actor | null) is called when the chosen actor changes.
 */
export function renderActors(section, actors, { onSelect }) {
  const sorted = [...actors].sort(
    (a, b) => b.mention_count - a.mention_count || a.name.localeCompare(b.name),
  );
  const counts = {};
  for (const actor of actors) counts[actor.type] = (counts[actor.type] || 0) + 1;

  const select = h(
    "select",
    { id: "actor-type", name: "type" },
    h("option", { value: "" }, `All types (${actors.length})`),
    Object.keys(ACTOR_TYPES)
      .filter((type) => counts[type])
      .map((type) => h("option", { value: type }, `${ACTOR_TYPES[type]} (${counts[type]})`)),
  );
  const list = h("ul", { class: "actor-list", id: "actor-list" });
  const quotes = h("div", { class: "actor-quotes", id: "actor-quotes", "aria-live": "polite" });
  let chosen = null;

  function choose(actor, button) {
    const same = chosen === actor.id;
    chosen = same ? null : actor.id;
    for (const other of list.querySelectorAll("button[aria-pressed]")) {
      other.setAttribute("aria-pressed", String(other === button && !same));
    }
    onSelect(same ? null : actor);
  }

  function fill() {
    const type = select.value;
    replace(
      list,
      sorted
        .filter((actor) => !type || actor.type === type)
        .map((actor) => {
          const button = h(
            "button",
            {
              type: "button",
              class: "actor",
              "aria-pressed": String(actor.id === chosen),
              dataset: { actor: actor.id, type: actor.type },
            },
            h("span", { class: "actor-name" }, actor.name),
            h("span", { class: `badge type-${actor.type}` }, ACTOR_TYPES[actor.type] || label(actor.type)),
            h("span", { class: "actor-count" }, plural(actor.mention_count, "mention")),
          );
          button.addEventListener("click", () => choose(actor, button));
          return h("li", null, button);
        }),
    );
  }

  select.addEventListener("change", fill);
  fill();
  replace(
    section,
    h("h2", { id: "actors-title" }, `Actors (${actors.length})`),
    h("p", { class: "hint" }, "Choose an actor to mark its mentions and list its quotes."),
    h("div", { class: "field inline" }, h("label", { for: "actor-type" }, "Type"), select),
    list,
    quotes,
  );
  return {
    /** The actor's button, clearing the type filter if it hides the actor. */
    reveal(actorId) {
      const find = () => list.querySelector(`button[data-actor="${CSS.escape(actorId)}"]`);
      if (!find() && select.value) {
        select.value = "";
        fill();
      }
      return find();
    },
    quotesBox: quotes,
  };
}

/** Fill the quotes box of the chosen actor. */
export function renderActorQuotes(box, actor, quotes, { onShowQuote }) {
  if (!actor) {
    replace(box);
    return;
  }
  const heading = h("h3", null, `Quotes by ${actor.name}`);
  if (!quotes.length) {
    replace(box, heading, h("p", { class: "empty" }, `No quote from ${actor.name} in this article.`));
    return;
  }
  replace(
    box,
    heading,
    h(
      "ul",
      { class: "quote-list" },
      quotes.map((quote) =>
        h(
          "li",
          null,
          h(
            "button",
            { type: "button", class: "linklike quote-text", onclick: () => onShowQuote(quote) },
            `“${quote.text}”`,
          ),
          h("span", { class: `badge kind-${quote.kind}` }, QUOTE_KINDS[quote.kind] || label(quote.kind)),
        ),
      ),
    ),
  );
}

// Reactions grouped by stance. The stance is told by colour, by an icon and by its
// name, so it never rests on colour alone.

import { h, replace } from "../dom.js";

export const STANCES = [
  { key: "supportive", name: "Supportive", icon: "✓" },
  { key: "concerned", name: "Concerned", icon: "!" },
  { key: "critical", name: "Critical", icon: "✗" },
];

export function renderReactions(section, reactions, { onShowActor }) {
  const known = new Set(STANCES.map((s) => s.key));
  const stances = [
    ...STANCES,
    // A stance the Explorer does not know yet is still shown, by its name.
    ...[...new Set(reactions.map((r) => r.stance))]
      .filter((key) => !known.has(key))
      .map((key) => ({ key, name: key, icon: "•" })),
  ];
  const groups = stances
    .map((stance) => ({ stance, items: reactions.filter((r) => r.stance === stance.key) }))
    .filter((group) => group.items.length);
  replace(
    section,
    h("h2", { id: "reactions-title" }, `Reactions (${reactions.length})`),
    groups.length ? null : h("p", { class: "empty" }, "No reactions in this article."),
    groups.map(({ stance, items }) =>
      h(
        "section",
        { class: `stance stance-${stance.key}`, dataset: { stance: stance.key } },
        h(
          "h3",
          null,
          h("span", { class: "stance-icon", "aria-hidden": "true" }, stance.icon),
          ` ${stance.name} `,
          h("span", { class: "count" }, `(${items.length})`),
        ),
        h(
          "ul",
          { class: "reaction-list" },
          items.map((reaction) =>
            h(
              "li",
              { class: "reaction", dataset: { reaction: reaction.id } },
              h(
                "p",
                { class: "reaction-who" },
                h(
                  "button",
                  { type: "button", class: "linklike", onclick: () => onShowActor(reaction.actor) },
                  reaction.actor_name || reaction.actor,
                ),
                reaction.target ? [" → ", h("span", { class: "target" }, reaction.target)] : null,
              ),
              h("p", { class: "reaction-summary" }, reaction.summary),
            ),
          ),
        ),
      ),
    ),
  );
}

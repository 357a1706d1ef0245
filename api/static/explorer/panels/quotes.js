// Quotes grouped by speaker. The API already folds a repeated passage (a pull
// quote that reappears in the body) into one quote with several occurrences; the
// same words said twice as separate quotes are folded here too, and shown once
// with the number of times they appear.

import { h, replace } from "../dom.js";
import { QUOTE_KINDS, label, plural } from "../format.js";

/** [{speaker, name, quotes: [{quote, occurrences}]}], the most quoted first. */
export function groupQuotes(quotes) {
  const groups = new Map();
  for (const quote of quotes) {
    const speaker = quote.speaker || "";
    if (!groups.has(speaker)) {
      groups.set(speaker, { speaker, name: quote.speaker_name || "Unattributed", entries: new Map() });
    }
    const entries = groups.get(speaker).entries;
    const words = quote.text.trim().toLowerCase();
    const occurrences = (quote.occurrences || []).length || 1;
    if (entries.has(words)) entries.get(words).occurrences += occurrences;
    else entries.set(words, { quote, occurrences });
  }
  return [...groups.values()]
    .map((group) => ({ ...group, quotes: [...group.entries.values()] }))
    .sort(
      (a, b) =>
        (a.speaker === "") - (b.speaker === "") ||
        b.quotes.length - a.quotes.length ||
        a.name.localeCompare(b.name),
    );
}

export function renderQuotes(section, quotes, { onShowQuote }) {
  const groups = groupQuotes(quotes);
  replace(
    section,
    h("h2", { id: "quotes-title" }, `Quotes (${quotes.length})`),
    groups.length ? null : h("p", { class: "empty" }, "No quotes in this article."),
    groups.map((group) =>
      h(
        "section",
        { class: "speaker", dataset: { speaker: group.speaker } },
        h("h3", null, group.name, " ", h("span", { class: "count" }, `(${group.quotes.length})`)),
        h(
          "ul",
          { class: "quote-list" },
          group.quotes.map(({ quote, occurrences }) =>
            h(
              "li",
              { dataset: { quote: quote.id, occurrences: String(occurrences) } },
              h(
                "button",
                { type: "button", class: "linklike quote-text", onclick: () => onShowQuote(quote) },
                `“${quote.text}”`,
              ),
              h("span", { class: `badge kind-${quote.kind}` }, QUOTE_KINDS[quote.kind] || label(quote.kind)),
              occurrences > 1
                ? h("span", { class: "badge occurrences" }, `appears ${plural(occurrences, "time")}`)
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}

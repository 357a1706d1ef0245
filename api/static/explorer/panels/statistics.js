// Figures: the bar chart of every figure, the passages where the article says its
// figures could not be checked, and the derived totals from /articles/{id}/stats.

import { barChart } from "../chart.js";
import { h, replace } from "../dom.js";
import { KIND_LABELS } from "../text.js";
import { label, number, plural } from "../format.js";

function totalsTable(caption, rows, nameOf) {
  if (!rows || !rows.length) return null;
  return h(
    "table",
    { class: "totals" },
    h("caption", null, caption),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, "Group"), h("th", { scope: "col" }, "Figures"), h("th", { scope: "col" }, "Sum"))),
    h(
      "tbody",
      null,
      rows.map((row) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, nameOf(row)),
          h("td", null, number(row.count)),
          h("td", null, row.total === null || row.total === undefined ? "—" : number(row.total)),
        ),
      ),
    ),
  );
}

export function renderStatistics(section, { article, statistics, stats }, { onShowFigure }) {
  const unverified = statistics.filter((figure) => !figure.verified).length;
  const byKind = Object.entries((stats && stats.paragraphs_by_kind) || {})
    .map(([kind, count]) => `${KIND_LABELS[kind] || label(kind)}: ${count}`)
    .join(", ");
  replace(
    section,
    h("h2", { id: "statistics-title" }, `Figures (${statistics.length})`),
    statistics.length
      ? [
          h(
            "p",
            { class: "hint", id: "chart-help" },
            "Log scale: each grid line is ten times the one before. Hatched bars are unverified. Choose a bar to find the figure in the text.",
          ),
          barChart(statistics, { onPick: onShowFigure, titleId: "statistics-title" }),
        ]
      : h("p", { class: "empty" }, "No figures in this article."),
    (article.caveats || []).length
      ? h(
          "div",
          { class: "caveats" },
          h("h3", null, "The article warns"),
          h("ul", null, article.caveats.map((caveat) => h("li", null, h("q", null, caveat.text)))),
        )
      : null,
    stats
      ? h(
          "div",
          { class: "derived" },
          h("h3", null, "Totals"),
          h(
            "ul",
            { class: "facts" },
            h("li", null, `${plural(stats.word_count, "word")}, ${plural(stats.paragraph_count, "paragraph")}`),
            byKind ? h("li", null, byKind) : null,
            h("li", { id: "unverified-total" }, `${number(stats.unverified_statistics ?? unverified)} of ${plural(statistics.length, "figure")} unverified`),
          ),
          totalsTable("Figures by category (ages are not summed)", stats.statistics_by_category, (row) => row.name || label(row.key)),
          totalsTable("Figures by source", stats.statistics_by_source, (row) => row.name || "No source given"),
        )
      : null,
  );
}

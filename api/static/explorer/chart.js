// The figures as a horizontal bar chart in inline SVG, on a log scale: an article
// can report 18 deaths and 19 million inhabitants, and both bars must be visible.
// Each row is labelled with the category and the source, carries the qualifier in
// words and says "unverified" (and is drawn hatched) when the article does not say
// the figure was checked.

import { s } from "./dom.js";
import { label, short, valueText } from "./format.js";

const WIDTH = 400;
const PAD = 8;
const ROW = 38;
const AXIS = 24;
const MAX_LABEL = 34;

function clip(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** log10 domain [lo, hi] in whole powers of ten around the values. */
export function logDomain(values) {
  const positive = values.filter((v) => v > 0);
  if (!positive.length) return [0, 1];
  const lo = Math.min(0, Math.floor(Math.log10(Math.min(...positive))));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...positive))));
  return [lo, hi];
}

/** An <svg> with one bar (g.bar) per figure; `onPick(figure)` when one is chosen. */
export function barChart(figures, { onPick, titleId } = {}) {
  const rows = [...figures].sort((a, b) => b.value - a.value);
  const [lo, hi] = logDomain(rows.map((f) => f.value));
  const plot = WIDTH - 2 * PAD;
  const x = (value) => {
    if (!(value > 0)) return 0;
    return ((Math.log10(value) - lo) / (hi - lo)) * plot;
  };
  const height = rows.length * ROW + AXIS + PAD;
  const svg = s("svg", {
    class: "chart",
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: "list",
    "aria-labelledby": titleId,
  });

  const defs = s(
    "defs",
    null,
    s(
      "pattern",
      { id: "unverified-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      s("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line" }),
    ),
  );
  svg.append(defs);

  // Grid: one line per power of ten, labelled under the bars.
  const axisY = rows.length * ROW + 4;
  const grid = s("g", { class: "grid", "aria-hidden": "true" });
  for (let power = lo; power <= hi; power += 1) {
    const gx = PAD + x(10 ** power);
    grid.append(
      s("line", { x1: gx, x2: gx, y1: 0, y2: axisY }),
      s("text", { x: gx, y: axisY + 14, "text-anchor": power === lo ? "start" : power === hi ? "end" : "middle" }, short(10 ** power)),
    );
  }
  svg.append(grid);

  rows.forEach((figure, index) => {
    const top = index * ROW;
    const category = label(figure.category);
    const source = figure.source_name || "no source given";
    const value = valueText(figure);
    const verified = figure.verified ? "verified" : "unverified";
    const reporter = figure.source_name ? `reported by ${figure.source_name}` : "no source given";
    const description = `${category}, ${value}${figure.subject ? ` (${figure.subject})` : ""}, ${reporter}, ${verified}`;
    const width = Math.max(3, x(figure.value));
    const bar = s(
      "g",
      {
        class: `bar bar-${figure.category}${figure.verified ? "" : " is-unverified"}`,
        role: "listitem",
        tabindex: "0",
        "aria-label": description,
        dataset: { ref: figure.id, category: figure.category },
        transform: `translate(${PAD} ${top})`,
      },
      s("title", null, description),
      // The whole row takes the pointer, not only the thin bar and the glyphs.
      s("rect", { class: "bar-hit", x: 0, y: 0, width: plot, height: ROW - 6 }),
      s("text", { class: "bar-label", x: 0, y: 12 }, clip(`${category} · ${source}`, MAX_LABEL)),
      s(
        "text",
        { class: "bar-value", x: plot, y: 12, "text-anchor": "end" },
        value,
        figure.verified ? null : s("tspan", { class: "bar-unverified" }, " · unverified"),
      ),
      s("rect", { class: "bar-rect", x: 0, y: 17, width, height: 12, rx: 2 }),
      figure.verified
        ? null
        : s("rect", { class: "bar-hatch", x: 0, y: 17, width, height: 12, rx: 2, fill: "url(#unverified-hatch)" }),
    );
    if (onPick) {
      bar.addEventListener("click", () => onPick(figure));
      bar.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          onPick(figure);
        }
      });
    }
    svg.append(bar);
  });
  return svg;
}

// The article text with its highlights. Spans come straight from the API's UTF-16
// offsets (`start_utf16`/`end_utf16`), the unit JavaScript strings index: its
// `start`/`end` count code points, which an emoji before a span would shift. Spans
// may overlap (a mention inside a quote, a figure that is also a scare quote),
// so the text is cut at every span boundary and each piece is wrapped in the spans
// that cover it, outermost first. A span that crosses another is split into
// fragments that share one data-key; only its first fragment takes keyboard focus.

import { h } from "./dom.js";

export const KIND_LABELS = {
  body: "Body",
  pull_quote: "Pull quote",
  related_headline: "Related headline",
  photo_caption: "Photo caption",
  credit: "Credit",
  more_news: "More news",
};

// When two spans have the same range, the quote wraps the figure wraps the mention.
const NESTING = { quote: 0, figure: 1, mention: 2 };

/** Every highlight of an article: actor mentions, quote occurrences and figures. */
export function collectSpans({ actors, mentions, quotes, statistics }) {
  const spans = [];
  const actorsById = new Map(actors.map((actor) => [actor.id, actor]));
  for (const mention of mentions) {
    const actor = actorsById.get(mention.actor);
    if (!actor) continue;
    spans.push({
      key: `m:${actor.id}:${mention.start}:${mention.end}`,
      kind: "mention",
      start: mention.start_utf16,
      end: mention.end_utf16,
      ref: actor.id,
      item: actor,
    });
  }
  for (const quote of quotes) {
    const occurrences = quote.occurrences && quote.occurrences.length
      ? quote.occurrences
      : [{ start_utf16: quote.start_utf16, end_utf16: quote.end_utf16 }];
    occurrences.forEach((occurrence, index) => {
      spans.push({
        key: `q:${quote.id}:${index}`,
        kind: "quote",
        start: occurrence.start_utf16,
        end: occurrence.end_utf16,
        ref: quote.id,
        item: quote,
        occurrence: index,
      });
    });
  }
  for (const figure of statistics) {
    spans.push({
      key: `s:${figure.id}`,
      kind: "figure",
      start: figure.start_utf16,
      end: figure.end_utf16,
      ref: figure.id,
      item: figure,
    });
  }
  return spans.filter((span) => span.end > span.start);
}

function outerFirst(a, b) {
  return (
    a.start - b.start ||
    b.end - a.end ||
    NESTING[a.kind] - NESTING[b.kind] ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * Cut [start, end) at every boundary of the spans that overlap it.
 * Returns [{start, end, spans}] with spans ordered outermost first; pure, no DOM.
 */
export function segment(start, end, spans) {
  const inside = spans.filter((span) => span.start < end && span.end > start);
  inside.sort(outerFirst);
  const cuts = new Set([start, end]);
  for (const span of inside) {
    cuts.add(Math.max(span.start, start));
    cuts.add(Math.min(span.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    pieces.push({
      start: from,
      end: to,
      spans: inside.filter((span) => span.start <= from && span.end >= to),
    });
  }
  return pieces;
}

/**
 * The blocks to render: the paragraphs, plus any text between them that is not
 * whitespace (so no span can fall outside what is shown).
 */
export function blocksOf(article) {
  const text = article.text || "";
  const paragraphs = [...(article.paragraphs || [])].sort(
    (a, b) => a.start_utf16 - b.start_utf16,
  );
  const blocks = [];
  let cursor = 0;
  const gap = (from, to) => {
    if (to > from && text.slice(from, to).trim()) blocks.push({ start: from, end: to, kind: "body" });
  };
  for (const paragraph of paragraphs) {
    gap(cursor, paragraph.start_utf16);
    blocks.push({ start: paragraph.start_utf16, end: paragraph.end_utf16, kind: paragraph.kind });
    cursor = Math.max(cursor, paragraph.end_utf16);
  }
  gap(cursor, text.length);
  return blocks;
}

function highlight(span, first) {
  const attrs = {
    class: `hl hl-${span.kind}`,
    dataset: { key: span.key, kind: span.kind, ref: span.ref },
  };
  if (span.kind === "mention") attrs.dataset.actor = span.ref;
  if (span.kind === "quote" && span.item.speaker) attrs.dataset.actor = span.item.speaker;
  if (first) {
    // Keyboard users reach each highlight once; the card describes it.
    attrs.tabindex = "0";
    attrs["aria-describedby"] = "hl-card";
    attrs.dataset.first = "";
  }
  return h("mark", attrs);
}

/** Fill `parent` with the pieces of text[start:end], wrapped in their highlights. */
function renderRange(parent, text, start, end, spans, seen) {
  const stack = [{ span: null, element: parent }];
  for (const piece of segment(start, end, spans)) {
    // Keep the highlights this piece shares with the previous one open.
    let depth = 0;
    while (
      depth < piece.spans.length &&
      depth + 1 < stack.length &&
      stack[depth + 1].span === piece.spans[depth]
    ) {
      depth += 1;
    }
    stack.length = depth + 1;
    for (const span of piece.spans.slice(depth)) {
      const element = highlight(span, !seen.has(span.key));
      seen.add(span.key);
      stack[stack.length - 1].element.append(element);
      stack.push({ span, element });
    }
    stack[stack.length - 1].element.append(text.slice(piece.start, piece.end));
  }
}

function blockElement(kind) {
  if (kind === "pull_quote") return h("blockquote", { class: "para-text" });
  return h("p", { class: "para-text" });
}

/**
 * The article body as a DocumentFragment. Consecutive paragraphs of one non-body
 * kind (three "more news" links) share a labelled box.
 */
export function renderArticleText(article, spans) {
  const text = article.text || "";
  const fragment = document.createDocumentFragment();
  const seen = new Set();
  let box = null;
  for (const block of blocksOf(article)) {
    const paragraph = blockElement(block.kind);
    renderRange(paragraph, text, block.start, block.end, spans, seen);
    if (block.kind === "body") {
      box = null;
      paragraph.classList.add("para", "para-body");
      fragment.append(paragraph);
      continue;
    }
    if (!box || box.dataset.kind !== block.kind) {
      const label = KIND_LABELS[block.kind] || block.kind;
      box = h(
        "section",
        { class: `para para-${block.kind}`, dataset: { kind: block.kind }, "aria-label": label },
        h("span", { class: "kind-label" }, label),
      );
      fragment.append(box);
    }
    box.append(paragraph);
  }
  return fragment;
}

/** Mark the highlights of one actor (mentions and quotes) as selected; null clears. */
export function selectActor(container, actorId) {
  for (const element of container.querySelectorAll(".hl.is-selected")) {
    element.classList.remove("is-selected");
  }
  if (!actorId) return 0;
  let count = 0;
  for (const element of container.querySelectorAll(".hl[data-actor]")) {
    if (element.dataset.actor === actorId) {
      element.classList.add("is-selected");
      count += 1;
    }
  }
  return count;
}

/** The first (focusable) fragment of a highlight. */
export function firstFragment(container, key) {
  for (const element of container.querySelectorAll(".hl[data-first]")) {
    if (element.dataset.key === key) return element;
  }
  return null;
}

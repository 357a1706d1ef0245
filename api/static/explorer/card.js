// The card that describes a highlight. One card element serves every highlight:
// it opens on hover or focus, stays while the pointer is over it, and closes on
// Escape (WCAG 1.4.13). Highlights point at it with aria-describedby, and it is
// filled before focus settles, so a screen reader reads the current description.

import { h, replace } from "./dom.js";
import { ACTOR_TYPES, QUOTE_KINDS, amount, label, plural, valueText } from "./format.js";

function row(name, value) {
  if (value === null || value === undefined || value === "") return null;
  return [h("dt", null, name), h("dd", null, value)];
}

function actorCard(actor) {
  return [
    h("p", { class: "card-kind" }, "Actor"),
    h("p", { class: "card-title" }, actor.name),
    h(
      "dl",
      null,
      row("Type", ACTOR_TYPES[actor.type] || label(actor.type)),
      row("Role", actor.role),
      row("Country", actor.country),
      row("Aliases", (actor.aliases || []).join(", ")),
      row("Mentions", String(actor.mention_count)),
    ),
  ];
}

function quoteCard(quote) {
  const speaker = quote.speaker_name || `Unattributed${quote.speaker_reason ? ` (${quote.speaker_reason})` : ""}`;
  const occurrences = (quote.occurrences || []).length;
  return [
    h("p", { class: "card-kind" }, "Quote"),
    h("p", { class: "card-title" }, speaker),
    h(
      "dl",
      null,
      row("Kind", QUOTE_KINDS[quote.kind] || label(quote.kind)),
      row("Verb", quote.verb),
      occurrences > 1 ? row("Appears", plural(occurrences, "time")) : null,
    ),
  ];
}

function figureCard(figure) {
  return [
    h("p", { class: "card-kind" }, "Figure"),
    h("p", { class: "card-title" }, valueText(figure)),
    h(
      "dl",
      null,
      row("Value", amount(figure)),
      row("Qualifier", label(figure.qualifier)),
      row("Category", label(figure.category)),
      row("Counts", figure.subject),
      row("Source", figure.source_name || "No source given"),
      row("Checked", figure.verified ? "Verified" : "Unverified"),
    ),
  ];
}

const BUILDERS = { mention: actorCard, quote: quoteCard, figure: figureCard };

// A highlight inside another (a figure that is also a scare quote, a name inside a
// quote) would hide the outer one from the pointer, so the card names it too.
function within(span) {
  const { kind, item } = span;
  if (kind === "mention") return `Inside a mention of ${item.name}`;
  if (kind === "quote") return `Inside a quote by ${item.speaker_name || "an unattributed speaker"}`;
  return `Inside the figure ${valueText(item)} (${label(item.category)})`;
}

function outerSpans(target, container, lookup) {
  const spans = [];
  let element = target.parentElement && target.parentElement.closest(".hl");
  while (element && container.contains(element)) {
    const span = lookup(element.dataset.key);
    if (span) spans.push(span);
    element = element.parentElement && element.parentElement.closest(".hl");
  }
  return spans;
}

/**
 * Wire the card to the highlights inside `container`.
 * `lookup(key)` returns the span ({kind, item}) of a highlight.
 */
export function attachCard(container, card, lookup) {
  let current = null;
  let hideTimer = 0;

  function show(target) {
    clearTimeout(hideTimer);
    if (current === target) return;
    const span = lookup(target.dataset.key);
    if (!span) return;
    current = target;
    const outer = outerSpans(target, container, lookup).map((o) => h("p", { class: "card-within" }, within(o)));
    replace(card, BUILDERS[span.kind](span.item), outer);
    card.dataset.kind = span.kind;
    card.hidden = false;
    place(target);
  }

  function place(target) {
    const rect = target.getBoundingClientRect();
    const width = card.offsetWidth;
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    let top = rect.bottom + 6;
    if (top + card.offsetHeight > window.innerHeight && rect.top > card.offsetHeight + 6) {
      top = rect.top - card.offsetHeight - 6;
    }
    card.style.left = `${left + window.scrollX}px`;
    card.style.top = `${top + window.scrollY}px`;
  }

  function hide() {
    current = null;
    card.hidden = true;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  const highlightOf = (event) => event.target.closest && event.target.closest(".hl");

  container.addEventListener("mouseover", (event) => {
    const target = highlightOf(event);
    if (target) show(target);
  });
  container.addEventListener("mouseout", (event) => {
    // Moving into a nested highlight fires mouseover there, which cancels this.
    if (highlightOf(event)) hideSoon();
  });
  container.addEventListener("focusin", (event) => {
    const target = highlightOf(event);
    if (target) show(target);
  });
  container.addEventListener("focusout", hideSoon);
  card.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  card.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !card.hidden) hide();
  });
  return { hide };
}

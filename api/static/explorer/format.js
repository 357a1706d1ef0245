// Words and numbers as a reader expects them.

const numbers = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

export const QUALIFIERS = {
  exact: "exactly",
  more_than: "more than",
  around: "around",
  at_least: "at least",
  up_to: "up to",
  approximate: "approximately",
};

export const ACTOR_TYPES = {
  person: "Person",
  organization: "Organization",
  government: "Government",
  country: "Country",
  group: "Group",
};

export const QUOTE_KINDS = {
  direct: "Direct quotation",
  partial: "Partial quotation",
  term: "Scare quote (term)",
};

export function label(slug) {
  if (!slug) return "";
  const text = String(slug).replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function number(value) {
  return numbers.format(value);
}

export function short(value) {
  return Math.abs(value) >= 10000 ? compact.format(value) : numbers.format(value);
}

/** "19,000,000 USD", "4 %", "81 years", "40–60" for a range. */
export function amount(figure) {
  const unit = figure.unit;
  const written =
    figure.high == null ? number(figure.value) : `${number(figure.value)}–${number(figure.high)}`;
  if (!unit) return written;
  if (unit === "percent") return `${written} %`;
  return `${written} ${unit}`;
}

export function plural(count, one, many = `${one}s`) {
  return `${number(count)} ${count === 1 ? one : many}`;
}

/** "more than 3,800", "around 2,500 USD"; an exact figure is just its amount. */
export function valueText(figure) {
  if (figure.qualifier === "exact") return amount(figure);
  return `${QUALIFIERS[figure.qualifier] || label(figure.qualifier)} ${amount(figure)}`;
}

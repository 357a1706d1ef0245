// What a TypeScript client of Lede writes, compiled with `tsc --strict` against the
// types generated from openapi/openapi.json (lede.d.ts). Each annotation below is
// exact: a field typed `unknown`, left optional, or nullable where the API never
// sends null fails the compilation.

import type { components, operations, paths } from "./lede";

type Schemas = components["schemas"];
type Ok<Op extends keyof operations> = operations[Op]["responses"] extends { 200: infer R }
  ? R
  : never;
type Json<Op extends keyof operations> = Ok<Op> extends {
  content: { "application/json": infer J };
}
  ? J
  : never;

// Offsets: JavaScript slices with the UTF-16 pair, whatever the text holds.
function evidence(text: string, item: { start_utf16: number; end_utf16: number }): string {
  return text.slice(item.start_utf16, item.end_utf16);
}

export function article(detail: Json<"getArticle">): string[] {
  const title: string = detail.title;
  const published: string | null = detail.published_on;
  const paragraphs: number = detail.paragraph_count;
  const words: number = detail.word_count;
  const kinds: Schemas["ParagraphKind"][] = detail.paragraphs.map((p) => p.kind);
  const caveats: string[] = detail.caveats.map((c) => evidence(detail.text, c));
  const counts: number = detail.counts.quotes + detail.counts.statistics;
  const extractor: string | null = detail.extractor;
  return [title, published ?? "", String(paragraphs + words + counts), ...kinds, ...caveats, extractor ?? ""];
}

export function articles(list: Json<"listArticles">): string[] {
  return list.map((a: Schemas["Article"]) => `${a.id} ${a.credits.join(", ")} ${a.curated}`);
}

export function stats(figures: Json<"getArticleStats">): number {
  const byCategory: (number | null)[] = figures.statistics_by_category.map((g) => g.total);
  const keys: (string | null)[] = figures.quotes_by_speaker.map((g) => g.key);
  const types: Record<string, number> = figures.actors_by_type;
  return byCategory.length + keys.length + Object.keys(types).length + figures.unverified_statistics;
}

export function actors(list: Json<"listActors">, one: Json<"getActor">): string[] {
  const type: Schemas["ActorType"] = one.type;
  const role: string | null = one.role;
  const links: string = one.links.mentions;
  const salience: number = one.salience;
  return list.map((a) => `${a.name} ${a.mention_count} ${a.quote_count}`).concat([type, role ?? "", links, String(salience)]);
}

export function mentions(text: string, list: Json<"listArticleMentions">): string[] {
  return list.map((m) => `${m.id} ${m.actor}: ${evidence(text, m)} = ${m.text}`);
}

// A mirror: what each list changed since a version, and what writes removed.
export function deletions(list: Json<"listDeletions">): Map<string, number> {
  const removed = new Map<string, number>();
  for (const d of list) {
    const kind: Schemas["ItemKind"] = d.kind;
    const id: string = d.id;
    const version: number = d.version;
    removed.set(`${kind}/${id}`, version);
  }
  return removed;
}

export function versions(
  a: Schemas["Article"],
  b: Schemas["Actor"],
  q: Schemas["Quote"],
  r: Schemas["Reaction"],
  s: Schemas["Statistic"],
  m: Schemas["Mention"],
): number {
  return Math.max(a.version, b.version, q.version, r.version, s.version, m.version);
}

export function quotes(text: string, list: Json<"listQuotes">, one: Json<"getQuote">): string[] {
  const speaker: string | null = one.speaker_name;
  const speakerId: string | null = one.speaker;
  const kind: Schemas["QuoteKind"] = one.kind;
  const verb: string | null = one.verb;
  const occurrences: string[] = one.occurrences.map((o) => evidence(text, o));
  return list.map((q) => q.text).concat([speaker ?? "", speakerId ?? "", kind, verb ?? "", ...occurrences]);
}

export function reactions(text: string, list: Json<"listReactions">, one: Json<"getReaction">): string[] {
  const actor: string = one.actor_name;
  const stance: Schemas["Stance"] = one.stance;
  const behalf: string | null = one.on_behalf_of;
  const quoteIds: string[] = one.quotes;
  return list.map((r) => evidence(text, r)).concat([actor, stance, behalf ?? "", ...quoteIds, one.summary]);
}

export function statistics(list: Json<"listStatistics">, one: Json<"getStatistic">): number[] {
  const source: string | null = one.source_name;
  const high: number | null = one.high;
  const qualifier: Schemas["Qualifier"] = one.qualifier;
  const category: Schemas["Category"] = one.category;
  const placement: Schemas["Placement"] = one.placement;
  const unit: string | null = one.unit;
  const verified: boolean = one.verified;
  const labels = [source, qualifier, category, placement, unit, String(verified)];
  return list.map((s) => s.value).concat([high ?? 0, labels.length]);
}

// One search across every kind: a hit says what it is and, when it stands in the
// text, where; actors and articles have no offsets of their own.
export function search(hits: Json<"listSearchHits">, texts: Record<string, string>): string[] {
  return hits.map((hit: Schemas["SearchHit"]) => {
    const kind: Schemas["SearchKind"] = hit.kind;
    const article: string | null = hit.article;
    const start: number | null = hit.start_utf16;
    const end: number | null = hit.end_utf16;
    const text = article === null ? undefined : texts[article];
    const found = start === null || end === null || text === undefined ? hit.snippet : text.slice(start, end);
    return `${kind} ${hit.id}: ${hit.text} (${found}) ${hit.start ?? ""}-${hit.end ?? ""}`;
  });
}

export function jobs(job: Json<"getJob">, list: Json<"listJobArticles">): string[] {
  const state: Schemas["JobState"] = job.state;
  const finished: string | null = job.finished_at;
  const failed: number = job.progress.failed;
  const pages: string = job.links.articles;
  const outcomes: (string | null)[] = list.map((a) => a.article ?? a.error);
  const states: Schemas["JobArticleState"][] = list.map((a) => a.state);
  return [state, finished ?? "", String(failed), pages, ...outcomes.map(String), ...states];
}

export function health(body: Json<"getHealth">): boolean {
  return body.status === "ok" && body.database === "ok";
}

// The one error shape, and the messages of a validation failure.
export function describeError(error: Schemas["Error"]): string[] {
  const code: number = error.code;
  const status: string = error.status;
  const message: string = error.message;
  const flat: string[] = [];
  const walk = (messages: Schemas["ValidationMessages"]): void => {
    if (Array.isArray(messages)) flat.push(...messages);
    else Object.values(messages).forEach(walk);
  };
  Object.values(error.errors ?? {}).forEach(walk);
  return [`${code} ${status}: ${message}`, ...flat];
}

// The pagination header: a string that holds PaginationMetadata as JSON.
export function pagination(headers: Ok<"listQuotes">["headers"]): number | undefined {
  const raw: string = headers["X-Pagination"];
  const meta: Schemas["PaginationMetadata"] = JSON.parse(raw);
  const total: number = meta.total;
  const pages: number = meta.total_pages;
  const next: number | undefined = meta.next_page;
  const cursor: string | undefined = meta.next_cursor;
  const version: number | undefined = meta.version;
  return total > 0 && pages > 1 && (cursor ?? version) !== undefined ? next : undefined;
}

// Requests: filters take vocabulary words, several at once, and a range of the
// articles' publication dates; lists export.
export const reactionsQuery: NonNullable<operations["listReactions"]["parameters"]["query"]> = {
  stance: ["critical", "concerned"],
  published_after: "2022-01-01",
  published_before: "2022-01-31",
  sort: "-start",
  format: "csv",
};
export const searchQuery: operations["listSearchHits"]["parameters"]["query"] = {
  q: '"shoot to kill" Tokayev',
  kind: ["quote", "reaction"],
  page_size: 50,
};
export const articlesQuery: NonNullable<operations["listArticles"]["parameters"]["query"]> = {
  published_after: "2022-01-01",
  published_before: "2022-01-31",
  cursor: "WyI0ZjFhIiwxMjY3LCJxLTQ4ZGU5MWYxYWMiXQ.k3Fv0x1Y2a8",
  page_size: 100,
};
export const changesQuery: NonNullable<operations["listDeletions"]["parameters"]["query"]> = {
  changed_since: 41,
  kind: ["article", "quote"],
  format: "ndjson",
};
export const failedArticlesQuery: NonNullable<
  operations["listJobArticles"]["parameters"]["query"]
> = { state: ["failed"], page_size: 100 };
export const newArticle: operations["createArticle"]["requestBody"] extends infer B
  ? B extends { content: { "application/json": infer J } } ? J : never
  : never = { text: "The mayor said floods killed 12 people.", title: "Floods" };
export const csv: Ok<"listStatistics">["content"]["text/csv"] = "id,value\n";
export const route: keyof paths = "/api/v1/articles/{article_id}/quotes";

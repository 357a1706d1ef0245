// Every request to the API goes through here, and every failure leaves here as an
// ApiError whose `message` can be shown to a reader as it is.

export const API = "/api/v1";
const PAGE_SIZE = 100; // the API's largest page

const FIELD_NAMES = {
  text: "Text",
  title: "Title",
  published_on: "Date",
  q: "Search",
};

/** A failed request, with a message in plain words and the field messages of a 422. */
export class ApiError extends Error {
  constructor(message, { status = 0, body = null, fields = {} } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
    this.fields = fields; // {field: "message"} for 422s
  }
}

/** Flatten {json: {text: ["..."]}, query: {...}} into {text: "...", ...}. */
export function fieldMessages(errors) {
  const fields = {};
  for (const location of Object.values(errors || {})) {
    if (!location || typeof location !== "object") continue;
    for (const [field, messages] of Object.entries(location)) {
      const list = Array.isArray(messages) ? messages : [messages];
      fields[field] = list
        .map((m) => (typeof m === "string" ? m : JSON.stringify(m)))
        .join(" ");
    }
  }
  return fields;
}

/** The sentence a reader sees for an HTTP status (and the error body, if any). */
export function messageFor(status, body, { what = "The request" } = {}) {
  switch (status) {
    case 0:
      return "The API could not be reached. Check that the server is running and try again.";
    case 401:
      return "An API key is needed to add an article.";
    case 403:
      return "The API key was not accepted.";
    case 404:
      return `${what} was not found.`;
    case 405:
      return "The API does not accept this request yet.";
    case 413:
      return "The article is too long for the API to accept.";
    case 415:
      return "The API expected JSON and did not get it.";
    case 422: {
      const fields = fieldMessages(body && body.errors);
      const parts = Object.entries(fields).map(
        ([field, message]) => `${FIELD_NAMES[field] || field}: ${message}`,
      );
      return parts.length ? `Please check: ${parts.join(" ")}` : "The API refused the data sent.";
    }
    default:
      if (status >= 500) return `The API failed (error ${status}). Try again in a moment.`;
      return (body && body.message) || `The API answered with error ${status}.`;
  }
}

async function send(path, init, context) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, ...init });
  } catch (cause) {
    throw new ApiError(messageFor(0, null, context), { status: 0 });
  }
  let body = null;
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) {
    body = await response.json().catch(() => null);
  }
  if (!response.ok) {
    throw new ApiError(messageFor(response.status, body, context), {
      status: response.status,
      body,
      fields: fieldMessages(body && body.errors),
    });
  }
  return { body, response };
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** GET one JSON document. `fresh` revalidates instead of trusting the HTTP cache. */
export async function getJSON(path, params, { fresh = false, what } = {}) {
  const init = fresh ? { cache: "no-cache" } : {};
  const { body, response } = await send(`${API}${path}${query(params)}`, init, { what });
  return { body, pagination: pagination(response) };
}

function pagination(response) {
  try {
    return JSON.parse(response.headers.get("X-Pagination") || "null");
  } catch {
    return null;
  }
}

/** GET every page of a list (most articles fit in one page of 100). */
export async function getAll(path, params, options) {
  const first = await getJSON(path, { ...params, page_size: PAGE_SIZE }, options);
  const pages = (first.pagination && first.pagination.total_pages) || 1;
  if (pages <= 1) return first.body;
  const rest = await Promise.all(
    Array.from({ length: pages - 1 }, (_, i) =>
      getJSON(path, { ...params, page_size: PAGE_SIZE, page: i + 2 }, options),
    ),
  );
  return first.body.concat(...rest.map((r) => r.body));
}

const enc = encodeURIComponent;

/** Everything the article view needs, fetched in parallel. */
export async function loadArticle(id) {
  const base = `/articles/${enc(id)}`;
  // All seven at once: the first render waits for one round trip, not seven. Any
  // of them can be the first to fail on an unknown id, so all say the same thing.
  const options = { what: "This article" };
  const [article, actors, mentions, quotes, reactions, statistics, stats] =
    await Promise.all([
      getJSON(base, null, options).then((r) => r.body),
      getAll(`${base}/actors`, null, options),
      getAll(`${base}/mentions`, null, options),
      getAll(`${base}/quotes`, null, options),
      getAll(`${base}/reactions`, null, options),
      getAll(`${base}/statistics`, null, options),
      getJSON(`${base}/stats`, null, options).then((r) => r.body),
    ]);
  return { article, actors, mentions, quotes, reactions, statistics, stats };
}

export function listArticles({ q = "", page = 1, fresh = false } = {}) {
  return getJSON("/articles", { q, page, page_size: 50 }, { fresh });
}

export function actorQuotes(actorId, articleId) {
  return getAll(`/actors/${enc(actorId)}/quotes`, { article: articleId });
}

/** POST a new article; resolves to {article, created}. */
export async function postArticle({ text, title, published_on }, key) {
  const payload = { text };
  if (title) payload.title = title;
  if (published_on) payload.published_on = published_on;
  const { body, response } = await send(
    `${API}/articles`,
    {
      method: "POST",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        // No key, no header: the API then answers 401, which reads better than 403.
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify(payload),
    },
    { what: "The article" },
  );
  return { article: body, created: response.status === 201 };
}

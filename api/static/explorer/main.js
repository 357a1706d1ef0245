// Lede Explorer: routes #/articles/{id}, loads an article with everything the API
// knows about it, renders the text with its highlights and the panels beside it.

import { actorQuotes, listArticles, loadArticle } from "./api.js";
import { attachCard } from "./card.js";
import { h, replace } from "./dom.js";
import { plural } from "./format.js";
import { renderActorQuotes, renderActors } from "./panels/actors.js";
import { markCurrent, renderArticleList } from "./panels/articles.js";
import { renderQuotes } from "./panels/quotes.js";
import { renderReactions } from "./panels/reactions.js";
import { renderStatistics } from "./panels/statistics.js";
import { wireSubmitForm } from "./panels/submit.js";
import { collectSpans, firstFragment, renderArticleText, selectActor } from "./text.js";

const $ = (id) => document.getElementById(id);
const view = {
  status: $("status"),
  list: $("article-list"),
  search: $("search-form"),
  main: $("article"),
  title: $("article-title"),
  meta: $("article-meta"),
  text: $("article-text"),
  card: $("hl-card"),
  actors: $("actors-panel"),
  quotes: $("quotes-panel"),
  reactions: $("reactions-panel"),
  statistics: $("statistics-panel"),
  form: $("add-form"),
};

const state = {
  id: null,
  spans: new Map(),
  card: null,
  actorPanel: null,
  firstRender: true,
  loading: 0,
  note: "", // said before the next "Showing …" (e.g. "Added …")
};

/** Say something in the live region; errors are styled (and announced) as such. */
function announce(message, kind = "info") {
  view.status.dataset.kind = kind;
  replace(view.status, message);
}

function idFromHash() {
  const match = /^#\/articles\/([^/]+)\/?$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1]; // a malformed escape: let the API say it is not found
  }
}

function articleHash(id) {
  return `#/articles/${encodeURIComponent(id)}`;
}

// Focus a highlight in the text (from a panel) and show its card.
function showSpan(key) {
  const element = firstFragment(view.text, key);
  if (!element) return;
  element.scrollIntoView({ block: "center", behavior: "instant" });
  element.focus({ preventScroll: true });
}

const show = {
  quote: (quote) => showSpan(`q:${quote.id}:0`),
  figure: (figure) => showSpan(`s:${figure.id}`),
  actor: (actorId) => {
    const button = state.actorPanel && state.actorPanel.reveal(actorId);
    if (button) {
      button.scrollIntoView({ block: "center", behavior: "instant" });
      button.focus();
      if (button.getAttribute("aria-pressed") !== "true") button.click();
    }
  },
};

async function chooseActor(actor) {
  const box = state.actorPanel.quotesBox;
  const marked = selectActor(view.text, actor ? actor.id : null);
  if (!actor) {
    renderActorQuotes(box, null);
    announce("No actor chosen.");
    return;
  }
  const articleId = state.id;
  replace(box, h("p", { class: "hint" }, `Loading the quotes of ${actor.name}…`));
  try {
    const quotes = await actorQuotes(actor.id, articleId);
    if (state.id !== articleId) return;
    renderActorQuotes(box, actor, quotes, { onShowQuote: show.quote });
    announce(`${actor.name}: ${plural(marked, "highlight")} marked, ${plural(quotes.length, "quote")}.`);
  } catch (failure) {
    replace(box, h("p", { class: "error" }, failure.message));
    announce(failure.message, "error");
  }
}

function renderMeta(article) {
  const parts = [
    article.published_on,
    (article.credits || []).join(", "),
    `${plural(article.word_count, "word")}`,
    article.curated ? "hand-checked annotation" : "automatic extraction",
  ].filter(Boolean);
  const counts = article.counts
    ? `${plural(article.counts.actors, "actor")}, ${plural(article.counts.quotes, "quote")}, ${plural(article.counts.reactions, "reaction")}, ${plural(article.counts.statistics, "figure")}`
    : null;
  replace(view.meta, parts.join(" · "), counts ? h("br") : null, counts);
}

function render(data) {
  const { article } = data;
  document.title = `${article.title} · Lede Explorer`;
  replace(view.title, article.title || article.id);
  renderMeta(article);
  state.card.hide(); // it may describe a highlight of the previous article
  const spans = collectSpans(data);
  state.spans = new Map(spans.map((span) => [span.key, span]));
  replace(view.text, renderArticleText(article, spans));
  state.actorPanel = renderActors(view.actors, data.actors, { onSelect: chooseActor });
  renderQuotes(view.quotes, data.quotes, { onShowQuote: show.quote });
  renderReactions(view.reactions, data.reactions, { onShowActor: show.actor });
  renderStatistics(view.statistics, data, { onShowFigure: show.figure });
  view.main.dataset.article = article.id; // what is on screen (tests wait on it)
  view.main.removeAttribute("aria-busy");
}

async function open(id, { focus = true } = {}) {
  state.id = id;
  const ticket = ++state.loading;
  markCurrent(view.list, id);
  view.main.setAttribute("aria-busy", "true");
  let data;
  try {
    data = await loadArticle(id);
  } catch (failure) {
    if (ticket !== state.loading) return;
    view.main.removeAttribute("aria-busy");
    delete view.main.dataset.article;
    state.card.hide();
    state.spans = new Map();
    replace(view.title, "Article not shown");
    replace(view.meta);
    replace(view.text, h("p", { class: "error" }, failure.message));
    for (const panel of [view.actors, view.quotes, view.reactions, view.statistics]) replace(panel);
    announce(failure.message, "error");
    return;
  }
  if (ticket !== state.loading) return; // a later navigation won
  if (state.firstRender) performance.mark("lede-data");
  render(data);
  if (state.firstRender) {
    state.firstRender = false;
    void view.text.offsetHeight; // include style and layout in the figure
    performance.mark("lede-rendered");
    // The Explorer's own cost: from the moment the data has arrived to the
    // article, its highlights and panels laid out. This is the budgeted figure;
    // the network and the server's answer time are not the page's to control...
    performance.measure("lede-first-render", "lede-data", "lede-rendered");
    // ...but the whole wait, from navigation start, is measured too.
    performance.measure("lede-first-render-from-navigation", { start: 0, end: "lede-rendered" });
  }
  announce(`${state.note}Showing “${data.article.title}”: ${plural(state.spans.size, "highlight")}.`);
  state.note = "";
  if (focus) view.title.focus();
}

async function refreshList({ q = "", fresh = false } = {}) {
  const { body, pagination } = await listArticles({ q, fresh });
  renderArticleList(view.list, body, state.id);
  return { articles: body, total: pagination ? pagination.total : body.length };
}

function route({ focus = true } = {}) {
  const id = idFromHash();
  if (id && id !== state.id) open(id, { focus });
}

async function start() {
  state.card = attachCard(view.text, view.card, (key) => state.spans.get(key));
  const id = idFromHash();
  // With an id in the URL the article and the list load side by side.
  if (id) open(id, { focus: false });
  let listed;
  try {
    listed = await refreshList();
  } catch (failure) {
    announce(failure.message, "error");
    return;
  }
  if (!id) {
    if (!listed.articles.length) {
      announce("No articles yet: add one with the form.");
      replace(view.title, "No articles yet");
      view.main.removeAttribute("aria-busy");
      return;
    }
    const first = listed.articles[0].id;
    history.replaceState(null, "", articleHash(first));
    open(first, { focus: false });
  }
}

view.search.addEventListener("submit", async (event) => {
  event.preventDefault();
  const q = view.search.elements.q.value.trim();
  try {
    const { total } = await refreshList({ q });
    announce(q ? `${plural(total, "article")} match “${q}”.` : `${plural(total, "article")}.`);
  } catch (failure) {
    announce(failure.message, "error");
  }
});

wireSubmitForm(view.form, {
  announce,
  onAdded: async ({ article, created }) => {
    state.note = created
      ? "Article added. "
      : "This text was already stored; opening the article. ";
    announce(state.note);
    view.search.elements.q.value = "";
    await refreshList({ fresh: true }).catch(() => {});
    if (location.hash === articleHash(article.id)) open(article.id);
    else location.hash = articleHash(article.id);
  },
});

// Skip links move focus without touching the hash, which holds the article.
for (const link of document.querySelectorAll("a.skip")) {
  link.addEventListener("click", (event) => {
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  });
}

window.addEventListener("hashchange", () => route());
start();

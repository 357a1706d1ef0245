// The article list in the navigation: search results or the newest articles.

import { h, replace } from "../dom.js";
import { number } from "../format.js";

/** Fill `list` with links to the articles; the open one is aria-current. */
export function renderArticleList(list, articles, currentId) {
  if (!articles.length) {
    replace(list, h("li", { class: "empty" }, "No article matches."));
    return;
  }
  replace(
    list,
    articles.map((article) =>
      h(
        "li",
        null,
        h(
          "a",
          {
            href: `#/articles/${encodeURIComponent(article.id)}`,
            "aria-current": article.id === currentId ? "page" : null,
            dataset: { id: article.id },
          },
          h("span", { class: "list-title" }, article.title || article.id),
          h(
            "span",
            { class: "list-meta" },
            [article.published_on, `${number(article.word_count)} words`].filter(Boolean).join(" · "),
          ),
        ),
      ),
    ),
  );
}

/** Move aria-current to the open article without rebuilding the list. */
export function markCurrent(list, currentId) {
  for (const link of list.querySelectorAll("a[data-id]")) {
    if (link.dataset.id === currentId) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

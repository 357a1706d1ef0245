// The form that posts a new article. API errors are shown next to the form in
// plain words, and a 422's field messages next to their fields.

import { postArticle } from "../api.js";
import { replace } from "../dom.js";

const FIELDS = ["text", "title", "published_on"];

/** Wire the form; onAdded({article, created}) after a success. */
export function wireSubmitForm(form, { onAdded, announce }) {
  const error = form.querySelector("#add-error");
  const button = form.querySelector("button[type=submit]");

  function clearErrors() {
    replace(error);
    error.hidden = true;
    for (const name of FIELDS) {
      const input = form.elements[name];
      const message = form.querySelector(`#${name}-error`);
      if (input) input.removeAttribute("aria-invalid");
      if (message) {
        replace(message);
        message.hidden = true;
      }
    }
  }

  function showError(failure) {
    replace(error, failure.message);
    error.hidden = false;
    for (const [name, text] of Object.entries(failure.fields || {})) {
      const input = form.elements[name];
      const message = form.querySelector(`#${name}-error`);
      if (!input || !message) continue;
      input.setAttribute("aria-invalid", "true");
      replace(message, text);
      message.hidden = false;
    }
    announce(failure.message, "error");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const values = {
      text: form.elements.text.value,
      title: form.elements.title.value.trim(),
      published_on: form.elements.published_on.value,
    };
    const key = form.elements.key.value.trim();
    if (!values.text.trim()) {
      showError({ message: "Paste the text of the article first.", fields: { text: "The text is empty." } });
      form.elements.text.focus();
      return;
    }
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    announce("Sending the article; extracting its actors, quotes and figures…");
    try {
      const result = await postArticle(values, key);
      form.elements.text.value = "";
      form.elements.title.value = "";
      form.elements.published_on.value = "";
      await onAdded(result);
    } catch (failure) {
      showError(failure);
    } finally {
      button.disabled = false;
      form.removeAttribute("aria-busy");
    }
  });
}

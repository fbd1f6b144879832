// Live character counters for the story fields: "123 / 2000". Counts user-perceived characters like the server does.
(function () {
  const segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter() : null;
  const count = (text) => (segmenter ? Array.from(segmenter.segment(text)).length : Array.from(text).length);
  for (const field of document.querySelectorAll("textarea[data-max]")) {
    const output = document.getElementById(field.id.replace(/^Form_Story(Zh|En)$/, (_, l) => "story-" + l.toLowerCase() + "-count"));
    if (!output) continue;
    const update = () => {
      output.textContent = output.dataset.template.replace("{0}", count(field.value.trim())).replace("{1}", field.dataset.max);
    };
    field.addEventListener("input", update);
    update();
  }
})();

// "Select all on this page" for the moderators' bulk approval: ticks every nomination box that belongs to the form.
// Without JavaScript the button stays hidden and each box is ticked by hand.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-select-all]")) {
    const boxes = document.querySelectorAll(`input[type=checkbox][name=ids][form="${button.dataset.selectAll}"]`);
    if (boxes.length === 0) continue;
    button.hidden = false;
    button.addEventListener("click", () => boxes.forEach((box) => { box.checked = true; }));
  }
});

// Small enhancements only: every page works without this file.
// On the applications board, a focused card moves with the arrow keys (← previous status, → next).
document.addEventListener("keydown", (event) => {
  const card = event.target.closest && event.target.closest("[data-card]");
  if (!card || event.target !== card) return;
  const which = event.key === "ArrowLeft" ? ".move-prev" : event.key === "ArrowRight" ? ".move-next" : null;
  if (!which) return;
  const button = card.querySelector(which);
  if (button) {
    event.preventDefault();
    button.click();
  }
});

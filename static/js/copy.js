// Progressive: a "Copy" button next to a join link. Without JavaScript the link is plain, selectable text.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(source.value || source.textContent);
      const status = document.getElementById(button.dataset.copyStatus);
      if (status) status.textContent = button.dataset.copied;
    });
  }
});

// The chronology's print page: with JavaScript, a Print button opens the browser's print dialog;
// without it, the page tells the user to use the browser's own print option.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
  for (const fallback of document.querySelectorAll('[data-print-fallback]')) fallback.hidden = true
}

// Small helpers for the server-drawn diagrams: escaped text and the accessible <svg> wrapper.
// Colours and sizes are SVG attributes, not inline styles, so the strict CSP allows them.

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

export function label(x: number, y: number, content: string, { size = 13, weight = 'normal', anchor = 'middle' } = {}): string {
  return `<text x="${x}" y="${y}" font-family="Arial, sans-serif" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="#0b0c0c">${escapeXml(content)}</text>`
}

export function line(x1: number, y1: number, x2: number, y2: number, { width = 2, dashed = false } = {}): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#0b0c0c" stroke-width="${width}"${dashed ? ' stroke-dasharray="6 4"' : ''}/>`
}

/** An image with a title and a description that screen readers announce; the page adds a table with the same facts. */
export function accessibleSvg(id: string, width: number, height: number, title: string, description: string, body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="kindred-figure" id="${id}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-title ${id}-desc">`
    + `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`
    + `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>${body.join('')}</svg>`
}

/** "Ava (Mother), Tom (Father) and Lily (Sibling)". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

// A small XML writer for the returns: elements in the order the schema's sequences require, text escaped, and
// optional elements left out when they have no value.
export type XmlNode = [name: string, content: string | number | null | undefined | XmlNode[]]

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function xmlDocument(root: XmlNode): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>']
  write(root, 0, lines)
  return `${lines.join('\n')}\n`
}

/** An element with child elements, or with text; null or undefined content leaves the element out. */
function write([name, content]: XmlNode, depth: number, lines: string[]): void {
  if (content === null || content === undefined) return
  const indent = '  '.repeat(depth)
  if (Array.isArray(content)) {
    lines.push(`${indent}<${name}>`)
    for (const child of content) write(child, depth + 1, lines)
    lines.push(`${indent}</${name}>`)
  } else {
    const text = String(content)
    lines.push(text === '' ? `${indent}<${name}/>` : `${indent}<${name}>${escape(text)}</${name}>`)
  }
}

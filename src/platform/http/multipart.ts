// File uploads (multipart/form-data) for the few routes that take files, without JavaScript. A route opts in by
// registering `multipartParser` in its own plugin scope with the size it allows; the body then arrives like a form's,
// text fields as strings (so the CSRF check reads `_csrf` as usual) and files as `UploadedFile` lists.
import type { FastifyInstance, FastifyRequest } from 'fastify'

export interface UploadedFile {
  filename: string
  bytes: Buffer
}

export type MultipartBody = Record<string, string | string[] | UploadedFile[]>

export class MultipartError extends Error {}

/** Adds the multipart parser to this plugin scope only, allowing bodies up to `bodyLimit` bytes. */
export function multipartParser(scope: FastifyInstance, bodyLimit: number): void {
  scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit }, (request: FastifyRequest, body: Buffer, done) => {
    try {
      done(null, parseMultipart(body, String(request.headers['content-type'] ?? '')))
    } catch (error) {
      const refused = error instanceof MultipartError ? Object.assign(error, { statusCode: 400 }) : error
      done(refused as Error, undefined)
    }
  })
}

/** The fields of a multipart body. A file input left empty (no file chosen) adds nothing. */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const marker = boundary?.[1] ?? boundary?.[2]
  if (!marker) throw new MultipartError('the upload has no multipart boundary')
  const delimiter = Buffer.from(`--${marker}`)
  const fields: MultipartBody = {}
  let position = body.indexOf(delimiter)
  if (position === -1) throw new MultipartError('the upload is not multipart data')
  for (;;) {
    position += delimiter.length
    if (body.subarray(position, position + 2).toString() === '--') break
    const headersEnd = body.indexOf('\r\n\r\n', position)
    const next = body.indexOf(delimiter, headersEnd)
    if (headersEnd === -1 || next === -1) throw new MultipartError('the upload ended early')
    const headers = body.subarray(position, headersEnd).toString('utf8')
    const content = body.subarray(headersEnd + 4, next - 2)
    addPart(fields, headers, content)
    position = next
  }
  return fields
}

function addPart(fields: MultipartBody, headers: string, content: Buffer): void {
  const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? ''
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1]
  if (name === undefined) return
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1]
  if (filename !== undefined) {
    if (filename === '' && content.length === 0) return
    const files = fields[name]
    const file = { filename: filename.replace(/^.*[\\/]/, ''), bytes: Buffer.from(content) }
    if (Array.isArray(files) && typeof files[0] === 'object') (files as UploadedFile[]).push(file)
    else fields[name] = [file]
    return
  }
  const value = content.toString('utf8')
  const existing = fields[name]
  if (existing === undefined) fields[name] = value
  else if (typeof existing === 'string') fields[name] = [existing, value]
  else if (typeof existing[0] === 'string' || existing.length === 0) (existing as string[]).push(value)
}

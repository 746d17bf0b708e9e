import { describe, expect, it } from 'vitest'
import { csvLine, csvRows } from './csv.js'

const rows = (text: string) => [...csvRows(text, 'in.csv')]

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, numbering rows by their first line', () => {
    expect(rows('\uFEFFid,name\r\n1,"Smith, ""Jo"""\r\n\r\n2,"two\nlines"\n3,x')).toEqual([
      { cells: ['id', 'name'], line: 1 },
      { cells: ['1', 'Smith, "Jo"'], line: 2 },
      { cells: ['2', 'two\nlines'], line: 4 },
      { cells: ['3', 'x'], line: 6 },
    ])
  })

  it('names the file and line of a fault', () => {
    expect(() => rows('id,name\n1,a\n2')).toThrow('in.csv line 3: 1 fields where the header has 2')
    expect(() => rows('id,name\n1,"open\n')).toThrow('in.csv line 2: a quoted field is not closed')
    expect(() => rows('id,name\n1,"a"b\n')).toThrow('in.csv line 2: unexpected text after a closing quote')
    expect(() => rows('id,name\n1,a"b\n')).toThrow('in.csv line 2: a quote inside an unquoted field')
    expect(() => rows('')).toThrow('in.csv line 1: the file is empty')
  })

  it('quotes only the fields that need it', () => {
    expect(csvLine(['a', 1, 'b,c', 'say "hi"'])).toBe('a,1,"b,c","say ""hi"""\n')
  })
})

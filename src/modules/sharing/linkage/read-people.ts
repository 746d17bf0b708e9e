// Reading a linkage input file: a CSV header naming any of the known columns, then one person per line.
import { readFile } from 'node:fs/promises'
import { OperatorError } from '../../../cli/command.js'
import { CsvError, csvRows } from './csv.js'
import { buildRecordSet, type Person, type RecordSet, type Vocabulary } from './records.js'

/** CSV column names and the Person fields they fill. */
const COLUMNS: Record<string, keyof Person> = {
  id: 'id',
  first_name: 'firstName',
  last_name: 'lastName',
  date_of_birth: 'dateOfBirth',
  sex: 'sex',
  postcode: 'postcode',
  school: 'school',
  nhs_number: 'nhsNumber',
}

export async function readPeople(file: string, vocabulary: Vocabulary): Promise<RecordSet> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new OperatorError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`)
  }
  try {
    return buildRecordSet(vocabulary, people(text, file), countLines(text))
  } catch (error) {
    if (error instanceof CsvError) throw new OperatorError(error.message)
    throw error
  }
}

function* people(text: string, file: string): Generator<Person, void, undefined> {
  const rows = csvRows(text, file)
  const header = rows.next()
  if (header.done) return
  const names = header.value.cells.map((name) => name.trim().toLowerCase())
  const fields = names.map((name) => COLUMNS[name])
  const idColumn = fields.indexOf('id')
  if (idColumn === -1) {
    throw new CsvError(file, 1, `no id column (the header has ${names.join(', ')}; expected id and any of ${Object.keys(COLUMNS).slice(1).join(', ')})`)
  }
  for (const { cells, line } of rows) {
    const person: Person = { id: cells[idColumn]!.trim() }
    if (!person.id) throw new CsvError(file, line, 'the id is blank')
    fields.forEach((field, column) => {
      if (field && field !== 'id') person[field] = cells[column]!.trim()
    })
    yield person
  }
}

function countLines(text: string): number {
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

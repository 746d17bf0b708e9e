import { describe, expect, it } from 'vitest'
import { benchLink } from './bench.js'
import { linkRecords, type LinkOptions } from './link.js'
import { defaultParameters } from './model.js'
import { buildRecordSet, Vocabulary, type Person } from './records.js'
import { PairScorer, explainPair, scoringData } from './score.js'
import { generateLinkage } from './synthetic.js'

async function link(a: Person[], b: Person[], options: LinkOptions = {}) {
  const vocabulary = new Vocabulary()
  const setA = buildRecordSet(vocabulary, a, a.length)
  const setB = buildRecordSet(vocabulary, b, b.length)
  const result = await linkRecords(vocabulary, setA, setB, options)
  const pairs = (list: typeof result.links) => Array.from(list.a, (pairA, i) => ({
    a: setA.ids[pairA], b: setB.ids[list.b[i]!], reasons: result.explain(pairA, list.b[i]!).reasons,
  }))
  return { links: pairs(result.links), suggestions: pairs(result.suggestions) }
}

const family = { lastName: 'Jones', postcode: 'B12 9QP' }
const amelia: Person = { id: 'a1', firstName: 'Amelia', dateOfBirth: '2019-06-01', sex: 'F', nhsNumber: '9990000026', ...family }
const ava: Person = { id: 'a2', firstName: 'Ava', dateOfBirth: '2019-06-01', sex: 'F', nhsNumber: '9990000034', ...family }
const others: Person[] = [
  { id: 'a3', firstName: 'William', lastName: 'Smith', dateOfBirth: '2015-03-04', sex: 'M', postcode: 'LS6 2AB' },
  { id: 'a4', firstName: 'Olivia', lastName: 'Brown', dateOfBirth: '2012-11-20', sex: 'F', postcode: 'M1 1AA' },
]

describe('linkRecords', () => {
  it('links each twin to herself and never one twin to the other', async () => {
    const { links, suggestions } = await link([amelia, ava, ...others], [
      { id: 'b1', firstName: 'ava', lastName: 'JONES', dateOfBirth: '01/06/2019', sex: 'F', postcode: 'B12 9QP' },
      { id: 'b2', firstName: 'Isla', lastName: 'Jones', dateOfBirth: '01/06/2019', sex: 'F', postcode: 'B12 9QP' },
    ])
    expect(links.map(({ a, b }) => [a, b])).toEqual([['a2', 'b1']])
    expect(suggestions.filter(({ b }) => b === 'b2').map(({ a }) => a).sort()).toEqual(['a1'])
    expect(suggestions.find(({ b }) => b === 'b2')!.reasons).toContain('possible twin or sibling, not linked automatically')
  })

  it('does not merge twins even when everything but the first name agrees', async () => {
    const { links } = await link([amelia, ...others], [{ ...ava, id: 'b1' }])
    expect(links).toEqual([])
  })

  it('links the same NHS number even when the first name was recorded differently', async () => {
    const { links } = await link([amelia, ...others], [{ ...amelia, id: 'b1', firstName: 'Millie' }])
    expect(links.map(({ a, b }) => [a, b])).toEqual([['a1', 'b1']])
  })

  it('puts twins recorded without a first name to a practitioner: either could be the child', async () => {
    const unnamed = { id: 'b1', lastName: 'Jones', dateOfBirth: '2019-06-01', sex: 'F', postcode: 'B12 9QP' }
    const { links, suggestions } = await link([{ ...amelia, nhsNumber: '' }, { ...ava, nhsNumber: '' }, ...others], [unnamed])
    expect(links).toEqual([])
    expect(suggestions.map(({ a }) => a).sort()).toEqual(['a1', 'a2'])
  })

  it('does not link a sibling born on another day, even with a related first name', async () => {
    const { links } = await link(
      [{ id: 'a1', firstName: 'Ellie', lastName: 'Elliott', dateOfBirth: '2014-04-19', sex: 'F', postcode: 'YO7 2JT' }, ...others],
      [{ id: 'b1', firstName: 'Elsie', lastName: 'Elliott', dateOfBirth: '2017-10-02', sex: 'F', postcode: 'YO7 2JT' }],
    )
    expect(links).toEqual([])
  })

  it('links a nickname, a swapped day and month, and a move nearby, with the reasons', async () => {
    const { links } = await link(others, [
      { id: 'b1', firstName: 'Bill', lastName: 'Smith', dateOfBirth: '2015-04-03', sex: 'M', postcode: 'LS6 9ZZ' },
    ])
    expect(links).toHaveLength(1)
    expect(links[0]!.a).toBe('a3')
    expect(links[0]!.reasons).toMatch(/^first name: nickname of \+[\d.]+; same surname \+[\d.]+; date of birth: day and month swapped \+[\d.]+; same sex \+[\d.]+; postcode district matches \+[\d.]+$/)
  })

  it('links each record at most once, best first', async () => {
    const { links } = await link(others, [
      { id: 'b1', firstName: 'Olivia', lastName: 'Brown', dateOfBirth: '2012-11-20', sex: 'F', postcode: 'M1 1AA' },
      { id: 'b2', firstName: 'Olivia', lastName: 'Brown', dateOfBirth: '2012-11-20', sex: 'F', postcode: 'M1 9ZZ' },
    ])
    expect(links.map(({ a, b }) => [a, b])).toEqual([['a4', 'b1']])
  })

  it('finds the same links on worker threads as on one thread', async () => {
    const data = generateLinkage(4_000, 3)
    const one = await linkRecords(data.vocabulary, data.a, data.b, { threads: 1 })
    const two = await linkRecords(data.vocabulary, data.a, data.b, { threads: 2 })
    expect(Array.from(two.links.a)).toEqual(Array.from(one.links.a))
    expect(Array.from(two.links.b)).toEqual(Array.from(one.links.b))
    expect(two.compared).toBe(one.compared)
  })

  it('reaches precision and recall of 0.99 on 20,000 synthetic children', async () => {
    const result = await benchLink({ size: 20_000, seed: 11 })
    expect(result.trueMatches).toBeGreaterThan(15_000)
    expect(result.precision).toBeGreaterThanOrEqual(0.99)
    expect(result.recall).toBeGreaterThanOrEqual(0.99)
  })

  it('still links well with m estimated from the files', async () => {
    const result = await benchLink({ size: 20_000, seed: 12, estimate: true })
    expect(result.precision).toBeGreaterThanOrEqual(0.99)
    expect(result.recall).toBeGreaterThanOrEqual(0.98)
  })
})

describe('scoring', () => {
  it('gives the same weight on the fast path as the explained path', () => {
    const data = generateLinkage(2_000, 5)
    const scoring = scoringData(data.vocabulary, data.a, data.b, defaultParameters(data.a.size, data.b.size))
    const scorer = new PairScorer(scoring)
    for (let b = 0; b < data.b.size; b++) {
      for (const a of [data.truth[b]!, (b * 7919) % data.a.size]) {
        if (a < 0) continue
        expect(scorer.score(a, b)).toBeCloseTo(explainPair(scoring, data.vocabulary.postcodes.strings, a, b).weight, 9)
      }
    }
  })
})

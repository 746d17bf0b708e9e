// One pair of people compared with the same model as `kindred link`: for a practitioner checking whether two
// records (a new concern's child and a record already held, say) are the same child.
import { defaultParameters } from './model.js'
import { buildRecordSet, Vocabulary, type Person } from './records.js'
import { explainPair, scoringData, type Explanation } from './score.js'

/** The pair's score and reasons, with the prior for picking one child among `population` records. */
export function comparePeople(a: Person, b: Person, population: number): Explanation {
  const vocabulary = new Vocabulary()
  const setA = buildRecordSet(vocabulary, [a], 1)
  const setB = buildRecordSet(vocabulary, [b], 1)
  const data = scoringData(vocabulary, setA, setB, defaultParameters(population, population))
  return explainPair(data, vocabulary.postcodes.strings, 0, 0)
}

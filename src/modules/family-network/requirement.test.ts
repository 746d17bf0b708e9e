// The FGDM requirement before an application, in each of its states.
import { describe, expect, it } from 'vitest'
import { fgdmRequirement, requirementMessage, type RequirementFacts } from './requirement.js'

const mum = { personId: 'm', name: 'Kerry' }
const dad = { personId: 'd', name: 'Dean' }
const facts = (overrides: Partial<RequirementFacts>): RequirementFacts =>
  ({ responsibilityHolders: [mum, dad], offers: [], meetingHeld: false, exemption: false, ...overrides })

describe('the FGDM requirement', () => {
  it('is met by an exemption, whatever else is recorded', () => {
    expect(fgdmRequirement(facts({ exemption: true }))).toEqual({ met: true, via: 'exemption' })
    expect(fgdmRequirement(facts({ exemption: true, offers: [{ ...mum, response: 'accepted' }] }))).toEqual({ met: true, via: 'exemption' })
  })

  it('is met when everyone offered declined and every holder of parental responsibility was offered', () => {
    expect(fgdmRequirement(facts({ offers: [{ ...mum, response: 'declined' }, { ...dad, response: 'declined' }] }))).toEqual({ met: true, via: 'all-declined' })
  })

  it('is met when someone accepted and the meeting was held', () => {
    const offers = [{ ...mum, response: 'accepted' as const }, { ...dad, response: 'declined' as const }]
    expect(fgdmRequirement(facts({ offers, meetingHeld: true }))).toEqual({ met: true, via: 'meeting-held' })
    expect(fgdmRequirement(facts({ offers }))).toEqual({ met: false, missing: ['the family group decision-making meeting (Kerry accepted the offer)'] })
  })

  it('names everything still missing', () => {
    const result = fgdmRequirement(facts({ responsibilityHolders: [mum, dad, { personId: 'g', name: 'Gran' }], offers: [{ ...mum, response: null }] }))
    expect(result).toEqual({ met: false, missing: ['an offer of the meeting to Dean and Gran (parental responsibility)', 'an answer to the offer from Kerry'] })
    if (!result.met) expect(requirementMessage(result)).toBe('You cannot record the application until the family group decision-making requirement is met. Still needed: an offer of the meeting to Dean and Gran (parental responsibility); an answer to the offer from Kerry')
    expect(fgdmRequirement(facts({}))).toMatchObject({ met: false, missing: [expect.stringContaining('or a best-interests exemption authorised by a team manager')] })
  })
})

// What to change in Kindred when a DfE rule fails on a child's record, in plain English, for the rules a
// practitioner can fix from the child's record. Other rules show DfE's own message.
import type { ReturnKind } from '../rulesets.js'

const cinFixes: Record<string, string> = {
  '1103': 'Check the assessment’s start date and the referral date: the assessment cannot start before the referral.',
  '1105': 'Check the child protection plan’s start date and the referral date: the plan cannot start before the referral.',
  '1510': 'Check the child’s unique pupil number (UPN) with the school: its first letter does not match the rest.',
  '1540': 'Check the child’s unique pupil number (UPN) with the school: characters 5 to 12 must be digits.',
  '4001': 'End the child in need plan: a child on a child protection plan is not also on a child in need plan.',
  '4004': 'End the earlier child in need plan: a child has only one open plan at a time.',
  '4011': 'Check the child in need plan’s dates: it cannot end before it started.',
  '8525Q': 'Record the child’s date of birth, or the expected date of birth for an unborn child.',
  '8540': 'Record the child’s disabilities on their record, or “No disability”.',
  '8565': 'Check the dates: something is recorded after the referral was closed.',
  '8606': 'Check the child’s date of birth and the referral date: the referral is more than 40 weeks before the birth.',
  '8610': 'Record the primary need found by the assessment on the referral.',
  '8614': 'Factors are recorded only once the assessment is authorised: authorise the assessment or leave the factors off.',
  '8615': 'Check the section 47 enquiry’s start date against the initial child protection conference.',
  '8675Q': 'Record the initial child protection conference for this section 47 enquiry, or that no conference is needed.',
  '8740': 'Record the outcome of the section 47 enquiry started before this year: the conference, or that none is needed.',
  '8772': 'Change the reason the child has no UPN: UN7 is only for referrals with no further action.',
  '8820': 'Close the earlier referral before the later one starts: the child’s CIN episodes overlap.',
  '8815': 'Close the earlier referral: the child has more than one open CIN episode.',
  '8839': 'Complete or close the earlier section 47 enquiry: two are open on one referral.',
  '8840': 'Check the child protection plan’s dates: a plan cannot start and end on the same day.',
  '8867': 'Authorise the assessment, or reopen the referral: it was closed with an assessment still in progress.',
  '8868': 'Record the section 47 enquiry’s outcome before closing the referral.',
  '8869': 'Remove “No factors identified” (21) from the assessment, or the other factors: they cannot go together.',
  '8875': 'Check the date of the initial child protection conference: it cannot be at a weekend.',
  '8890': 'Complete the earlier section 47 enquiry before starting another.',
  '8896': 'Authorise or close the earlier assessment: two are open on one referral.',
  '8935': 'Check the child protection plan: it is recorded as open more than once.',
}

const adoptersFix = 'Record the adopters the child was matched with: the placements team adds them on the Adopters pages and records the match from there.'

const ssda903Fixes: Record<string, string> = {
  '101': 'Record the child’s sex on their record.',
  '102': 'Record the child’s date of birth on their record.',
  '103': 'Record the child’s ethnicity on their record.',
  '119': 'Record the reason with the decision that the child should no longer be placed for adoption (RD1 to RD4).',
  '142': 'Check the periods of care: an episode started before the previous one ended.',
  '165': 'Check the young person’s family network: whether she is a mother is read from it.',
  '181': 'Record the health assessment, dental check, immunisations and substance misuse for the last 12 months.',
  '182': 'Record the health assessment, dental check, immunisations and substance misuse for the last 12 months.',
  '186': 'Record the strengths and difficulties questionnaire (SDQ) score, or why there is none.',
  '191': 'Record immunisations, the dental check, the health assessment and substance misuse for the last 12 months.',
  '209': 'Record the child’s unique pupil number (UPN): a child of school age should have one.',
  '210': 'Record the child’s unique pupil number (UPN): UN4 is queried for a child whose care began or changed in the last week of March.',
  '393': 'Check the young person’s family network: whether she is a mother is read from it.',
  '442': 'Record the child’s unique pupil number (UPN), or why there is none.',
  '557': 'The child left care without being adopted: record the decision that they should no longer be placed for adoption, with its reason.',
  '601': adoptersFix,
  '151': adoptersFix,
  '543': 'Record any conviction or youth caution in the year on the child’s looked-after record, under youth justice; with none, the return says 0.',
  '192': 'Record on the health and wellbeing form whether the child received an intervention for their substance misuse problem, or was offered one.',
  'SW02STG1': 'The social worker has no Social Work England registration number in Kindred: ask the workforce team to add it.',
  'SW01bSTG1': 'A social worker’s staff record needs their Social Work England registration number, and each change of worker its reason: ask the workforce team, or the team manager who reallocated the child.',
  'SW13STG1': 'The reason for the change of social worker is recorded when a team manager reallocates the child: ask them to reallocate with the reason.',
}

export function fixFor(kind: ReturnKind, code: string): string | undefined {
  return (kind === 'cin' ? cinFixes : ssda903Fixes)[code]
}

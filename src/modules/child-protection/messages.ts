// The success banner after a change, chosen by the `recorded` query parameter of the page redirected to.
const messages: Record<string, string> = {
  'assessment-started': 'Assessment started',
  'assessment-submitted': 'Assessment submitted for authorisation',
  'assessment-decided': 'Decision on the assessment saved',
  'strategy-discussion': 'Strategy discussion recorded',
  'section-47-started': 'Section 47 enquiry started',
  'section-47-concluded': 'Outcome of the section 47 enquiry recorded',
  'initial-conference': 'Initial child protection conference recorded',
  'review-conference': 'Review conference recorded',
  'core-group': 'Core group meeting recorded',
  'plan-ended': 'Child protection plan ended',
}

export type RecordedKey = keyof typeof messages

export function recordedMessage(query: unknown): string | undefined {
  const key = (query as Record<string, unknown> | undefined)?.recorded
  return typeof key === 'string' ? messages[key] : undefined
}

// The success banner a page shows after a change, keyed by the `recorded` query parameter the redirect adds.

const recordedMessages: Record<string, string> = {
  started: 'Family Help has started',
  'stepped-down': 'The child has stepped down to Family Help. The child in need episode is closed',
  goal: 'The goal has been added to the plan',
  progress: 'The goal’s progress has been saved',
  review: 'The review has been recorded',
  assessment: 'The date the assessment was completed has been saved',
  ended: 'Family Help has ended',
  plan: 'The child in need plan has started',
  'plan-ended': 'The child in need plan has ended',
  closed: 'The child in need episode is closed',
  'stepped-up': 'The family has been referred to children’s social care. Family Help has ended',
}

export function recordedMessage(query: unknown): string | undefined {
  const recorded = (query as Record<string, unknown> | undefined)?.recorded
  return typeof recorded === 'string' ? recordedMessages[recorded] : undefined
}

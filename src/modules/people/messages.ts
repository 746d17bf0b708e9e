// The success banner a page shows after a change, keyed by the `recorded` query parameter the redirect adds.

const recordedMessages: Record<string, string> = {
  child: 'The child’s record has been created',
  details: 'The details have been changed',
  address: 'The new address has been recorded',
  person: 'The person has been added to the network',
  linked: 'The existing record has been linked to this child’s network',
  'already-linked': 'That person was already in this child’s network',
  relationship: 'The relationship has been changed',
}

export function recordedMessage(query: unknown): string | undefined {
  const recorded = (query as Record<string, unknown> | undefined)?.recorded
  return typeof recorded === 'string' ? recordedMessages[recorded] : undefined
}

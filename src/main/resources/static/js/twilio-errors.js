// What the error codes the log records mean (Twilio's published error dictionary, abridged).
const MEANINGS = {
  20429: 'Too many requests: Twilio throttled the send (retried).',
  21211: 'The number is not a valid phone number.',
  21408: 'Sending to this region is not enabled on the account.',
  21610: 'The recipient replied STOP: Twilio blocks texts to this number.',
  21612: 'Twilio cannot route a text from this sender to this number.',
  21614: 'The number is not a mobile number.',
  30003: 'Unreachable: the phone is off or out of coverage.',
  30004: 'Blocked by the recipient or their carrier.',
  30005: 'Unknown destination: the number may not exist.',
  30006: 'Landline or unreachable carrier.',
  30007: 'Filtered by the carrier as spam.',
  30008: 'Unknown error reported by the carrier.',
};

export function meaning(code) {
  if (!code) return '';
  return MEANINGS[code] || 'See Twilio\'s error dictionary for this code.';
}

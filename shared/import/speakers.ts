/** The label given to the one speaker of a source without speaker information. */
export const UNNAMED_SPEAKER = 'Unnamed speaker';

/** Labels that say "the interviewer" in the languages users write ("I", "Q", "Intervjuer 2", "Moderator"). */
const INTERVIEWER = /^(interviewer|intervjuer|interviewerin|moderator|facilitator|researcher|forsker|[IQ])(\s*\d{1,2})?$/iu;

/** True when a speaker label names the interviewer role rather than a person. */
export function isInterviewerLabel(label: string): boolean {
  return INTERVIEWER.test(label.trim());
}

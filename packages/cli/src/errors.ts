/**
 * The ways a command can end without success, mapped to DESIGN.md's exit codes.
 * @module
 */

/** Bad usage or invalid input: exit status 2. The message is one sentence naming the flag and the rule. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The question has no answer (e.g. a critical time that does not exist): exit status 1. */
export class NoAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoAnswerError';
  }
}

/** The question has an answer but the computation could not reach or certify it: exit status 3. */
export class ComputationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComputationError';
  }
}

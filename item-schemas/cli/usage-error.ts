/** Bad input to a command: said in one line, exit code 2, never a stack trace. */
export class UsageError extends Error {}

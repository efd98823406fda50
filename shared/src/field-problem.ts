/**
 * One field a form's input is refused for, the one shape of every form's field problems (the
 * edition settings, the sign-up, the staff's decline, the welcome link's password): checked in
 * the browser before sending, and sent back by the server as `extensions.fields` of a
 * BAD_USER_INPUT. `reason` is a stable code a client words in its own language beside the field;
 * `message` is the server's own sentence (for other clients and the log), used when a client does
 * not know the reason; the rest are what a sentence about the reason needs.
 */
export interface FieldProblem<Reason extends string = string, Field extends string = string> {
  field: Field;
  reason: Reason;
  message: string;
  /** The allowed range or length (OUT_OF_RANGE, TOO_LONG, TOO_SHORT, TOO_MANY_…). */
  min?: number;
  max?: number;
  /** The part of the input at fault that a sentence names: an unknown name, a time range, a count. */
  value?: string;
}

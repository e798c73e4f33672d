// The API names each offending field by JSON pointer, with a code and its
// params. The forms show the field's message next to the field itself, and
// keep in the summary only what no field on the form can show.
import { ApiError, type FieldError } from '../../lib/api';
import { messageText } from '../../lib/messages';

/** A field error in the reader's language, from its code; a code new to this build keeps the API's wording. */
export function fieldMessage(e: FieldError): string {
  return messageText(e.code, e.params) ?? e.detail;
}

/** The message for one field, or null; `pointer` is the JSON pointer of the field in the request body. */
export function errorAt(error: ApiError | null, pointer: string): string | null {
  if (!error) return null;
  const found = error.errorsAt(pointer);
  return found.length ? found.map(fieldMessage).join(' ') : null;
}

/**
 * The same problem without the field errors a form shows beside its fields,
 * so the summary at the top does not repeat them in English.
 */
export function withoutShown(error: ApiError | null, shown: (pointer: string) => boolean): ApiError | null {
  if (!error) return null;
  const rest = error.errors.filter((e) => !shown(e.pointer));
  if (rest.length === error.errors.length) return error;
  return new ApiError(error.status, error.slug, error.title, error.detail, rest, error.body);
}

/** A problem made on this side (a mismatched password, say), shown like one from the API. */
export function localProblem(errors: FieldError[]): ApiError {
  return new ApiError(422, 'validation-failed', 'The form has invalid fields', '', errors);
}

// The API names each offending field by JSON pointer with an English detail.
// The forms show a Thai sentence next to the field itself, and keep in the
// summary only what no field on the form can show.
import { ApiError, type FieldError } from '../../lib/api';
import { tr } from '../../lib/i18n';

const EXACT: Record<string, [string, string]> = {
  'is required': ['ต้องกรอกช่องนี้', 'This is required'],
  'must not be blank': ['ต้องไม่เว้นว่าง', 'Must not be blank'],
  'must be a string': ['ต้องเป็นข้อความ', 'Must be text'],
  'must be an integer': ['ต้องเป็นจำนวนเต็ม', 'Must be a whole number'],
  'must be true or false': ['ต้องเป็นใช่หรือไม่ใช่', 'Must be yes or no'],
  'is not a known field': ['ระบบไม่รู้จักช่องนี้', 'Unknown field'],
  'is already taken': ['ชื่อผู้ใช้นี้มีผู้ใช้แล้ว กรุณาเลือกชื่ออื่น', 'This username is taken; choose another'],
  "use 2-64 lower-case letters, digits, '.', '_' or '-'": [
    'ใช้อักษรภาษาอังกฤษตัวพิมพ์เล็ก ตัวเลข . _ หรือ - ยาว 2–64 ตัว',
    "Use 2–64 lower-case letters, digits, '.', '_' or '-'",
  ],
  'must have at least 10 characters': ['รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร', 'The password needs at least 10 characters'],
  'no agency has this id': ['ไม่พบหน่วยงานนี้', 'There is no such agency'],
  'needs the user to belong to an agency': ['บทบาทนี้ต้องสังกัดหน่วยงาน กรุณาเลือกหน่วยงาน', 'This role needs an agency; choose one'],
  'is not a province code': ['ไม่พบจังหวัดนี้', 'There is no such province'],
  'is not a loaded plan type': ['ไม่พบประเภทแผนนี้', 'There is no such plan type'],
  'is not a known role': ['ไม่รู้จักบทบาทนี้', 'Unknown role'],
  'is required for committee roles': ['บทบาทในคณะกรรมการต้องระบุจังหวัด', 'Committee roles need a province'],
  'repeats an earlier role': ['บทบาทนี้ซ้ำกับบทบาทก่อนหน้า', 'This role repeats an earlier one'],
  'is already used in this province': ['จังหวัดนี้มีหน่วยงานชื่อนี้แล้ว', 'This province already has an agency of this name'],
  'is already used': ['รหัสนี้มีอยู่แล้ว', 'This code is already used'],
  'must be an ISO 3166-2:TH code such as TH-96': ['รหัสจังหวัดต้องอยู่ในรูปแบบ TH-96', 'Use a code such as TH-96'],
};

/** A field error in the reader's language; an unfamiliar detail is kept as the API wrote it. */
export function fieldMessage(e: FieldError): string {
  const known = EXACT[e.detail];
  if (known) return tr(known[0], known[1]);
  let m = /^must be at most (\d+) characters long$/.exec(e.detail);
  if (m) return tr(`ยาวได้ไม่เกิน ${m[1]} ตัวอักษร`, `At most ${m[1]} characters`);
  m = /^must be between (-?\d+) and (-?\d+)$/.exec(e.detail);
  if (m) return tr(`ต้องอยู่ระหว่าง ${m[1]} ถึง ${m[2]}`, `Must be between ${m[1]} and ${m[2]}`);
  return e.detail;
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

// What each problem the API can return means to the person at the keyboard,
// by its stable type (urn:planflow:problem:<slug>). The API's own English
// detail is kept as the second line, for the help desk.
import { tr } from './i18n';

const MESSAGES: Record<string, [string, string]> = {
  'bad-request': ['คำขอไม่ถูกต้อง', 'The request is not valid'],
  'invalid-header': ['ส่วนหัวของคำขอไม่ถูกต้อง', 'A request header is not valid'],
  'invalid-parameter': ['ค่าที่ระบุในตัวกรองไม่ถูกต้อง', 'A filter value is not valid'],
  'malformed-json': ['ข้อมูลที่ส่งอ่านไม่ได้ (JSON ไม่ถูกต้อง)', 'The data sent could not be read (malformed JSON)'],
  'malformed-request': ['คำขออ่านไม่ได้', 'The request could not be read'],
  'invalid-credentials': ['ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', 'Wrong username or password'],
  unauthenticated: ['กรุณาเข้าสู่ระบบอีกครั้ง (หมดเวลาการใช้งาน)', 'Please sign in again (your session has ended)'],
  forbidden: ['ท่านไม่มีสิทธิ์ดำเนินการนี้', 'You are not allowed to do this'],
  'self-approval': ['ไม่สามารถอนุมัติแผนที่ตนเองจัดทำได้', 'You cannot approve a plan you wrote'],
  'not-found': ['ไม่พบข้อมูล หรือท่านไม่มีสิทธิ์เข้าถึง', 'Not found, or not yours to see'],
  'method-not-allowed': ['ไม่รองรับการดำเนินการนี้', 'This operation is not supported'],
  'action-not-available': ['ขั้นตอนนี้ไม่สามารถดำเนินการได้ในสถานะปัจจุบัน', 'This step is not available at the current stage'],
  'already-signed': ['ท่านลงนามแผนนี้แล้ว', 'You have already signed this plan'],
  conflict: ['ข้อมูลขัดแย้งกับข้อมูลที่มีอยู่', 'This conflicts with existing data'],
  duplicate: ['มีข้อมูลนี้อยู่แล้ว', 'This already exists'],
  'entries-missing': ['ยังรายงานผลไม่ครบทุกกิจกรรม', 'Some activities have no progress entry yet'],
  'guards-unmet': ['ยังไม่ครบเงื่อนไขของขั้นตอนนี้', 'The conditions for this step are not met yet'],
  'not-editable': ['แผนอยู่ในขั้นตอนที่แก้ไขไม่ได้', 'The plan cannot be edited at this stage'],
  'report-closed': ['รายงานนี้ปิดรับข้อมูลแล้ว', 'This report no longer takes entries'],
  'report-not-acknowledged': ['รายงานยังไม่ได้รับทราบจากคณะกรรมการ', 'The committee has not acknowledged this report yet'],
  'report-not-open': ['รายงานไตรมาสนี้ยังไม่เปิดรับข้อมูล', 'This quarter is not open for reporting yet'],
  'revision-cap-reached': ['แก้ไขครบจำนวนรอบที่กำหนดแล้ว', 'All revision rounds have been used'],
  'stale-revision': [
    'มีผู้อื่นบันทึกแผนนี้ก่อนท่าน ฉบับร่างของท่านเก็บไว้แล้ว กรุณาโหลดฉบับล่าสุดแล้วรวมการแก้ไข',
    'Someone saved this plan before you. Your draft is kept; load the latest revision and merge your changes',
  ],
  'precondition-required': ['ต้องระบุฉบับแก้ไขที่ใช้อ้างอิง', 'The revision being edited must be given'],
  'unsupported-media-type': ['ชนิดไฟล์ไม่รองรับ', 'This kind of file is not supported'],
  'idempotency-key-reused': ['คำขอนี้ถูกส่งซ้ำด้วยข้อมูลต่างกัน', 'This request was repeated with different data'],
  'invalid-workflow': ['ขั้นตอนการทำงานมีข้อผิดพลาด ดูรายการด้านล่าง', 'The workflow has problems, listed below'],
  'validation-failed': ['ข้อมูลบางช่องไม่ถูกต้อง ดูรายการด้านล่าง', 'Some fields are not valid, listed below'],
  'too-many-attempts': ['เข้าสู่ระบบผิดหลายครั้ง กรุณารอสักครู่แล้วลองใหม่', 'Too many failed sign-ins; wait a moment and try again'],
  'database-unavailable': [
    'ระบบฐานข้อมูลไม่ว่างหรือขัดข้องชั่วคราว ยังไม่มีการบันทึกใด ๆ กรุณาลองใหม่อีกครั้ง',
    'The database is busy or unreachable; nothing was saved. Try again in a moment',
  ],
  'already-exists': ['มีรายการนี้อยู่แล้ว', 'This already exists'],
  'not-ready': ['ระบบยังไม่พร้อมให้บริการ กรุณาลองใหม่ภายหลัง', 'The service is not ready; try again later'],
  'payload-too-large': ['ไฟล์หรือข้อมูลมีขนาดใหญ่เกินไป', 'The file or data is too large'],
  'headers-too-large': ['คำขอมีขนาดใหญ่เกินไป', 'The request is too large'],
  'unsupported-transfer-coding': ['เซิร์ฟเวอร์ไม่รองรับรูปแบบการส่งข้อมูลนี้ (Transfer-Encoding)', 'The server does not implement this transfer coding'],
  'internal-error': ['ระบบขัดข้อง กรุณาลองใหม่ หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ', 'Something went wrong on the server; try again or tell the administrator'],
  network: [
    'ติดต่อเซิร์ฟเวอร์ไม่ได้ ข้อมูลที่กรอกยังอยู่ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่',
    'The server cannot be reached. Your input is kept; check the connection and try again',
  ],
};

export function knownProblemSlugs(): string[] {
  return Object.keys(MESSAGES);
}

/** The sentence to show for a problem type; the API's title when it is new to us. */
export function problemMessage(slug: string, fallbackTitle?: string): string {
  const m = MESSAGES[slug];
  if (m) return tr(m[0], m[1]);
  return fallbackTitle || tr('เกิดข้อผิดพลาด', 'Something went wrong');
}

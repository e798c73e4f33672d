// What each problem the API can return means to the person at the keyboard,
// by its stable type (urn:planflow:problem:<slug>): the title the message
// catalog gives it, in the reader's language. The worded detail (from the
// problem's code and params) is shown beneath it, for the help desk.
import { tr } from './i18n';
import { catalogProblemSlugs, problemTitle } from './messages';

// What this interface adds to the catalog: problems only it can meet, and
// what a page does about a problem beyond naming it.
const LOCAL: Record<string, [string, string]> = {
  'stale-revision': [
    'มีผู้อื่นบันทึกแผนนี้ก่อนท่าน ฉบับร่างของท่านเก็บไว้แล้ว กรุณาโหลดฉบับล่าสุดแล้วรวมการแก้ไข',
    'Someone saved this plan before you. Your draft is kept; load the latest revision and merge your changes',
  ],
  network: [
    'ติดต่อเซิร์ฟเวอร์ไม่ได้ ข้อมูลที่กรอกยังอยู่ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่',
    'The server cannot be reached. Your input is kept; check the connection and try again',
  ],
};

export function knownProblemSlugs(): string[] {
  return [...new Set([...catalogProblemSlugs(), ...Object.keys(LOCAL)])];
}

/** The sentence to show for a problem type; the API's title when it is new to us. */
export function problemMessage(slug: string, fallbackTitle?: string): string {
  const local = LOCAL[slug];
  if (local) return tr(local[0], local[1]);
  return problemTitle(slug) ?? (fallbackTitle || tr('เกิดข้อผิดพลาด', 'Something went wrong'));
}

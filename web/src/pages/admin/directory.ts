// The directory as the administrator's pages see it: provinces, agencies,
// users and plan types, with the Thai words for roles and regions.
import { api } from '../../lib/api';
import { tr } from '../../lib/i18n';

export interface Province {
  code: string;
  name_th: string;
  name_en: string;
  region: string;
}

export interface Agency {
  id: number;
  province: string;
  name_th: string;
  name_en: string;
}

export interface RoleGrant {
  role: string;
  province: string;
  plan_type: string;
}

export interface AdminUser {
  id: number;
  username: string;
  display_name: string;
  active: boolean;
  roles: RoleGrant[];
  agency_id: number | null;
}

export interface PlanType {
  id: string;
  name_th: string;
  name_en: string;
  default_workflow: string;
}

interface Items<T> {
  items: T[];
}

export const loadProvinces = async () => (await api.get<Items<Province>>('/api/v1/provinces')).items;
export const loadAgencies = async (province?: string) =>
  (await api.get<Items<Agency>>(`/api/v1/agencies${province ? `?province=${encodeURIComponent(province)}` : ''}`)).items;
export const loadUsers = async () => (await api.get<Items<AdminUser>>('/api/v1/users')).items;
export const loadPlanTypes = async () => (await api.get<Items<PlanType>>('/api/v1/plan-types')).items;

/** The roles the server accepts (RoleName in api/openapi.json), in the order a form offers them. */
export const ROLES = [
  'agency_officer',
  'agency_head',
  'committee_member',
  'committee_chair',
  'committee_secretary',
  'observer',
  'admin',
] as const;

export type RoleName = (typeof ROLES)[number];

export function isCommitteeRole(role: string): boolean {
  return role === 'committee_member' || role === 'committee_chair' || role === 'committee_secretary';
}

export function isAgencyRole(role: string): boolean {
  return role === 'agency_officer' || role === 'agency_head';
}

/** Committee roles must name a province; an observer may (one province) or not (the whole country). */
export function roleTakesProvince(role: string): boolean {
  return isCommitteeRole(role) || role === 'observer';
}

export function roleLabel(role: string, province = ''): string {
  switch (role) {
    case 'agency_officer':
      return tr('เจ้าหน้าที่หน่วยงาน', 'Agency officer');
    case 'agency_head':
      return tr('หัวหน้าหน่วยงาน', 'Agency head');
    case 'committee_member':
      return tr('กรรมการ', 'Committee member');
    case 'committee_chair':
      return tr('ประธานกรรมการ', 'Committee chair');
    case 'committee_secretary':
      return tr('เลขานุการคณะกรรมการ', 'Committee secretary');
    case 'observer':
      return province ? tr('ผู้ติดตามผลระดับจังหวัด', 'Provincial observer') : tr('ผู้ติดตามผลระดับประเทศ', 'National observer');
    case 'admin':
      return tr('ผู้ดูแลระบบ', 'Administrator');
    default:
      return role;
  }
}

/** The label a role select offers: an observer's scope is chosen with the province. */
export function roleOptionLabel(role: string): string {
  return role === 'observer' ? tr('ผู้ติดตามผล', 'Observer') : roleLabel(role);
}

export const REGIONS = ['north', 'northeast', 'central', 'east', 'west', 'south'] as const;

export function regionLabel(region: string): string {
  switch (region) {
    case 'north':
      return tr('ภาคเหนือ', 'North');
    case 'northeast':
      return tr('ภาคตะวันออกเฉียงเหนือ', 'Northeast');
    case 'central':
      return tr('ภาคกลาง', 'Central');
    case 'east':
      return tr('ภาคตะวันออก', 'East');
    case 'west':
      return tr('ภาคตะวันตก', 'West');
    case 'south':
      return tr('ภาคใต้', 'South');
    default:
      return region;
  }
}

export function provinceName(p: Province | undefined, code: string): string {
  if (!p) return code;
  return tr(p.name_th, p.name_en || p.name_th);
}

/** Provinces in Thai alphabetical order, the way people look them up. */
export function byThaiName(a: Province, b: Province): number {
  return a.name_th.localeCompare(b.name_th, 'th');
}

import type { FacilityList } from '@/contracts/facility';
import { xuequOfSchool, schoolIdsOf, type XuequVersion } from '@/domain/xuequ';
import { forbidden } from '@/server/errors';
import type { ActionContext } from '@/server/handler';
import { facilitiesOfSchools } from '@/server/repositories/facilities';
import { callerOf, type Caller } from '../scope';
import { facilityView } from '../views';

const KIND_ORDER = ['gym', 'field', 'library', 'lab'];

/** The 学区 to show: the one asked for (of the caller's district), else the caller's own. */
function xuequFor(caller: Caller, xuequId: string | undefined): XuequVersion | undefined {
  const { user, composition } = caller;
  if (xuequId) {
    const x = composition.find((v) => v.xuequId === xuequId);
    if (!x) throw forbidden('只能查看本区学区的场馆');
    return x;
  }
  const led = user.xuequId ? composition.find((v) => v.xuequId === user.xuequId) : undefined;
  const ofSchool = user.schoolId ? xuequOfSchool(composition, user.schoolId)[0]?.xuequ : undefined;
  return led ?? ofSchool ?? (user.schoolId ? undefined : composition[0]);
}

/** The shareable facilities of a 学区 (leads' first, in the 学区's order), with hours and rules. */
export async function list(input: { xuequId?: string }, ctx: ActionContext): Promise<FacilityList> {
  const caller = await callerOf(ctx);
  const x = xuequFor(caller, input.xuequId);
  const ids = x ? schoolIdsOf(x) : [];
  const docs = (await facilitiesOfSchools(caller.district.district.code, ids)).filter((f) => f.shareable);
  docs.sort(
    (a, b) =>
      ids.indexOf(a.schoolId) - ids.indexOf(b.schoolId) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a._id.localeCompare(b._id),
  );
  return {
    xuequ: x ? { id: x.xuequId, name: x.name } : null,
    xuequOptions: caller.composition.map((v) => ({ id: v.xuequId, name: v.name })),
    facilities: docs.map((f) => facilityView(f, caller)),
    canBook: caller.user.roles.includes('principal') && caller.user.schoolId !== null,
    today: caller.today,
  };
}

import { createRoute, z } from '@hono/zod-openapi';
import { shanghaiDateOf, warningLevel } from '@onevisit/item-schemas';
import { authorize } from '../auth';
import { ApiError, errorResponses } from '../errors';
import type { App } from '../http';
import { dueDateInfo } from '../records';

/** Department officers: the queue of their department's open cases, soonest due first. */

const queueEntry = z
  .object({
    trackingNumber: z.string(),
    itemId: z.string(),
    itemName: z.string(),
    status: z.string(),
    receivedOn: z.string(),
    due: z.object({ promised: dueDateInfo, legal: dueDateInfo.optional(), supplement: dueDateInfo.optional() }),
    warning: z.enum(['normal', 'yellow', 'red', 'overdue']),
  })
  .openapi('QueueEntry');

export function registerOfficerRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/officer/queue',
      tags: ['officer'],
      security: [{ bearer: [] }],
      summary: '待办件 / my department’s open cases',
      request: { query: z.object({ department: z.string().max(18).optional().openapi({ description: '管理员查看某部门时使用 / for administrators' }) }) },
      responses: { 200: { description: 'open cases with deadlines and warning levels', content: { 'application/json': { schema: z.array(queueEntry) } } }, ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const who = c.get('principal');
      const requested = c.req.valid('query').department;
      const department = who?.role === 'officer' ? (requested ?? who.department) : requested;
      if (!department) throw new ApiError(400, 'DEPARTMENT_REQUIRED', '请指定部门', 'name the department');
      const me = authorize(who, { roles: ['officer', 'jurisdictionAdmin', 'platformAdmin'], ...(who?.role === 'officer' ? { department } : {}) });
      const cases = await deps.store.departmentQueue(me.jurisdiction, department);
      const calendar = await deps.calendars.forJurisdiction(me.jurisdiction);
      const today = shanghaiDateOf(deps.clock());
      return c.json(
        cases.map((k) => ({
          trackingNumber: k.trackingNumber,
          itemId: k.itemId,
          itemName: k.itemName,
          status: k.status,
          receivedOn: k.receivedOn,
          due: k.due,
          warning: warningLevel(calendar, { from: k.receivedOn, due: k.due.promised.due, today }),
        })),
        200,
      );
    },
  );
}

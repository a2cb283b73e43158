import { z } from '@hono/zod-openapi';
import { isUscc } from '@onevisit/item-schemas';
import { authorize } from '../auth';
import { reassignCase, unreachable } from '../case-routing';
import { ZCaseRecord } from '../cases/record';
import { addOfficer, listDepartments, removeOfficer, saveDepartment } from '../departments';
import { notFound } from '../errors';
import type { App } from '../http';
import { ZDepartmentRecord, ZUser } from '../records';
import { bearer, errorResponses, json, jsonBody, jurisdictionAdmin, route, ZCaseParams, ZJurisdictionParams } from './kit';

/** Jurisdiction administrators: their departments and officers, and where cases go. */

const ZDepartmentId = z
  .string()
  .refine(isUscc, '统一社会信用代码不正确 / invalid unified social credit code')
  .openapi({ description: '统一社会信用代码 / unified social credit code', example: '11370500MB1000006L' });
const ZDepartmentParams = ZJurisdictionParams.extend({ id: ZDepartmentId });
const ZOfficer = z.object({ id: z.string(), name: z.string() }).openapi('Officer');
const ZDepartmentWithOfficers = ZDepartmentRecord.extend({ officers: z.array(ZOfficer) }).openapi('DepartmentWithOfficers');

export function registerDepartmentRoutes(app: App): void {
  const tags = ['admin'];

  app.openapi(
    route({ method: 'get', path: '/api/admin/{jurisdiction}/departments', tags, security: bearer, summary: '部门及其工作人员 / departments with their officers', request: { params: ZJurisdictionParams }, responses: { 200: json(z.array(ZDepartmentWithOfficers), 'departments'), ...errorResponses(401, 403) } }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      return c.json(await listDepartments(c.get('deps'), jurisdiction), 200);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/api/admin/{jurisdiction}/departments/{id}',
      tags,
      security: bearer,
      summary: '新增或修改部门 / create or change a department',
      request: { params: ZDepartmentParams, body: jsonBody(z.object({ name: z.string().max(200), nature: ZDepartmentRecord.shape.nature.optional() })) },
      responses: { 200: json(ZDepartmentWithOfficers, 'saved'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      const { jurisdiction, id } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      return c.json(await saveDepartment(c.get('deps'), jurisdiction, id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/departments/{id}/officers',
      tags,
      security: bearer,
      summary: '添加工作人员 / add an officer to the department',
      request: { params: ZDepartmentParams, body: jsonBody(z.object({ name: z.string().max(100) })) },
      responses: { 201: json(ZUser, 'the new officer'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, id } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      return c.json(await addOfficer(c.get('deps'), jurisdiction, id, c.req.valid('json').name), 201);
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: '/api/admin/{jurisdiction}/departments/{id}/officers/{userId}',
      tags,
      security: bearer,
      summary: '移除工作人员 / remove an officer',
      request: { params: ZDepartmentParams.extend({ userId: z.string().max(100) }) },
      responses: { 204: { description: 'removed' }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, id, userId } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      await removeOfficer(c.get('deps'), jurisdiction, id, userId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/unreachable',
      tags,
      security: bearer,
      summary: '送不到人的事项和办件 / items and open cases whose department is unknown or has no officer',
      request: { params: ZJurisdictionParams },
      responses: {
        200: json(
          z.object({
            items: z.array(z.object({ itemId: z.string(), name: z.string(), department: z.string(), reason: z.enum(['unknown', 'noOfficer']), published: z.boolean() })),
            cases: z.array(z.object({ trackingNumber: z.string(), itemName: z.string(), departmentId: z.string(), status: z.string(), revision: z.number().int(), receivedOn: z.string(), reason: z.enum(['unknown', 'noOfficer']) })),
          }),
          'what to fix',
        ),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      return c.json(await unreachable(c.get('deps'), jurisdiction), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/cases/{trackingNumber}/reassign',
      tags,
      security: bearer,
      summary: '移交办件到其他部门 / move a case to another department (kept in its history)',
      request: {
        params: ZJurisdictionParams.extend(ZCaseParams.shape),
        body: jsonBody(z.object({ department: ZDepartmentId, reason: z.string().trim().min(1).max(1000), expectedRevision: z.number().int().min(0) })),
      },
      responses: { 200: json(ZCaseRecord, 'the case, now in that department’s queue'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { jurisdiction, trackingNumber } = c.req.valid('param');
      // Another jurisdiction's case answers as one never issued (issue 15): the role first, then the case.
      const who = authorize(c.get('principal'), { roles: ['jurisdictionAdmin', 'platformAdmin'] });
      if (who.role !== 'platformAdmin' && who.jurisdiction !== jurisdiction) throw notFound('办件', 'case');
      return c.json(await reassignCase(c.get('deps'), who, jurisdiction, trackingNumber, c.req.valid('json')), 200);
    },
  );
}

// The audit log's page query.
import { Type } from "@fastify/type-provider-typebox";
import { PageNumber } from "../../http/schemas.ts";

export const AuditQuery = Type.Object({ sayfa: Type.Optional(PageNumber) }, { additionalProperties: false });

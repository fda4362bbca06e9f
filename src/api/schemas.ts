import { Type } from "@fastify/type-provider-typebox";

/** Every API error: a stable code, a Turkish message, and per-field messages for invalid input. */
export const ErrorJson = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Optional(Type.Record(Type.String(), Type.String())) }),
});

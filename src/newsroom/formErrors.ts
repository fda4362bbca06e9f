// The newsroom's one way to answer a refused form: the route names the page to show again and the
// domain errors that mean "show it again"; handlers just throw. Every other error goes on to the
// app's error handler (src/app.ts), which shows the newsroom error page or signs the user in.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentType } from "preact";
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, RateLimitedError, UnauthorizedError } from "../errors.ts";
import { statusOf } from "../http/errorStatus.ts";

/** A request whose form (and path parameters) passed the route's schema, as a form's error handler reads it. */
export type FormRequest<Body, Params = unknown> = FastifyRequest & { body: Body; params: Params };

/** A domain error a form can be shown again for. */
type FormError = InvalidInputError | ConflictError | RateLimitedError | UnauthorizedError | ForbiddenError;
type ErrorClass<E extends FormError> = abstract new (...args: never[]) => E;

/**
 * A route's `errorHandler`: when the handler throws one of `handles` (or a subclass), answers
 * `View` rendered with `propsOf(error, request, reply)` and the error's status, with Retry-After
 * (seconds) for a RateLimitedError; anything else is rethrown to the app's error handler.
 * The newsroom's hooks before a handler throw only role and CSRF errors (401/403), so a form
 * handling neither sees only its handler's errors.
 *
 * Example: `errorHandler: formErrors(PasswordPage, [InvalidInputError], (error, request) => ({ … }))`.
 */
export function formErrors<Req extends FastifyRequest, C extends ReadonlyArray<ErrorClass<FormError>>, P extends object>(
  View: ComponentType<P>,
  handles: C,
  propsOf: (error: InstanceType<C[number]>, request: Req, reply: FastifyReply) => P | Promise<P>,
): (error: Error, request: Req, reply: FastifyReply) => Promise<FastifyReply> {
  const isHandled = (error: Error): error is InstanceType<C[number]> => error instanceof DomainError && handles.some((kind) => error instanceof kind);
  return async (error, request, reply) => {
    if (!isHandled(error)) throw error;
    const refusal: FormError = error;
    if (refusal instanceof RateLimitedError) reply.header("retry-after", String(refusal.retryAfterSeconds));
    const props = await propsOf(error, request, reply);
    return reply.code(statusOf(refusal)).render(View, props);
  };
}

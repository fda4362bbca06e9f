// The one mapping from domain errors to HTTP statuses (RFC 9110 §15), used by the app's error
// handler and by the newsroom's forms that show themselves again.
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  ServiceUnavailableError,
  UnauthorizedError,
} from "../errors.ts";

/** 404 not found, 401 unauthorized, 429 rate limited, 503 unavailable, 400 invalid input, 409 conflict, 403 forbidden; else 500. */
export function statusOf(error: DomainError): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof RateLimitedError) return 429;
  if (error instanceof ServiceUnavailableError) return 503;
  if (error instanceof InvalidInputError) return 400;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ForbiddenError) return 403;
  return 500;
}

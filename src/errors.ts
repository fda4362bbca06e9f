// Domain errors: a stable code for the API and a Turkish message for people.
// HTTP statuses are assigned in one place (app.ts), not here.

export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = "not_found";
  constructor(what: string, id?: string | number) {
    super(id === undefined ? `${what} bulunamadı.` : `${what} bulunamadı (${id}).`);
  }
}

export class InvalidInputError extends DomainError {
  readonly code = "invalid_input";
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly code = "conflict";
}

export class ForbiddenError extends DomainError {
  readonly code = "forbidden";
  constructor(message = "Bu işlem için yetkiniz yok.") {
    super(message);
  }
}

/** A configuration problem: reported as one line, the process exits non-zero. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export class UnauthorizedError extends DomainError {
  readonly code = "unauthorized";
  constructor(message = "Oturum açmanız gerekiyor.") {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = "rate_limited";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The server is busy with work it bounds (e.g. image processing); the client may retry after the given seconds. */
export class ServiceUnavailableError extends DomainError {
  readonly code = "unavailable";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

// Domain errors: a stable code for the API and a Turkish message for people.
// HTTP statuses are assigned in one place (app.ts), not here.
import { DAY_MESSAGE, formatIstanbulTime } from "./lib/time.ts";

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

/** Bad input (400). `code` is "invalid_input" unless a caller names a more precise one (e.g. "unknown_author"). */
export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
    readonly code: string = "invalid_input",
  ) {
    super(message);
  }
}

/**
 * Throws InvalidInputError ("Tarih süzgeci geçersiz.", fields `from`/`to`: DAY_MESSAGE) when a day
 * filter's ends were refused (`invalid` of lib/time.ts istanbulDayRange); returns otherwise.
 */
export function refuseInvalidDays(invalid: ReadonlyArray<"from" | "to">): void {
  if (invalid.length === 0) return;
  throw new InvalidInputError("Tarih süzgeci geçersiz.", Object.fromEntries(invalid.map((end) => [end, DAY_MESSAGE])));
}

export class ConflictError extends DomainError {
  readonly code = "conflict";
}

/** One piece of a word diff. */
export interface DiffPart {
  text: string;
  kind: "same" | "added" | "removed";
}

/** One field that differs between two versions of an article, as a word diff (news/revisionSnapshot.ts makes them). */
export interface FieldChange {
  /** The editor form's field name (`title`, `spot`, `tags`, ...). */
  field: string;
  /** Its Turkish label ("Başlık"). */
  label: string;
  parts: DiffPart[];
}

/**
 * A change based on a version that is no longer current, or a write that lost the race to
 * another one (409). Carries the current version and what changed since (empty when unknown);
 * `by` names who made the current version, `at` when (ISO 8601, shown in Istanbul time).
 */
export class StaleVersionError extends ConflictError {
  constructor(
    readonly currentVersion: number,
    readonly changes: FieldChange[],
    by: string,
    at: string,
  ) {
    const what = changes.length > 0 ? ` Değişen alanlar: ${changes.map((c) => c.label).join(", ")}.` : "";
    super(
      `Bu haber siz düzenlerken ${by} tarafından ${formatIstanbulTime(at)} saatinde değiştirildi (sürüm ${currentVersion}).${what} ` +
        "Sizin değişiklikleriniz kaydedilmedi ama kaybolmadı: farkları inceleyip yeniden kaydedin.",
    );
  }
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

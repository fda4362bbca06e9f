// Home page control: the manşet order and the son dakika flag.
import { type Static, Type } from "@fastify/type-provider-typebox";
import { InvalidInputError } from "../../errors.ts";
import { Int32Id } from "../../http/schemas.ts";
import { parseIstanbulLocal } from "../../lib/time.ts";
import { Csrf, LocalDateTime } from "../schemas.ts";

/** Manşet slots in order; an empty slot is sent as "". */
const SlotValue = Type.Union([Int32Id, Type.Literal("")]);
export const HeadlinesForm = Type.Object(
  { _csrf: Csrf, slot: Type.Optional(Type.Union([SlotValue, Type.Array(SlotValue, { maxItems: 20 })])) },
  { additionalProperties: false },
);

export const BreakingForm = Type.Object(
  { _csrf: Csrf, breaking: Type.Union([Type.Literal("0"), Type.Literal("1")]), until: Type.Optional(LocalDateTime) },
  { additionalProperties: false },
);

/** The article ids in the manşet form's slots, in slot order, empty slots left out. */
export function slotIdsOf(form: Static<typeof HeadlinesForm>): number[] {
  const slots = form.slot;
  return (Array.isArray(slots) ? slots : [slots ?? ""]).filter((n): n is number => typeof n === "number");
}

/**
 * The son dakika form's end time: null when left empty, else the Istanbul local time read as a
 * Date. Throws InvalidInputError for a time that cannot be read.
 */
export function breakingUntilOf(form: Static<typeof BreakingForm>): Date | null {
  const text = form.until ?? "";
  if (text === "") return null;
  const until = parseIstanbulLocal(text);
  if (!until) throw new InvalidInputError("Bitiş zamanı geçersiz.", { until: "Geçerli bir tarih ve saat girin." });
  return until;
}

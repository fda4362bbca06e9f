// Home page control: the manşet order and the son dakika flag.
import { type Static, Type } from "@fastify/type-provider-typebox";
import { InvalidInputError } from "../../errors.ts";
import { Int32Id } from "../../http/schemas.ts";
import { parseIstanbulLocal } from "../../lib/time.ts";
import { type SlotChange, applySlotChange } from "../../news/headlineOrder.ts";
import { MAX_QUERY_LENGTH } from "../../search/analyzer.ts";
import { Csrf, LocalDateTime } from "../schemas.ts";

/** Words to find a published article by (the search's own limit on length). */
const PickQuery = Type.String({ maxLength: MAX_QUERY_LENGTH });

/** The page: a message after a redirect, and the searches for an article to add to the manşet (`ara`) or to son dakika (`sdara`). */
export const HomeControlQuery = Type.Object(
  { mesaj: Type.Optional(Type.String({ maxLength: 40 })), ara: Type.Optional(PickQuery), sdara: Type.Optional(PickQuery) },
  { additionalProperties: false },
);

/**
 * The manşet form: the slots in order (article ids), the stamp of the order the page was opened
 * on (news/headlineOrder.ts headlineStamp), and at most one pressed button's change: move an
 * article up or down, take it out, or add one found by the search (`ara` keeps that search).
 */
export const HeadlinesForm = Type.Object(
  {
    _csrf: Csrf,
    stamp: Type.String({ maxLength: 64 }),
    slot: Type.Optional(Type.Union([Int32Id, Type.Array(Int32Id, { maxItems: 20 })])),
    up: Type.Optional(Int32Id),
    down: Type.Optional(Int32Id),
    remove: Type.Optional(Int32Id),
    add: Type.Optional(Int32Id),
    ara: Type.Optional(PickQuery),
  },
  { additionalProperties: false },
);
export type HeadlinesFormBody = Static<typeof HeadlinesForm>;

/** The son dakika form: on or off, an optional end time, and the search it was sent from (`sdara`, kept when the form is refused). */
export const BreakingForm = Type.Object(
  { _csrf: Csrf, breaking: Type.Union([Type.Literal("0"), Type.Literal("1")]), until: Type.Optional(LocalDateTime), sdara: Type.Optional(PickQuery) },
  { additionalProperties: false },
);
export type BreakingFormBody = Static<typeof BreakingForm>;

/** The article ids in the manşet form's slots, in slot order. */
export function slotIdsOf(form: HeadlinesFormBody): number[] {
  const slots = form.slot;
  return slots === undefined ? [] : Array.isArray(slots) ? slots : [slots];
}

/** The change the pressed button asks for, or null for a plain save (the first of up, down, remove, add that is present). */
export function slotChangeOf(form: HeadlinesFormBody): SlotChange | null {
  for (const kind of ["up", "down", "remove", "add"] as const) {
    const articleId = form[kind];
    if (articleId !== undefined) return { kind, articleId };
  }
  return null;
}

/**
 * The manşet order the form asks for: its slots with the pressed button's change applied
 * (applySlotChange). Throws InvalidInputError (HEADLINES_FULL) for an add to a full manşet.
 */
export function requestedOrderOf(form: HeadlinesFormBody): number[] {
  const change = slotChangeOf(form);
  return change ? applySlotChange(slotIdsOf(form), change) : slotIdsOf(form);
}

/**
 * The son dakika form's end time: null when left empty, else the Istanbul local time read as a
 * Date. Throws InvalidInputError (field `until`) for a time that cannot be read.
 */
export function breakingUntilOf(form: BreakingFormBody): Date | null {
  const text = form.until ?? "";
  if (text === "") return null;
  const until = parseIstanbulLocal(text);
  if (!until) throw new InvalidInputError("Bitiş zamanı geçersiz.", { until: "Geçerli bir tarih ve saat girin." });
  return until;
}

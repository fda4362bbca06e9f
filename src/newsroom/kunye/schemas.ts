// The künye form (/yonetim/kunye, admins). Limits here only bound the input; legal/kunye.ts gives each field its
// Turkish message. Contact rows come as repeated fields (`contactRole`, `contactName`, `contactReach`, one of each
// per row, in row order), so the form needs no script to offer several rows.
import { type Static, Type } from "@fastify/type-provider-typebox";
import type { KunyeForm } from "../../legal/kunye.ts";
import { KUNYE_ADDRESS_MAX_LENGTH, KUNYE_CONTACTS_MAX, KUNYE_TEXT_MAX_LENGTH } from "../../settings/sections.ts";
import { Csrf } from "../schemas.ts";

/** Text a little over the limit is shown again with its message; far over it is a bare 400. */
const Text = Type.String({ maxLength: KUNYE_TEXT_MAX_LENGTH * 5 });
const Address = Type.String({ maxLength: KUNYE_ADDRESS_MAX_LENGTH * 5 });
/** One value per row; a few rows over the limit get the form's message. */
const Column = Type.Optional(Type.Union([Text, Type.Array(Text, { maxItems: KUNYE_CONTACTS_MAX + 10 })]));

export const KunyeFormBody = Type.Object(
  {
    _csrf: Csrf,
    /** The künye section's version the form was made from (0: never saved). */
    version: Type.String({ pattern: "^[0-9]{1,9}$" }),
    owner: Text,
    editorInChief: Text,
    address: Address,
    email: Text,
    phone: Text,
    eTebligat: Text,
    hostName: Text,
    hostAddress: Address,
    contactRole: Column,
    contactName: Column,
    contactReach: Column,
  },
  { additionalProperties: false },
);
export type KunyeFormBody = Static<typeof KunyeFormBody>;

const column = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The form as the rules take it: contact rows rebuilt from the three columns (a short column reads as empty). */
export function kunyeFormOf(body: KunyeFormBody): KunyeForm {
  const [roles, names, reaches] = [column(body.contactRole), column(body.contactName), column(body.contactReach)];
  const rows = Math.max(roles.length, names.length, reaches.length);
  return {
    owner: body.owner,
    editorInChief: body.editorInChief,
    address: body.address,
    email: body.email,
    phone: body.phone,
    eTebligat: body.eTebligat,
    hostName: body.hostName,
    hostAddress: body.hostAddress,
    contacts: Array.from({ length: rows }, (_, i) => ({ role: roles[i] ?? "", name: names[i] ?? "", reach: reaches[i] ?? "" })),
  };
}

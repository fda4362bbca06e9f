// Users and their API tokens (admins only).
import { type Static, Type } from "@fastify/type-provider-typebox";
import type { Role } from "../../db/schema.ts";
import { InvalidInputError } from "../../errors.ts";
import { EMAIL_MAX_LENGTH } from "../signIn.ts";
import { Csrf, PASSWORD_MAX_LENGTH } from "../schemas.ts";
import { isRole } from "../users.ts";

export const RoleValue = Type.Union([Type.Literal("muhabir"), Type.Literal("editor"), Type.Literal("yonetici")]);

export const AddUserForm = Type.Object(
  {
    _csrf: Csrf,
    name: Type.String({ maxLength: 120 }),
    email: Type.String({ maxLength: EMAIL_MAX_LENGTH }),
    role: Type.String({ maxLength: 20 }),
    password: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);

export const RoleForm = Type.Object({ _csrf: Csrf, role: RoleValue }, { additionalProperties: false });
export const DisableForm = Type.Object({ _csrf: Csrf, disabled: Type.Union([Type.Literal("0"), Type.Literal("1")]) }, { additionalProperties: false });
export const TokenForm = Type.Object({ _csrf: Csrf, name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });

/** The add-user form's role; throws InvalidInputError for anything but the three roles. */
export function roleOf(form: Static<typeof AddUserForm>): Role {
  if (!isRole(form.role)) throw new InvalidInputError("Geçerli bir rol seçin.", { role: "Geçerli bir rol seçin." });
  return form.role;
}

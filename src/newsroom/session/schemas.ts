// Sign-in, sign-out and the own-password form.
import { Type } from "@fastify/type-provider-typebox";
import { EMAIL_MAX_LENGTH } from "../signIn.ts";
import { Csrf, PASSWORD_MAX_LENGTH } from "../schemas.ts";

/**
 * Where to go after signing in: a newsroom path only, without control characters or
 * whitespace (a header value with CR/LF must never reach `Location`).
 */
export const ReturnPath = Type.String({ maxLength: 500, pattern: "^/yonetim/[^\\s\\u0000-\\u001f\\u007f\\\\]*$" });

export const SignInQuery = Type.Object({ sonra: Type.Optional(ReturnPath) });

export const SignInForm = Type.Object(
  {
    _csrf: Csrf,
    email: Type.String({ maxLength: EMAIL_MAX_LENGTH }),
    password: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
    sonra: Type.Optional(ReturnPath),
  },
  { additionalProperties: false },
);

export const PasswordForm = Type.Object(
  { _csrf: Csrf, current: Type.String({ maxLength: PASSWORD_MAX_LENGTH }), next: Type.String({ maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);

import { hash, verify } from "@node-rs/argon2";
import { InvalidInputError } from "../errors.ts";

// The library exports its algorithms as a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2;

// argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's minimum profile).
export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal who has an account. */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$0YQ55VmuZEs461Eg4OINjA$YQQAKqSdShF12BcfOkYto/CR0dOil4WLFooKx/wvLD4";

export function assertPasswordStrength(password: string): void {
  if (password.length < 10) throw new InvalidInputError("Parola en az 10 karakter olmalı.", { password: "En az 10 karakter." });
  if (password.length > 200) throw new InvalidInputError("Parola en çok 200 karakter olabilir.", { password: "En çok 200 karakter." });
}

// Saving the künye (admins, /yonetim/kunye): checked in full first, then written on the version the form showed,
// with its audit entry, through the settings' one way of writing a section.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { InvalidInputError } from "../errors.ts";
import { type SettingsActor, commitSection } from "../settings/saveSettings.ts";
import { type KunyeForm, checkKunyeForm, missingKunyeFields } from "./kunye.ts";

/**
 * Saves the künye from its form; `version` is the künye section's version the form was made from (0: never saved).
 * Returns the new version. Errors: InvalidInputError with per-field Turkish messages (see checkKunyeForm), nothing
 * stored; ConflictError when another save came first. An incomplete künye is saved (its audit entry says what is
 * missing); the cached /kunye/ and /iletisim/ pages are dropped after commit (`settingsChanged`).
 */
export async function saveKunye(db: Kysely<Database>, form: KunyeForm & { version: number }, who: SettingsActor): Promise<number> {
  const checked = checkKunyeForm(form);
  if ("errors" in checked) throw new InvalidInputError("Künye kaydedilmedi: işaretli alanları düzeltin.", checked.errors);
  const missing = missingKunyeFields(checked.value);
  const detail = missing.length === 0 ? "künye tam" : `eksik: ${missing.join(", ")}`;
  return commitSection(db, "kunye", checked.value, form.version, who, detail);
}

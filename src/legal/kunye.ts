// The künye (the publication's legal details): which details the law requires, the checks of each field, and what
// is still missing. Pure rules; the section's shape is in settings/sections.ts.
//
// Source: Press Law 5187 (Basın Kanunu, RG 26.06.2004/25504) as amended by Law 7418 (RG 18.10.2022/31987, in force
// that day). Art. 2 now counts internet news sites among periodicals (süreli yayın). Art. 4 ("Zorunlu bilgiler")
// requires of periodicals the owner's name or trade name and the sorumlu müdür's name, and of internet news sites
// the place of business, trade name, e-mail address, contact phone and electronic notification (e-tebligat)
// address, and the hosting provider's (yer sağlayıcı) name and address, kept on the site "so that users reach them
// directly from the home page" under the heading "İletişim". Art. 15 fines the sorumlu müdür for details missing
// or untrue. Editorial contacts are not required by the law: they are optional here.
import { fullFormats } from "ajv-formats/dist/formats.js";
import { type KunyeContact, type KunyeSection, KUNYE_ADDRESS_MAX_LENGTH, KUNYE_CONTACTS_MAX, KUNYE_TEXT_MAX_LENGTH } from "../settings/sections.ts";

/** The künye's text fields (every field but the contacts). */
export type KunyeField = Exclude<keyof KunyeSection, "contacts">;

/** Each text field's Turkish label, in the order the form and the pages show them. All are required (art. 4). */
export const KUNYE_FIELDS: ReadonlyArray<{ name: KunyeField; label: string }> = [
  { name: "owner", label: "Sahibi (ad soyad ya da ticaret unvanı)" },
  { name: "editorInChief", label: "Sorumlu müdür" },
  { name: "address", label: "İş yeri adresi" },
  { name: "email", label: "E-posta adresi" },
  { name: "phone", label: "İletişim telefonu" },
  { name: "eTebligat", label: "Elektronik tebligat adresi (KEP ya da UETS)" },
  { name: "hostName", label: "Yer sağlayıcının adı" },
  { name: "hostAddress", label: "Yer sağlayıcının adresi" },
];

/** The künye as the form sends it: text as typed, and the contact rows (role, name, e-mail or phone) in form order. */
export interface KunyeForm extends Record<KunyeField, string> {
  contacts: KunyeContact[];
}

const EMAIL: RegExp = (() => {
  const format = fullFormats.email;
  if (format instanceof RegExp) return format;
  throw new Error("ajv-formats' email format is no longer a pattern");
})();
/** A KEP address (Kayıtlı Elektronik Posta; BTK's KEP communiqué: the domain part is hsNN.kep.tr or name.hsNN.kep.tr). */
const KEP = /^[^\s@]+@(?:[a-z0-9-]+\.)?hs[0-9]{2}\.kep\.tr$/i;
/** A UETS (PTT's national e-tebligat system) address: three groups of five digits. */
const UETS = /^[0-9]{5}-[0-9]{5}-[0-9]{5}$/;
/** A phone number: digits with spaces, dashes, dots, slashes, brackets, a leading +; 7 to 15 digits (ITU-T E.164). */
const PHONE = /^\+?[0-9 ()./-]+$/;

/** Whether `text` is an e-mail address (ajv-formats' "email" format, 254 characters at most). */
export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/** Whether `text` is a KEP address (name@hs01.kep.tr, name@firma.hs01.kep.tr) or a UETS address (12345-12345-12345). */
export function isETebligatAddress(text: string): boolean {
  return (text.length <= 254 && KEP.test(text)) || UETS.test(text);
}

/** Whether `text` is a phone number: only phone punctuation, 7–15 digits. */
export function isPhone(text: string): boolean {
  const digits = text.replace(/[^0-9]/g, "").length;
  return PHONE.test(text) && digits >= 7 && digits <= 15;
}

const tooLong = (max: number) => `En çok ${max} karakter olabilir.`;

/** A text field trimmed, its lines trimmed and blank lines dropped (addresses keep their line breaks). */
function tidy(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, " "))
    .filter((line) => line !== "")
    .join("\n");
}

/**
 * Checks the künye form. Returns the künye to store (text tidied: trimmed, runs of spaces as one, blank lines
 * dropped; e-mail addresses lower-cased in their domain part; empty contact rows dropped), or Turkish messages per
 * field: `owner` … `hostAddress` as named in KUNYE_FIELDS, `contact-N` for the contact row N (0-based, form order).
 * A required detail left empty is not an error: an incomplete künye may be saved, and `missingKunyeFields` names
 * what is missing (admins are warned until it is complete). Rules: addresses at most KUNYE_ADDRESS_MAX_LENGTH
 * characters and other fields KUNYE_TEXT_MAX_LENGTH; `email` an e-mail address; `phone` a phone number (7–15
 * digits); `eTebligat` a KEP address (ad@hs01.kep.tr) or a UETS address (12345-12345-12345); a contact row needs a
 * role and a name, and its reach, when given, is an e-mail address or a phone number; at most KUNYE_CONTACTS_MAX rows.
 */
export function checkKunyeForm(form: KunyeForm): { value: KunyeSection } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const value: Record<KunyeField, string> = { owner: "", editorInChief: "", address: "", email: "", phone: "", eTebligat: "", hostName: "", hostAddress: "" };
  for (const { name } of KUNYE_FIELDS) {
    const text = tidy(form[name]);
    const max = name === "address" || name === "hostAddress" ? KUNYE_ADDRESS_MAX_LENGTH : KUNYE_TEXT_MAX_LENGTH;
    if (text.length > max) errors[name] = tooLong(max);
    else if (name !== "address" && name !== "hostAddress" && text.includes("\n")) errors[name] = "Tek satır olmalı.";
    value[name] = name === "email" ? lowerDomain(text) : text;
  }
  if (!errors.email && value.email !== "" && !isEmail(value.email)) errors.email = "Geçerli bir e-posta adresi girin (ör. iletisim@haberci.com.tr).";
  if (!errors.phone && value.phone !== "" && !isPhone(value.phone)) errors.phone = "Geçerli bir telefon numarası girin (ör. +90 312 555 00 00).";
  if (!errors.eTebligat && value.eTebligat !== "" && !isETebligatAddress(value.eTebligat))
    errors.eTebligat = "KEP adresi (ör. haberci@hs01.kep.tr) ya da UETS adresi (ör. 12345-12345-12345) girin.";

  const contacts: KunyeContact[] = [];
  form.contacts.forEach((row, i) => {
    const contact = { role: tidy(row.role).replace(/\n/g, " "), name: tidy(row.name).replace(/\n/g, " "), reach: tidy(row.reach).replace(/\n/g, " ") };
    if (contact.role === "" && contact.name === "" && contact.reach === "") return;
    const key = `contact-${i}`;
    if ([contact.role, contact.name, contact.reach].some((t) => t.length > KUNYE_TEXT_MAX_LENGTH))
      errors[key] = `Her alan ${tooLong(KUNYE_TEXT_MAX_LENGTH).toLowerCase()}`;
    else if (contact.role === "" || contact.name === "") errors[key] = "Görev ve ad birlikte girilmeli.";
    else if (contact.reach !== "" && !isEmail(contact.reach) && !isPhone(contact.reach))
      errors[key] = "İletişim bilgisi bir e-posta adresi ya da telefon numarası olmalı.";
    contacts.push(isEmail(contact.reach) ? { ...contact, reach: lowerDomain(contact.reach) } : contact);
  });
  if (contacts.length > KUNYE_CONTACTS_MAX) errors.contacts = `En çok ${KUNYE_CONTACTS_MAX} yayın kadrosu kişisi girilebilir.`;
  if (Object.keys(errors).length > 0) return { errors };
  return { value: { ...value, contacts } };
}

/** An e-mail address with its domain part lower-cased (domains are case-insensitive; the local part may not be). */
function lowerDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? email : email.slice(0, at + 1) + email.slice(at + 1).toLowerCase();
}

/** The labels of the required details (KUNYE_FIELDS, art. 4 of Law 5187) not given in `kunye`, in form order. */
export function missingKunyeFields(kunye: KunyeSection): string[] {
  return KUNYE_FIELDS.filter(({ name }) => kunye[name].trim() === "").map((f) => f.label);
}

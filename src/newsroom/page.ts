// What every newsroom area shares: the options the newsroom plugin is given, the page chrome,
// the role guards and the one-line messages shown after a redirect (`?mesaj=…`).
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Assets } from "../ui/assets.ts";
import { requireRole } from "./auth.ts";
import type { NewsroomChrome } from "./views/NewsroomLayout.tsx";

export interface NewsroomOptions {
  db: Kysely<Database>;
  assets: Assets;
  dataDir: string;
  publicUrl: string;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  now: () => Date;
}

const MESSAGES: Record<string, string> = {
  kaydedildi: "Kaydedildi.",
  olusturuldu: "Haber oluşturuldu.",
  submit: "Haber onaya gönderildi.",
  withdraw: "Haber onaydan geri çekildi.",
  return: "Haber muhabire geri gönderildi.",
  publish: "Haber yayımlandı.",
  schedule: "Haber zamanlandı.",
  unschedule: "Zamanlama iptal edildi; haber taslağa döndü.",
  unpublish: "Haber yayından kaldırıldı.",
  silindi: "Haber silindi.",
  geri: "Sürüm geri yüklendi.",
  yuklendi: "Görsel yüklendi.",
  manset: "Manşet kaydedildi.",
  sondakika: "Son dakika işareti güncellendi.",
  kullanici: "Kullanıcı eklendi.",
  rol: "Rol değiştirildi.",
  durum: "Kullanıcı durumu değişti.",
  anahtar: "API anahtarı iptal edildi.",
  parola: "Parolanız değişti; diğer oturumlarınız kapatıldı.",
  profil: "Profil kaydedildi.",
  ayarlar: "Ayarlar kaydedildi.",
  kunye: "Künye kaydedildi.",
};

/** The notice for a `?mesaj=` key after a redirect; unknown or absent keys show nothing. */
export function messageFor(key: string | undefined): string | undefined {
  return key ? MESSAGES[key] : undefined;
}

// The künye details still missing, per admin request (set by the newsroom plugin's onRequest hook).
const kunyeWarnings = new WeakMap<FastifyRequest, string[]>();

/** Remembers for this request which required künye details are missing (labels), for the layout's warning. */
export function rememberKunyeWarning(request: FastifyRequest, missing: string[]): void {
  kunyeWarnings.set(request, missing);
}

/**
 * The newsroom layout's chrome for a request: stylesheet, script, the signed-in user (or null) and, for an admin,
 * the required künye details still missing (the layout warns about them on every page).
 */
export function chromeOf(request: FastifyRequest, assets: Assets): NewsroomChrome {
  const user = request.user ?? null;
  const missing = user?.role === "yonetici" ? (kunyeWarnings.get(request) ?? []) : [];
  return { styleUrl: assets.newsroomStyleUrl, scriptUrl: assets.newsroomScriptUrl, user, kunyeMissing: missing };
}

/** Route options naming the least role a route needs (checked in onRequest, before the body is read). */
export const anyone = { onRequest: requireRole("muhabir") };
export const editors = { onRequest: requireRole("editor") };
export const admins = { onRequest: requireRole("yonetici") };

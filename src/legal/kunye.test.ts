// The künye's rules: field checks with their Turkish messages, and what counts as missing (Press Law 5187 art. 4).
import { describe, expect, it } from "vitest";
import { type KunyeForm, checkKunyeForm, isETebligatAddress, isPhone, missingKunyeFields } from "./kunye.ts";
import { DEFAULT_KUNYE } from "../settings/sections.ts";

const complete: KunyeForm = {
  owner: "Kuzey Medya Yayıncılık A.Ş.",
  editorInChief: "Gülşen Aydoğdu",
  address: "Atatürk Bulvarı No: 12\nÇankaya / Ankara",
  email: "iletisim@KUZEYMEDYA.com.tr",
  phone: "+90 312 555 00 00",
  eTebligat: "kuzeymedya@hs01.kep.tr",
  hostName: "Anadolu Sunucu Hizmetleri Ltd. Şti.",
  hostAddress: "Teknopark İstanbul, Pendik / İstanbul",
  contacts: [],
};

describe("checkKunyeForm", () => {
  it("keeps a complete künye, tidying spaces and blank lines and lower-casing the e-mail's domain only", () => {
    const result = checkKunyeForm({ ...complete, owner: "  Kuzey   Medya Yayıncılık A.Ş. ", address: "Atatürk Bulvarı No: 12\r\n\r\n  Çankaya / Ankara  \n" });
    expect(result).toEqual({
      value: { ...complete, owner: "Kuzey Medya Yayıncılık A.Ş.", email: "iletisim@kuzeymedya.com.tr", address: "Atatürk Bulvarı No: 12\nÇankaya / Ankara" },
    });
    expect("value" in result && missingKunyeFields(result.value)).toEqual([]);
  });

  it("saves an incomplete künye and names what the law still requires, in form order", () => {
    const result = checkKunyeForm({ ...complete, editorInChief: " ", eTebligat: "", hostAddress: "" });
    expect("value" in result && missingKunyeFields(result.value)).toEqual(["Sorumlu müdür", "Elektronik tebligat adresi (KEP ya da UETS)", "Yer sağlayıcının adresi"]);
    expect(missingKunyeFields(DEFAULT_KUNYE)).toHaveLength(8);
  });

  it("refuses a malformed e-mail, phone or e-tebligat address with a Turkish message per field", () => {
    expect(checkKunyeForm({ ...complete, email: "iletisim@", phone: "ara beni", eTebligat: "kuzey@gmail.com" })).toEqual({
      errors: {
        email: "Geçerli bir e-posta adresi girin (ör. iletisim@haberci.com.tr).",
        phone: "Geçerli bir telefon numarası girin (ör. +90 312 555 00 00).",
        eTebligat: "KEP adresi (ör. haberci@hs01.kep.tr) ya da UETS adresi (ör. 12345-12345-12345) girin.",
      },
    });
  });

  it("refuses text over its limit and a line break in a one-line field", () => {
    const result = checkKunyeForm({ ...complete, owner: "a".repeat(201), editorInChief: "Gülşen\nAydoğdu", hostAddress: "b".repeat(501) });
    expect(result).toEqual({ errors: { owner: "En çok 200 karakter olabilir.", editorInChief: "Tek satır olmalı.", hostAddress: "En çok 500 karakter olabilir." } });
  });

  it("drops empty contact rows, needs a role with a name, and an e-mail or phone as the reach", () => {
    const rows = [
      { role: "Genel Yayın Yönetmeni", name: "Mert Çelik", reach: "mert@Kuzeymedya.com.tr" },
      { role: "", name: "", reach: "" },
      { role: "Haber Müdürü", name: "", reach: "" },
      { role: "Editör", name: "Ece Şahin", reach: "yarın ararım" },
      { role: "Muhabir", name: "İlker Öz", reach: "0 532 000 00 00" },
    ];
    expect(checkKunyeForm({ ...complete, contacts: rows })).toEqual({
      errors: { "contact-2": "Görev ve ad birlikte girilmeli.", "contact-3": "İletişim bilgisi bir e-posta adresi ya da telefon numarası olmalı." },
    });
    const ok = checkKunyeForm({ ...complete, contacts: [rows[0]!, rows[1]!, rows[4]!] });
    expect("value" in ok && ok.value.contacts).toEqual([
      { role: "Genel Yayın Yönetmeni", name: "Mert Çelik", reach: "mert@kuzeymedya.com.tr" },
      { role: "Muhabir", name: "İlker Öz", reach: "0 532 000 00 00" },
    ]);
  });

  it("refuses more than 20 contacts", () => {
    const contacts = Array.from({ length: 21 }, (_, i) => ({ role: "Muhabir", name: `Kişi ${i}`, reach: "" }));
    expect(checkKunyeForm({ ...complete, contacts })).toEqual({ errors: { contacts: "En çok 20 yayın kadrosu kişisi girilebilir." } });
  });
});

describe("address formats", () => {
  it("takes KEP addresses (hsNN.kep.tr, with or without the organisation's part) and UETS addresses", () => {
    expect(isETebligatAddress("kuzeymedya@hs01.kep.tr")).toBe(true);
    expect(isETebligatAddress("haber.merkezi@kuzeymedya.hs03.kep.tr")).toBe(true);
    expect(isETebligatAddress("12345-67890-12345")).toBe(true);
    expect(isETebligatAddress("kuzeymedya@kep.tr")).toBe(false);
    expect(isETebligatAddress("kuzeymedya@hs01.kep.tr.example.com")).toBe(false);
    expect(isETebligatAddress("1234-67890-12345")).toBe(false);
  });

  it("takes phone numbers of 7 to 15 digits with phone punctuation only", () => {
    expect(isPhone("+90 (312) 555-00-00")).toBe(true);
    expect(isPhone("444 0 123")).toBe(true);
    expect(isPhone("123456")).toBe(false);
    expect(isPhone("+90 312 555 00 00 00 00")).toBe(false);
    expect(isPhone("0312 555 00 00 dahili 12")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { ArticleStatus, Role } from "../db/schema.ts";
import {
  type WorkflowAction,
  assertReturnReason,
  assertScheduleTime,
  assertTransition,
  availableActions,
  canDelete,
  canEdit,
  canView,
  latestScheduleTime,
} from "./workflow.ts";

const actor = (role: Role, id = 1) => ({ id, name: "Test", role });
const STATUSES: ArticleStatus[] = ["draft", "review", "scheduled", "published", "unpublished"];

// Every (action, from) pair an editor may take; everything else is refused.
const EDITOR_ALLOWED: Record<WorkflowAction, ArticleStatus[]> = {
  submit: ["draft"],
  withdraw: ["review"],
  return: ["review"],
  publish: ["draft", "review", "scheduled", "unpublished"],
  schedule: ["draft", "review", "scheduled", "unpublished"],
  unschedule: ["scheduled"],
  unpublish: ["published"],
};

describe("workflow transitions", () => {
  for (const [action, allowedFrom] of Object.entries(EDITOR_ALLOWED) as Array<[WorkflowAction, ArticleStatus[]]>) {
    for (const status of STATUSES) {
      const ok = allowedFrom.includes(status);
      it(`editor ${action} from ${status}: ${ok ? "allowed" : "refused"}`, () => {
        const run = () => assertTransition(action, { status, ownerId: 99 }, actor("editor"));
        if (ok) expect(run()).toBeTypeOf("string");
        else expect(run).toThrow(/durumundaki bir haber için bu işlem yapılamaz/);
      });
    }
  }

  it("lets a reporter submit and withdraw only their own article", () => {
    expect(assertTransition("submit", { status: "draft", ownerId: 7 }, actor("muhabir", 7))).toBe("review");
    expect(assertTransition("withdraw", { status: "review", ownerId: 7 }, actor("muhabir", 7))).toBe("draft");
    expect(() => assertTransition("submit", { status: "draft", ownerId: 8 }, actor("muhabir", 7))).toThrow("yetkiniz yok");
  });

  it.each(["publish", "schedule", "unschedule", "unpublish", "return"] as const)("never lets a reporter %s", (action) => {
    for (const status of STATUSES) {
      expect(() => assertTransition(action, { status, ownerId: 7 }, actor("muhabir", 7))).toThrow("yetkiniz yok");
    }
  });

  it("lists the buttons each role sees", () => {
    expect(availableActions({ status: "draft", ownerId: 7 }, actor("muhabir", 7))).toEqual(["submit"]);
    expect(availableActions({ status: "review", ownerId: 7 }, actor("editor", 1))).toEqual(["withdraw", "return", "publish", "schedule"]);
    expect(availableActions({ status: "published", ownerId: 7 }, actor("yonetici", 1))).toEqual(["unpublish"]);
  });
});

describe("editing and deleting", () => {
  it("reporters edit and delete only their own drafts", () => {
    expect(canEdit({ status: "draft", ownerId: 7 }, actor("muhabir", 7))).toBe(true);
    expect(canEdit({ status: "review", ownerId: 7 }, actor("muhabir", 7))).toBe(false);
    expect(canEdit({ status: "draft", ownerId: 8 }, actor("muhabir", 7))).toBe(false);
    expect(canDelete({ status: "draft", ownerId: 7 }, actor("muhabir", 7))).toBe(true);
    expect(canDelete({ status: "draft", ownerId: 8 }, actor("muhabir", 7))).toBe(false);
  });

  it("editors edit anything and delete what is not live", () => {
    for (const status of STATUSES) expect(canEdit({ status, ownerId: 8 }, actor("editor", 1))).toBe(true);
    expect(canDelete({ status: "published", ownerId: 8 }, actor("editor", 1))).toBe(false);
    expect(canDelete({ status: "unpublished", ownerId: 8 }, actor("editor", 1))).toBe(true);
  });
});

describe("who may view", () => {
  it("editors and admins see every article", () => {
    for (const status of STATUSES) {
      expect(canView({ status, ownerId: 8 }, actor("editor", 1))).toBe(true);
      expect(canView({ status, ownerId: null }, actor("yonetici", 1))).toBe(true);
    }
  });

  it("reporters see their own articles in any status, and others' only once published", () => {
    for (const status of STATUSES) {
      expect(canView({ status, ownerId: 7 }, actor("muhabir", 7))).toBe(true);
      expect(canView({ status, ownerId: 8 }, actor("muhabir", 7))).toBe(status === "published");
      expect(canView({ status, ownerId: null }, actor("muhabir", 7))).toBe(status === "published");
    }
  });
});

describe("schedule time", () => {
  const now = new Date("2026-11-27T12:00:00.000Z");

  it("accepts a time after now and up to one calendar year ahead", () => {
    const soon = new Date("2026-11-27T12:01:00.000Z");
    expect(assertScheduleTime(soon, now)).toBe(soon);
    expect(latestScheduleTime(now).toISOString()).toBe("2027-11-27T12:00:00.000Z");
    expect(assertScheduleTime(latestScheduleTime(now), now)).toEqual(new Date("2027-11-27T12:00:00.000Z"));
  });

  it.each([
    ["no time at all", null, "Yayın zamanı geçersiz."],
    ["an invalid date", new Date("invalid"), "Yayın zamanı geçersiz."],
    ["now", now, "ileri bir tarih"],
    ["the past", new Date("2026-11-27T11:59:00.000Z"), "ileri bir tarih"],
    ["a minute past one year", new Date("2027-11-27T12:01:00.000Z"), "en çok bir yıl"],
    ["year 9999", new Date("9999-01-01T00:00:00.000Z"), "en çok bir yıl"],
  ])("refuses %s with a message on the field", (_name, at, message) => {
    expect(() => assertScheduleTime(at, now)).toThrow(message);
    try {
      assertScheduleTime(at, now);
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_input", fields: { at: expect.any(String) } });
    }
  });

  it("counts a year from 29 February to 1 March", () => {
    expect(latestScheduleTime(new Date("2028-02-29T10:00:00.000Z")).toISOString()).toBe("2029-03-01T10:00:00.000Z");
  });
});

describe("a send-back's reason", () => {
  it("is kept trimmed, line breaks inside kept and control characters removed", () => {
    expect(assertReturnReason("  Kaynağı ekleyin.\nFotoğraf altyazısı eksik.\u0007  ")).toBe("Kaynağı ekleyin.\nFotoğraf altyazısı eksik.");
  });

  it.each([undefined, null, "", "   ", "\n\t ", "\u0000\u0007"])("is required: %j is refused with reason_required and a Turkish field error", (text) => {
    expect(() => assertReturnReason(text)).toThrow(
      expect.objectContaining({ code: "reason_required", fields: { returnReason: "Muhabirin neyi düzeltmesi gerektiğini yazın." } }),
    );
  });

  it("may be 1,000 characters (counted as letters, ş and İ one each), not more", () => {
    expect(assertReturnReason("ş".repeat(1000))).toHaveLength(1000);
    expect(() => assertReturnReason("İ".repeat(1001))).toThrow(
      expect.objectContaining({ code: "reason_too_long", fields: { returnReason: "En çok 1.000 karakter olabilir." } }),
    );
  });
});

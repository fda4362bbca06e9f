// ESLint (flat config): JavaScript's recommended rules and typescript-eslint's recommended rules, type-aware
// (the TypeScript program of tsconfig.json; about 20 s on two cores). Import boundaries between folders are
// checked by dependency-cruiser (.dependency-cruiser.cjs), formatting by Prettier (.prettierrc.json).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "dist/", "coverage/", "bench/results/", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // House rule: no `any` (migrations aside, below).
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      // Fastify plugins and hooks are async functions by contract, whether or not they await.
      "@typescript-eslint/require-await": "off",
      // Fastify awaits a promise returned by a route's `errorHandler`, though the option is typed as returning void.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { properties: false } }],
    },
  },
  {
    // Migrations are typed Kysely<any> on purpose: they must not depend on today's schema types (STYLE.md, "Types").
    // Landed migrations are never edited, so their findings are waived here rather than in the files.
    files: ["src/db/migrations/**"],
    rules: {
      "no-control-regex": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Tests read responses with light-my-request's `json()`, typed `any`: they assert on the values instead.
    files: ["**/*.test.ts", "**/*.test.tsx", "test/**"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain JavaScript (bin/, configs) is outside the TypeScript program.
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: "readonly", console: "readonly", module: "writable", require: "readonly", URL: "readonly" },
    },
  },
  {
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);

// The categories and sources a new site starts with. Editors manage them later (newsroom).
export const DEFAULT_CATEGORIES = [
  { slug: "gundem", name: "Gündem", color: "#c8102e" },
  { slug: "turkiye", name: "Türkiye", color: "#b3261e" },
  { slug: "dunya", name: "Dünya", color: "#1f5fa8" },
  { slug: "ekonomi", name: "Ekonomi", color: "#1b7a4b" },
  { slug: "spor", name: "Spor", color: "#0b7d8c" },
  { slug: "saglik", name: "Sağlık", color: "#8a3ab9" },
  { slug: "kultur-sanat", name: "Kültür-Sanat", color: "#a0522d" },
  { slug: "bilim-teknoloji", name: "Bilim-Teknoloji", color: "#3949ab" },
  { slug: "yasam", name: "Yaşam", color: "#c2571a" },
  { slug: "egitim", name: "Eğitim", color: "#00796b" },
] as const;

export const DEFAULT_SOURCES = [
  { slug: "haberci", name: "Haberci" },
  { slug: "aa", name: "AA" },
  { slug: "iha", name: "İHA" },
  { slug: "dha", name: "DHA" },
] as const;

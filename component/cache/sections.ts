// The five sub-results of a dashboard: what the cache holds for each line.
export const SECTIONS = [
  "lineInfo",
  "activeOptions",
  "activePromotions",
  "activeServices",
  "credit",
] as const;

export type Section = (typeof SECTIONS)[number];

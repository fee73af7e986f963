"""The translation memory: confirmed segments, exact and fuzzy matches, TMX; no Qt."""

"""The termbase and everything that knows about terms; no Qt."""

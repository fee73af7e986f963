"""The translation memory in the window: the TM panel, concordance, confirmed segments synced."""

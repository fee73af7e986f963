"""Checks on a bilingual segment: terms, figures with units, dates, form."""

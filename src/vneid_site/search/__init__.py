"""Search: one index per language, folded for Vietnamese typed without diacritics."""

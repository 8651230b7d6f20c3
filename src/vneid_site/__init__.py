"""Build code of the bilingual guide site: plain modules that MkDocs hooks call.

Nothing in this package imports MkDocs, so the same code runs from scripts, tests and other
site generators.
"""

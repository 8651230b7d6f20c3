"""Build code of the bilingual guide site: plain modules that MkDocs hooks call.

Nothing in this package imports MkDocs but config_schema.py, which checks mkdocs.yml's `extra`
settings with MkDocs' own config options: the rest runs from scripts, tests and other site
generators as it is.
"""

"""Languages: where each language's pages come from and are published, and hreflang links."""

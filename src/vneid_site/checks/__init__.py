"""Content checks contributors and CI run, translation parity, and the page-change summary."""

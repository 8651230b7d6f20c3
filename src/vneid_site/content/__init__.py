"""Page sources: front matter and its schema, Markdown read without rendering, text
encodings, and print link addresses."""

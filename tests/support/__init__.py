"""Helpers the tests share: building sites, reading pages and PDFs, browsers and servers."""

"""QR codes, printable flyers, previews and print packs, made with Typst and cached."""

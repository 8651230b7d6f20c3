"""What a phone downloads: subset web fonts, and compressed copies of the site's text files."""

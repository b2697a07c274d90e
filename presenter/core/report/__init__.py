"""Session reports built from records: data, text, formats, HTML."""

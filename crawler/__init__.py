"""evwatch crawler: the Scrapy project, seeds, text extraction and the command line."""

"""Local replica of the four source sites, for tests and the demo."""

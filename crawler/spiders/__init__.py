"""Spiders, one per source, all driven by a seed file."""

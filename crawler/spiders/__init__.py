"""Spiders that need code beyond their seed file; every other seed gets the generic spider."""

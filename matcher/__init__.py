"""Matcher: ranking of circular and seasonal job pairings."""

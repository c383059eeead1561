"""Shared kernel of the labour pathways services: plumbing, no business rules."""

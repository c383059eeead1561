"""Local stack, seeding and deployment files."""

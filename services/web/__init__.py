"""Flask base shared by the services: factory, errors, health, security."""

from services.web.app import allow_large_body, create_service_app

__all__ = ["allow_large_body", "create_service_app"]

"""Dependency injection: the one place routes obtain Services (tests override it)."""

from __future__ import annotations

from fastapi import Request

from habeas.services.context import Services


def get_services(request: Request) -> Services:
    """The Services built by ``create_app``; created lazily so nothing connects at startup."""
    services: Services | None = request.app.state.services
    if services is None:
        services = Services(request.app.state.settings)
        request.app.state.services = services
    return services

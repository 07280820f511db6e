"""The composition root of the web application.

``create_app(settings)`` wires settings, templates, static files, error
handlers and routes. It builds no database connection: Services are created
on the first request (or injected by tests through ``app.state.services`` or
``app.dependency_overrides[get_services]``).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from habeas.services.context import Services
from habeas.settings import Settings, get_settings
from habeas.web import errors
from habeas.web.negotiate import make_templates
from habeas.web.routes import api, countries, facts, library, review, search, updates

STATIC_DIR = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    app = FastAPI(
        title="Habeas",
        summary="Sourced, reviewable data on immigration detention.",
        version="1",
        docs_url=None,  # served below from local assets: no CDN
        openapi_url="/openapi.json",
    )
    app.state.settings = settings or get_settings()
    app.state.services = services
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    errors.install(app)

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Habeas API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/library", status_code=302)

    for module in (library, facts, review, search, countries, updates):
        app.include_router(module.router, include_in_schema=False)
    app.include_router(api.router, prefix="/api/v1")
    return app

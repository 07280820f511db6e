"""The Habeas web application: server-rendered pages and the REST API (``create_app``)."""

from habeas.web.app import create_app

__all__ = ["create_app"]

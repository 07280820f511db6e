"""One view dict, two formats: HTML through a template, or the same dict as JSON.

A route calls ``respond(request, template, view)``; JSON is chosen by a
``.json`` suffix on the path or an ``Accept: application/json`` header, so the
page and its JSON twin cannot drift apart.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

TEMPLATES_DIR = Path(__file__).parent / "templates"


def _default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def to_jsonable(view: dict[str, Any]) -> Any:
    """Drop keys meant only for templates (prefixed ``_``) and make the rest plain JSON."""
    public = {k: v for k, v in view.items() if not k.startswith("_")}
    return json.loads(json.dumps(public, default=_default, ensure_ascii=False))


def json_response(view: Any, status_code: int = 200, *, drop_private: bool = True) -> Response:
    """``view`` as JSON in one serialisation pass (no round trip, no FastAPI re-encoding),
    with the same keys and values as ``to_jsonable``."""
    public = ({k: v for k, v in view.items() if not k.startswith("_")}
              if drop_private and isinstance(view, dict) else view)
    body = json.dumps(public, default=_default, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(body.encode("utf-8"), status_code=status_code, media_type="application/json")


def wants_json(request: Request) -> bool:
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    from habeas.web import filters

    filters.install(templates.env)
    return templates


def respond(request: Request, template: str, view: dict[str, Any], status_code: int = 200) -> Response:
    if wants_json(request):
        return json_response(view, status_code)
    return render_html(request, template, view, status_code)


def render_html(request: Request, template: str, view: dict[str, Any], status_code: int = 200
                ) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    context = dict(view)
    context.setdefault("active", "")
    return templates.TemplateResponse(request, template, context, status_code=status_code)

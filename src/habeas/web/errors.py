"""Every error answers in one shape: ``{"code": ..., "message": ...}`` (HTML pages get a page).

HabeasError subclasses carry their own code and HTTP status; FastAPI's 404s
and validation errors are mapped into the same shape so API clients can rely
on ``code`` alone.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from habeas.errors import HabeasError
from habeas.web.negotiate import render_html, wants_json

HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 409: "conflict", 413: "file_too_large",
              415: "unsupported_format", 422: "validation_failed"}


def _answer(request: Request, status: int, body: dict[str, object]) -> Response:
    if request.url.path.startswith("/api/") or wants_json(request):
        return JSONResponse(body, status_code=status)
    if request.headers.get("hx-request"):
        return JSONResponse(body, status_code=status)
    return render_html(request, "error.html", {"error": body, "status": status}, status)


def install(app: FastAPI) -> None:
    @app.exception_handler(HabeasError)
    async def habeas_error(request: Request, exc: HabeasError) -> Response:
        return _answer(request, exc.http_status, dict(exc.to_dict()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return _answer(request, exc.status_code, {"code": code, "message": message})

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"where": ".".join(str(p) for p in err.get("loc", ())), "problem": err.get("msg", "")}
                    for err in exc.errors()]
        message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems) or "invalid request"
        return _answer(request, 422, {"code": "validation_failed", "message": message,
                                      "problems": problems})

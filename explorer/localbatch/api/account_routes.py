"""HTTP handlers for what the account offers: supported images, usage metrics, applications."""

from __future__ import annotations

from aiohttp import web

from explorer.localbatch.api.http_app import document_response, list_response
from explorer.localbatch.api.services import services_of
from explorer.localbatch.operations.images import SUPPORTED_IMAGES


async def supported_images(request: web.Request) -> web.Response:
    return list_response(request, SUPPORTED_IMAGES, "supportedimages", prepared=True)


async def usage_metrics(request: web.Request) -> web.Response:
    return list_response(request, services_of(request).account.usage_metrics(), "poolusagemetrics", prepared=True)


async def list_applications(request: web.Request) -> web.Response:
    return list_response(request, services_of(request).account.applications(), "applications", prepared=True)


async def get_application(request: web.Request) -> web.Response:
    application = services_of(request).account.application(request.match_info["application"])
    return document_response(request, application, "applications/@Element")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/supportedimages", supported_images, allow_head=False)
    app.router.add_get("/poolusagemetrics", usage_metrics, allow_head=False)
    app.router.add_get("/applications", list_applications, allow_head=False)
    app.router.add_get("/applications/{application}", get_application, allow_head=False)

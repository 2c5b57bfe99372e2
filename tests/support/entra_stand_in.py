"""Microsoft Entra ID stood in for at azure-core's transport: the real azure-identity credentials and msal
run unchanged (authority discovery, device-code flow, token cache, refresh), and only the HTTP answers are
made here, in the shapes the identity platform's v2.0 endpoints document (OpenID configuration, instance
discovery, devicecode, token with id_token and client_info). Counts the sign-ins (device codes issued) and
the refresh-token grants, so a test can tell a silent token from one that asked the user.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

import requests
from azure.core.pipeline.transport import HttpTransport, RequestsTransportResponse
from requests.structures import CaseInsensitiveDict

AUTHORITY = "login.microsoftonline.com"
TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"
USER_OID = "1c2a1b61-7e56-4d8c-a4a5-2f1f4c9a2e11"
USERNAME = "ada@contoso.com"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def jwt(claims: dict) -> str:
    """A token shaped as Entra's (header.claims.signature); msal reads an id_token's claims, it checks no signature."""
    return f"{_b64({'typ': 'JWT', 'alg': 'RS256', 'kid': 'stand-in'})}.{_b64(claims)}.c2lnbmF0dXJl"


@dataclass
class EntraStandIn(HttpTransport):
    """An azure-core transport answering as the identity platform does; pass it as `transport=`."""

    device_codes: int = 0
    refresh_grants: int = 0
    requests: list[str] = field(default_factory=list)

    def __enter__(self) -> EntraStandIn:
        return self

    def __exit__(self, *args) -> None:
        pass

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def send(self, request, **kwargs):
        url = urlparse(request.url)
        self.requests.append(f"{request.method} {url.path}")
        tenant = url.path.strip("/").split("/")[0]
        base = f"https://{url.netloc}/{tenant}"
        if url.path.endswith("/discovery/instance"):
            return self._json(request, {
                "tenant_discovery_endpoint": f"https://{AUTHORITY}/{tenant}/v2.0/.well-known/openid-configuration",
                "api-version": "1.1",
                "metadata": [{"preferred_network": AUTHORITY, "preferred_cache": AUTHORITY,
                              "aliases": [AUTHORITY, "login.windows.net", "login.microsoft.com", "sts.windows.net"]}],
            })
        if url.path.endswith("/.well-known/openid-configuration"):
            return self._json(request, {
                "token_endpoint": f"{base}/oauth2/v2.0/token", "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                "issuer": f"https://{AUTHORITY}/{TENANT_ID}/v2.0", "jwks_uri": f"{base}/discovery/v2.0/keys",
                "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
                "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
                "tenant_region_scope": "WW", "cloud_instance_name": "microsoftonline.com",
            })
        form = {k: v[0] for k, v in parse_qs((request.content or b"").decode() if isinstance(request.content, bytes)
                                             else str(request.content or "")).items()}
        if url.path.endswith("/oauth2/v2.0/devicecode"):
            self.device_codes += 1
            return self._json(request, {
                "user_code": "GQ7T-K2PL", "device_code": uuid.uuid4().hex, "verification_uri": "https://microsoft.com/devicelogin",
                "expires_in": 900, "interval": 1,
                "message": "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter "
                           "the code GQ7T-K2PL to authenticate.",
            })
        if url.path.endswith("/oauth2/v2.0/token"):
            if form.get("grant_type") == "refresh_token":
                self.refresh_grants += 1
            return self._json(request, self._tokens(form, tenant))
        return self._json(request, {"error": "invalid_request", "error_description": f"AADSTS900144: {url.path}"}, 400)

    def _tokens(self, form: dict, tenant: str) -> dict:
        now = int(time.time())
        client_id = form.get("client_id", "04b07795-8ddb-461a-bbee-02f9e1bf7b46")
        id_token = jwt({
            "aud": client_id, "iss": f"https://{AUTHORITY}/{TENANT_ID}/v2.0", "iat": now, "nbf": now, "exp": now + 3600,
            "name": "Ada Lovelace", "oid": USER_OID, "preferred_username": USERNAME, "sub": "s-" + USER_OID,
            "tid": TENANT_ID, "ver": "2.0",
        })
        return {
            "token_type": "Bearer", "scope": form.get("scope", ""), "expires_in": 3600, "ext_expires_in": 3600,
            "access_token": jwt({"aud": "https://batch.core.windows.net/", "oid": USER_OID, "tid": TENANT_ID,
                                 "exp": now + 3600, "nbf": now, "iat": now}),
            "refresh_token": "0.AR-refresh-" + uuid.uuid4().hex, "id_token": id_token,
            "client_info": _b64({"uid": USER_OID, "utid": TENANT_ID}),
        }

    @staticmethod
    def _json(request, body: dict, status: int = 200) -> RequestsTransportResponse:
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(body).encode()
        response.headers = CaseInsensitiveDict({"Content-Type": "application/json; charset=utf-8"})
        response.reason = "OK" if status == 200 else "Bad Request"
        response.url = request.url
        return RequestsTransportResponse(request, response)

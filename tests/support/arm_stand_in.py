"""A stand-in for Azure Resource Manager on loopback (TLS, as ARM: bearer tokens go over https only).

It answers with the shapes of the REST spec's examples (Azure/azure-rest-api-specs:
Microsoft.Subscription 2016-06-01 listSubscriptions, Microsoft.Batch BatchAccountList and
BatchAccountGetKeys, Microsoft.Storage 2023-05-01 StorageAccountGetProperties and
StorageAccountListKeys), refuses a request without a bearer token as ARM does (401), and
records what was asked. The app's management clients are driven against it unchanged.
"""

from __future__ import annotations

import datetime
import ipaddress
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

SUBSCRIPTION = "83aa47df-e3e9-49ff-877b-94304bf3d3ad"
RESOURCE_GROUP = "default-azurebatch-japaneast"


@dataclass
class BatchAccountShape:
    name: str
    location: str
    endpoint: str
    primary: str
    secondary: str
    storage: str | None = "samplestorage"
    storage_blob: str | None = None
    """The auto-storage's blob endpoint (a real Azurite's, to upload to); https://NAME.blob... if None."""
    storage_key: str = "<value>"

    def body(self) -> dict:
        base = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{RESOURCE_GROUP}/providers"
        properties: dict = {
            "accountEndpoint": self.endpoint, "provisioningState": "Succeeded", "poolAllocationMode": "BatchService",
            "dedicatedCoreQuota": 20, "lowPriorityCoreQuota": 20, "poolQuota": 20, "activeJobAndJobScheduleQuota": 20,
            "publicNetworkAccess": "Enabled",
        }
        if self.storage:
            properties["autoStorage"] = {
                "storageAccountId": f"{base}/Microsoft.Storage/storageAccounts/{self.storage}",
                "lastKeySync": "2016-03-10T23:48:38.9878479Z",
            }
        return {
            "name": self.name, "location": self.location, "properties": properties, "identity": {"type": "None"},
            "id": f"{base}/Microsoft.Batch/batchAccounts/{self.name}", "type": "Microsoft.Batch/batchAccounts",
        }


@dataclass
class ArmStandIn:
    accounts: list[BatchAccountShape]
    requests: list[str] = field(default_factory=list)

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._bearer_only])
        app.router.add_get("/subscriptions", self._subscriptions)
        app.router.add_get("/subscriptions/{sub}/providers/Microsoft.Batch/batchAccounts", self._accounts)
        app.router.add_post(
            "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Batch/batchAccounts/{name}/listKeys", self._keys
        )
        storage = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{name}"
        app.router.add_get(storage, self._storage_properties)
        app.router.add_post(storage + "/listKeys", self._storage_keys)
        return app

    def _storage_of(self, request: web.Request) -> BatchAccountShape | None:
        return next((a for a in self.accounts if a.storage == request.match_info["name"]), None)

    async def _storage_properties(self, request: web.Request) -> web.Response:
        account = self._storage_of(request)
        if account is None:
            return web.json_response({"error": {"code": "ResourceNotFound", "message": "no such account"}}, status=404)
        name = account.storage
        blob = account.storage_blob or f"https://{name}.blob.core.windows.net"
        return web.json_response({
            "id": request.path, "kind": "StorageV2", "location": account.location, "name": name,
            "type": "Microsoft.Storage/storageAccounts", "sku": {"name": "Standard_LRS", "tier": "Standard"},
            "properties": {
                "creationTime": "2017-06-01T02:42:41.7633306Z", "provisioningState": "Succeeded",
                "primaryLocation": account.location, "statusOfPrimary": "available",
                "primaryEndpoints": {"blob": blob.rstrip("/") + "/", "queue": f"https://{name}.queue.core.windows.net/",
                                     "table": f"https://{name}.table.core.windows.net/",
                                     "file": f"https://{name}.file.core.windows.net/"},
                "encryption": {"keySource": "Microsoft.Storage"}, "supportsHttpsTrafficOnly": True,
            },
        })

    async def _storage_keys(self, request: web.Request) -> web.Response:
        account = self._storage_of(request)
        if account is None:
            return web.json_response({"error": {"code": "ResourceNotFound", "message": "no such account"}}, status=404)
        return web.json_response({"keys": [
            {"keyName": "key1", "permissions": "Full", "value": account.storage_key},
            {"keyName": "key2", "permissions": "Full", "value": account.storage_key},
        ]})

    @web.middleware
    async def _bearer_only(self, request: web.Request, handler):
        self.requests.append(f"{request.method} {request.path}")
        if not request.headers.get("Authorization", "").startswith("Bearer "):
            return web.json_response({"error": {"code": "AuthenticationFailed", "message": "no token"}}, status=401)
        return await handler(request)

    async def _subscriptions(self, request: web.Request) -> web.Response:
        return web.json_response({"value": [{
            "id": f"/subscriptions/{SUBSCRIPTION}", "authorizationSource": "Legacy", "subscriptionId": SUBSCRIPTION,
            "displayName": "SubscriptionName", "state": "Enabled",
            "subscriptionPolicies": {"locationPlacementId": "Internal_2014-09-01", "quotaId": "Internal_2014-09-01",
                                     "spendingLimit": "Off"},
        }]})

    async def _accounts(self, request: web.Request) -> web.Response:
        if request.match_info["sub"] != SUBSCRIPTION:
            return web.json_response({"error": {"code": "SubscriptionNotFound", "message": "no such"}}, status=404)
        return web.json_response({"value": [account.body() for account in self.accounts]})

    async def _keys(self, request: web.Request) -> web.Response:
        for account in self.accounts:
            if account.name == request.match_info["name"]:
                return web.json_response(
                    {"accountName": account.name, "primary": account.primary, "secondary": account.secondary}
                )
        return web.json_response({"error": {"code": "ResourceNotFound", "message": "no such account"}}, status=404)


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (and its key): the CA bundle the clients are told to trust."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "arm.pem", directory / "arm.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ))
    return cert_path, key_path


async def serve(stand_in: ArmStandIn, directory: Path) -> tuple[web.AppRunner, str, Path]:
    """Start it on a free loopback port: (runner to clean up, https base URL, CA bundle path)."""
    cert_path, key_path = self_signed_certificate(directory)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    runner = web.AppRunner(stand_in.app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"https://127.0.0.1:{port}", cert_path

"""Microsoft Entra ID sign-in: clouds, one sign-in per profile kept across starts, sign-out.

- Clouds: the authority host, the Batch token scope and Resource Manager of Azure's public
  cloud, Azure China (21Vianet) and Azure US Government.
- Sign in once: browser and device-code credentials get azure-identity's persistent token
  cache (`TokenCachePersistenceOptions`: encrypted where the OS offers it — libsecret, DPAPI,
  Keychain — else a user-only file, as the Azure CLI keeps its own), one named cache per
  profile, and the profile's saved `AuthenticationRecord` (which account signed in, not a
  secret) from `sign-ins/` in the config dir. With both, a restart gets its tokens silently;
  only the first start, or one after sign-out, asks.
- Sign out: the record goes, and so do the account's tokens (access, refresh, id) and account
  entry, removed from the profile's named cache through msal's own cache API, whatever keeps
  it (file, libsecret, Keychain, DPAPI), and from the cache all profiles shared before
  caches were per profile.
- Device code: the prompt (URL, code, expiry) is handed to the caller on the event loop,
  so the window can show it; azure-identity would print it on stdout.
- A method that cannot work here says so before anything starts (no `az` on PATH, no browser).

Tests replace the credential builder: the sign-in is the one boundary stood in for.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from azure.core.credentials import AccessToken, TokenCredential
from azure.core.credentials_async import AsyncTokenCredential

if TYPE_CHECKING:
    # azure-identity takes ~0.2 s to import: paid when an Entra profile signs in, not at every start.
    from azure.identity import AuthenticationRecord

from explorer.client.connecting.profiles import AzureCloud, EntraAuthMethod, EntraProfile
from explorer.client.errors import SignInError
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

TOKEN_CACHE_NAME = "mpi-explorer"
"""The cache all profiles shared before each got its own (`cache_name`); sign-out cleans it too."""


def cache_name(profile: EntraProfile) -> str:
    """The profile's own persistent token cache: signing out of one profile leaves the others signed in."""
    return f"{TOKEN_CACHE_NAME}-{profile.record_name.removesuffix('.json')}"


@dataclass(frozen=True)
class CloudEndpoints:
    label: str
    authority_host: str
    batch_scope: str
    resource_manager: str

    @property
    def management_scope(self) -> str:
        return f"{self.resource_manager}/.default"


CLOUDS: dict[AzureCloud, CloudEndpoints] = {
    AzureCloud.PUBLIC: CloudEndpoints(
        "Azure (public)", "login.microsoftonline.com", "https://batch.core.windows.net//.default",
        "https://management.azure.com",
    ),
    AzureCloud.CHINA: CloudEndpoints(
        "Azure China", "login.chinacloudapi.cn", "https://batch.chinacloudapi.cn/.default",
        "https://management.chinacloudapi.cn",
    ),
    AzureCloud.US_GOVERNMENT: CloudEndpoints(
        "Azure US Government", "login.microsoftonline.us", "https://batch.core.usgovcloudapi.net/.default",
        "https://management.usgovcloudapi.net",
    ),
}

METHOD_LABELS = {
    EntraAuthMethod.INTERACTIVE_BROWSER: "Browser",
    EntraAuthMethod.DEVICE_CODE: "Device code",
    EntraAuthMethod.AZURE_CLI: "Azure CLI (az login)",
    EntraAuthMethod.DEFAULT: "Default chain (environment, managed identity, tools)",
}
INTERACTIVE = (EntraAuthMethod.INTERACTIVE_BROWSER, EntraAuthMethod.DEVICE_CODE)

DeviceCodePrompt = Callable[[str, str, datetime], None]
"""Called with (verification URL, user code, expiry) so the UI can show them."""


CredentialBuilder = Callable[[EntraProfile, "AuthenticationRecord | None", "DeviceCodePrompt | None"], Any]


class ThreadedTokenCredential:
    """An AsyncTokenCredential over a synchronous one (browser/device-code sign-in block)."""

    def __init__(self, credential: TokenCredential) -> None:
        self._credential = credential

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        return await asyncio.to_thread(self._credential.get_token, *scopes, **kwargs)

    async def authenticate(self, *, scopes: list[str]) -> AuthenticationRecord:
        """The interactive sign-in (browser or device code), in a thread; its record identifies the account."""
        return await asyncio.to_thread(self._credential.authenticate, scopes=scopes)  # type: ignore[attr-defined]

    async def close(self) -> None:
        close = getattr(self._credential, "close", None)
        if close:
            close()

    async def __aenter__(self) -> ThreadedTokenCredential:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def build_entra_credential(
    profile: EntraProfile, record: AuthenticationRecord | None = None, prompt: DeviceCodePrompt | None = None,
    **options: Any,
):
    """The azure-identity credential for the profile's sign-in method (no sign-in yet).

    `options` go to the interactive credentials (azure-core pipeline options, e.g. a `transport`)."""
    from azure.identity import DeviceCodeCredential, InteractiveBrowserCredential
    from azure.identity.aio import AzureCliCredential, DefaultAzureCredential

    tenant = profile.tenant_id or None
    cloud = CLOUDS[profile.cloud]
    method = profile.auth_method
    if method is EntraAuthMethod.AZURE_CLI:
        return AzureCliCredential(tenant_id=tenant or "")
    if method is EntraAuthMethod.DEFAULT:
        # DefaultAzureCredential takes its tenant from AZURE_TENANT_ID and the tools it chains.
        return DefaultAzureCredential(authority=cloud.authority_host)
    common: dict[str, Any] = {
        # A record carries its own authority (and client id): azure-identity refuses both given at once.
        "tenant_id": tenant, "authentication_record": record, **({} if record else {"authority": cloud.authority_host}),
        "cache_persistence_options": _persistence(cache_name(profile)),
        # Without a record nothing is in the cache for this profile: `authenticate` asks first.
        "disable_automatic_authentication": False,
        **options,
    }
    if method is EntraAuthMethod.DEVICE_CODE:
        return ThreadedTokenCredential(DeviceCodeCredential(prompt_callback=prompt, **common))
    return ThreadedTokenCredential(InteractiveBrowserCredential(**common))


def _persistence(name: str) -> Any:
    from azure.identity import TokenCachePersistenceOptions

    return TokenCachePersistenceOptions(name=name, allow_unencrypted_storage=True)


def clear_cached_tokens(profile: EntraProfile, record: AuthenticationRecord | None) -> int:
    """Remove the profile's tokens and account from the persistent caches; how many entries went. Blocking.

    The profile's own cache holds nothing else: all of it goes. From the cache profiles shared
    before, only the entries of the record's account. Through azure-identity's loader (so the
    same store it writes: libsecret, Keychain, DPAPI or the plain file) and msal's cache API."""
    from azure.identity._persistent_cache import _load_persistent_cache  # the loader its credentials use
    from msal import TokenCache

    kinds = (
        TokenCache.CredentialType.ACCESS_TOKEN, TokenCache.CredentialType.REFRESH_TOKEN,
        TokenCache.CredentialType.ID_TOKEN, TokenCache.CredentialType.ACCOUNT,
    )
    removed = 0
    account = {"home_account_id": record.home_account_id} if record is not None else None
    for name, query in ((cache_name(profile), None), (TOKEN_CACHE_NAME, account)):
        if name == TOKEN_CACHE_NAME and query is None:
            continue  # no record: nothing tells which of the shared entries were this profile's
        for is_cae in (False, True):  # azure-identity keeps tokens with and without CAE apart
            try:
                cache = _load_persistent_cache(_persistence(name), is_cae)
            except Exception as error:  # no usable store: nothing was cached there either
                log.info("No token cache %r to clean: %s", name, type(error).__name__)
                continue
            for kind in kinds:
                for entry in list(cache.search(kind, query=query)):
                    cache.modify(kind, entry)
                    removed += 1
    return removed


def method_problem(method: EntraAuthMethod) -> Text | None:
    """Why `method` cannot sign in on this machine, or None. May block briefly: call it in a thread."""
    if method is EntraAuthMethod.AZURE_CLI and shutil.which("az") is None:
        return Text.of(QT_TRANSLATE_NOOP(
            "SignIn", "The Azure CLI (az) is not on PATH: install it and run `az login`, or choose the browser or "
                      "device-code sign-in."))
    if method is EntraAuthMethod.INTERACTIVE_BROWSER:
        try:
            webbrowser.get()
        except webbrowser.Error:
            return Text.of(QT_TRANSLATE_NOOP(
                "SignIn", "No web browser can be opened from here: choose the device-code sign-in and use a browser "
                          "elsewhere."))
    return None


class EntraSignIn:
    """Credentials for Entra profiles: the saved record reused, a first sign-in saved, sign-out."""

    def __init__(self, records_dir: Path, builder: CredentialBuilder = build_entra_credential) -> None:
        self.records_dir = records_dir
        self._builder = builder

    def record_path(self, profile: EntraProfile) -> Path:
        return self.records_dir / profile.record_name

    async def credential(self, profile: EntraProfile, prompt: DeviceCodePrompt | None = None) -> AsyncTokenCredential:
        """A credential that gets tokens for the profile, signing in first if it never did.

        `prompt` (device code) is called on the event loop. Raises SignInError when the
        method cannot work here or the sign-in fails."""
        problem = await asyncio.to_thread(method_problem, profile.auth_method)
        if problem:
            raise SignInError(problem)
        record = await asyncio.to_thread(self._load_record, profile)
        credential = self._builder(profile, record, on_loop(prompt))
        if record is None and profile.auth_method in INTERACTIVE:
            try:
                record = await credential.authenticate(scopes=[CLOUDS[profile.cloud].batch_scope])
            except Exception as error:
                await credential.close()
                raise SignInError(Text.of(QT_TRANSLATE_NOOP(
                    "SignIn", "Signing in to Microsoft Entra ID did not complete: {reason}"),
                    reason=_reason(error))) from None
            await asyncio.to_thread(self._save_record, profile, record)
            log.info("Signed in for profile %r; the sign-in is kept for the next start", profile.name)
        return credential

    def signed_in(self, profile: EntraProfile) -> bool:
        return self.record_path(profile).is_file()

    def sign_out(self, profile: EntraProfile) -> None:
        """Forget the profile's sign-in, its cached tokens with it: the next connection asks again.
        Blocking (file I/O, maybe the OS's secret store)."""
        record = self._load_record(profile)
        removed = clear_cached_tokens(profile, record)  # whatever the method is now: it may have been another
        self.record_path(profile).unlink(missing_ok=True)
        log.info("Signed out of profile %r (%d cached token entries removed)", profile.name, removed)

    def _load_record(self, profile: EntraProfile) -> AuthenticationRecord | None:
        from azure.identity import AuthenticationRecord

        try:
            return AuthenticationRecord.deserialize(self.record_path(profile).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("The saved sign-in of %r is unreadable; signing in again", profile.name)
            return None

    def _save_record(self, profile: EntraProfile, record: AuthenticationRecord) -> None:
        path = self.record_path(profile)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(record.serialize(), encoding="utf-8")
        tmp.replace(path)


def on_loop(prompt: DeviceCodePrompt | None) -> DeviceCodePrompt | None:
    """The prompt, called on the running loop (azure-identity calls it from its worker thread)."""
    if prompt is None:
        return None
    loop = asyncio.get_running_loop()

    def on_loop(url: str, code: str, expires: datetime) -> None:
        loop.call_soon_threadsafe(prompt, url, code, expires)

    return on_loop


def _reason(error: BaseException) -> str:
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return message.strip().splitlines()[0][:300]


def record_summary(path: Path) -> str | None:
    """Who a saved sign-in is for ('user@contoso.com'), for the dialog; None if there is none."""
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("username") or "") or None
    except (OSError, ValueError):
        return None

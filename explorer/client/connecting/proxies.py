"""Proxies: loopback never goes through one; the app's own setting (system, none, manual); errors that say so.

- Loopback endpoints (Local Batch, Azurite) are reached directly whatever `http_proxy` and
  friends say: `bypass_loopback` adds them to NO_PROXY/no_proxy of this process (and so of
  the Local Batch it starts, which fetches resource files from Azurite), and
  `client_options` turns the environment off for a loopback endpoint.
- `ProxySettings`: SYSTEM uses the environment's proxy variables; NONE connects directly;
  MANUAL sends everything but loopback through `url`, with a user name whose password is
  in the credential store (`PROXY_SECRET`), never in a file or the environment.
- `explain` adds to a connection error which proxy the request went through, when one did.
"""

from __future__ import annotations

import ipaddress
import logging
import urllib.request
from collections.abc import MutableMapping
from dataclasses import dataclass
from enum import Enum
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from explorer.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
PROXY_SECRET = "proxy-password"


def is_loopback_host(host: str | None) -> bool:
    """localhost, 127.0.0.0/8 or ::1: the services of this machine (Local Batch, Azurite)."""
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False



class ProxyMode(str, Enum):
    SYSTEM = "system"
    NONE = "none"
    MANUAL = "manual"


@dataclass(frozen=True)
class ProxySettings:
    mode: ProxyMode = ProxyMode.SYSTEM
    url: str = ""
    username: str = ""

    def to_dict(self) -> dict:
        return {"mode": self.mode.value, "url": self.url, "username": self.username}

    @classmethod
    def from_dict(cls, data: dict | None) -> ProxySettings:
        if not data:
            return cls()
        return cls(ProxyMode(data.get("mode", "system")), str(data.get("url") or ""), str(data.get("username") or ""))


def check_proxy_url(url: str) -> str | None:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "A proxy URL looks like http://proxy.example.com:3128."
    if parts.username or parts.password:
        return "Put the proxy's user name in its own field (the password is kept in the keyring), not in the URL."
    return None


def bypass_loopback(environ: MutableMapping[str, str]) -> None:
    """Add the loopback hosts to NO_PROXY and no_proxy (both the same, existing entries kept)."""
    entries: list[str] = []
    for name in ("no_proxy", "NO_PROXY"):
        for entry in environ.get(name, "").split(","):
            if entry.strip() and entry.strip() not in entries:
                entries.append(entry.strip())
    entries += [host for host in LOOPBACK_HOSTS if host not in entries]
    environ["no_proxy"] = environ["NO_PROXY"] = ",".join(entries)


def client_options(endpoint: str, settings: ProxySettings, password: str | None = None) -> dict[str, Any]:
    """Keyword arguments for an azure-core client (BatchClient, blob clients) reaching `endpoint`."""
    if is_loopback_host(urlsplit(endpoint).hostname) or settings.mode is ProxyMode.NONE:
        return {"use_env_settings": False}
    if settings.mode is ProxyMode.MANUAL and settings.url:
        url = _with_credentials(settings.url, settings.username, password)
        return {"use_env_settings": False, "proxies": {"http": url, "https": url}}
    return {}


def _with_credentials(url: str, username: str, password: str | None) -> str:
    if not username:
        return url
    parts = urlsplit(url)
    userinfo = quote(username, safe="") + (f":{quote(password, safe='')}" if password else "")
    netloc = f"{userinfo}@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def proxy_for(endpoint: str, settings: ProxySettings) -> tuple[str, Text] | None:
    """(proxy URL without credentials, where it comes from) for a request to `endpoint`, or None."""
    parts = urlsplit(endpoint)
    if is_loopback_host(parts.hostname) or settings.mode is ProxyMode.NONE:
        return None
    if settings.mode is ProxyMode.MANUAL:
        if not settings.url:
            return None
        return settings.url, Text.of(QT_TRANSLATE_NOOP("AccountChecks", "the proxy setting in Connection > Accounts…"))
    proxies = urllib.request.getproxies()
    url = proxies.get(parts.scheme) or proxies.get("all")
    if not url or (parts.hostname and urllib.request.proxy_bypass(parts.hostname)):
        return None
    return _without_credentials(url), Text.of(QT_TRANSLATE_NOOP("AccountChecks", "the environment's {variable}"),
                                              variable=f"{parts.scheme}_proxy")


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    if not (parts.username or parts.password):
        return url
    return urlunsplit(parts._replace(netloc=(parts.hostname or "") + (f":{parts.port}" if parts.port else "")))


def explain(reason: Text, endpoint: str, settings: ProxySettings) -> Text:
    """`reason` (a connection error, already described), and the proxy it went through if any."""
    proxy = proxy_for(endpoint, settings)
    if proxy is None:
        return reason
    url, source = proxy
    return Text.of(QT_TRANSLATE_NOOP(
        "AccountChecks", "{reason} — the request went through the proxy {proxy} ({source}). Check that the proxy runs "
        "and lets this host through, or set the proxy to “none” in Connection > Accounts… > Proxy (or add the host "
        "to NO_PROXY)."), reason=reason, proxy=url, source=source)

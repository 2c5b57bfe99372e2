"""What an account's fields must look like, checked as the user types (no I/O).

Each check returns None when the value is fine, else one sentence saying what is wrong
and how to fix it. The texts never repeat a key.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from explorer.client.connecting.profiles import ENVIRONMENT_PROFILE_NAME, LOCAL_PROFILE_NAME
from explorer.client.connecting.proxies import is_loopback_host

ACCOUNT_NAME = re.compile(r"^[a-z0-9]{3,24}$")
TENANT = re.compile(
    r"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$"
)
BATCH_HOST_SUFFIXES = (".batch.azure.com", ".batch.chinacloudapi.cn", ".batch.usgovcloudapi.net")


def check_profile_name(name: str, taken: Iterable[str] = ()) -> str | None:
    name = name.strip()
    if not name:
        return "Give the account a name, as it will appear in the Connection menu."
    if name in (LOCAL_PROFILE_NAME, ENVIRONMENT_PROFILE_NAME):
        return f"“{name}” is the name of a built-in account: choose another."
    if name in set(taken):
        return f"There is already an account named “{name}”."
    if len(name) > 80:
        return "Keep the name under 80 characters."
    return None


def check_account_name(name: str) -> str | None:
    if not name:
        return "Enter the Batch account's name (the first part of its URL)."
    if not ACCOUNT_NAME.match(name):
        return "A Batch account name has 3 to 24 characters, lowercase letters and digits only."
    return None


def check_account_url(url: str, *, https_only: bool = False) -> str | None:
    """An account URL: https://ACCOUNT.REGION.batch.azure.com, or http(s) on loopback (Local Batch)."""
    url = url.strip()
    if not url:
        return "Enter the account URL, e.g. https://myaccount.westeurope.batch.azure.com."
    parts = urlsplit(url if "://" in url else f"https://{url}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "The account URL starts with https:// and names a host, e.g. https://myaccount.westeurope.batch.azure.com."
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return "The account URL is the host only: leave out any path or query."
    loopback = is_loopback_host(parts.hostname)
    if parts.scheme == "http" and (https_only or not loopback):
        if https_only and loopback:
            return "Microsoft Entra ID sign-in needs an https:// account URL."
        return "Azure Batch is reached over https://; plain http:// is for a Local Batch on this computer only."
    if not loopback and not parts.hostname.lower().endswith(BATCH_HOST_SUFFIXES):
        return "That is not a Batch account URL: it ends in .batch.azure.com (or the China / US Government equivalent)."
    return None


def account_name_from_url(url: str) -> str:
    """The account name an Azure account URL starts with ('' for loopback or unparsable URLs)."""
    host = urlsplit(url if "://" in url else f"https://{url}").hostname or ""
    return "" if is_loopback_host(host) or "." not in host else host.split(".", 1)[0]


def normalized_url(url: str) -> str:
    """The URL as it is saved: scheme added when missing, no trailing slash."""
    url = url.strip().rstrip("/")
    return url if "://" in url else f"https://{url}"


def check_shared_key(key: str, *, required: bool = True) -> str | None:
    key = key.strip()
    if not key:
        return "Paste the account's primary or secondary access key." if required else None
    try:
        decoded = base64.b64decode(key, validate=True)
    except (binascii.Error, ValueError):
        return "That is not an access key: a key is base64 text (letters, digits, + / and = at the end)."
    if len(decoded) < 16:
        return "That key is too short: paste the whole key (88 characters for an Azure Batch key)."
    return None


def check_tenant(tenant: str) -> str | None:
    tenant = tenant.strip()
    if tenant and not TENANT.match(tenant):
        return "A tenant is a GUID or a domain such as contoso.onmicrosoft.com (leave it empty for your home tenant)."
    return None


def check_storage_url(url: str) -> str | None:
    url = url.strip()
    if not url:
        return "Enter the storage account's blob endpoint, e.g. https://mystorage.blob.core.windows.net."
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "The blob endpoint starts with https://, e.g. https://mystorage.blob.core.windows.net."
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        return "Azure Storage is reached over https://; plain http:// is for Azurite on this computer only."
    return None


def check_storage_account_name(name: str) -> str | None:
    if not ACCOUNT_NAME.match(name):
        return "A storage account name has 3 to 24 characters, lowercase letters and digits only."
    return None

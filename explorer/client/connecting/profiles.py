"""Connection profiles and the JSON file that keeps them.

A profile says where to connect and how to authenticate, never with what secret:
shared keys live in the credential store (keyring), Entra ID tokens in the identity
library's own cache. The file has a schema version so later releases can migrate it.

The file (`profiles.json` in the user config dir):

    {"schema_version": 1, "selected": "Prod", "profiles": [
      {"kind": "local", "name": "Local Batch", "data_dir": null},
      {"kind": "shared_key", "name": "Prod", "account_name": "prodbatch",
       "account_url": "https://prodbatch.westeurope.batch.azure.com",
       "storage": {"account_name": "prodstore", "blob_url": "https://prodstore.blob.core.windows.net"}},
      {"kind": "entra", "name": "Lab", "account_url": "https://lab.eastus.batch.azure.com",
       "auth_method": "device_code", "tenant_id": "contoso.onmicrosoft.com", "cloud": "public"}]}

`storage` is optional (the storage linked for uploads; its key is in the credential store
too, or, with `"auth": "entra"` on an Entra profile, there is no key: the sign-in signs). An account named "environment" is offered, never saved, while AZURE_BATCH_ENDPOINT,
AZURE_BATCH_ACCOUNT and AZURE_BATCH_ACCESS_KEY are set (as the az CLI reads them).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

import platformdirs

from explorer.client.connecting.proxies import ProxySettings
from explorer.client.errors import ProfileError
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

APP_NAME = "mpi-explorer"
SCHEMA_VERSION = 1
PROFILES_FILE = "profiles.json"
LOCAL_PROFILE_NAME = "Local Batch"
ENVIRONMENT_PROFILE_NAME = "environment"
SHARED_KEY_PREFIX = "shared-key:"
ENV_ENDPOINT, ENV_ACCOUNT, ENV_KEY = "AZURE_BATCH_ENDPOINT", "AZURE_BATCH_ACCOUNT", "AZURE_BATCH_ACCESS_KEY"


class EntraAuthMethod(str, Enum):
    INTERACTIVE_BROWSER = "interactive_browser"
    DEVICE_CODE = "device_code"
    AZURE_CLI = "azure_cli"
    DEFAULT = "default"


class AzureCloud(str, Enum):
    """The Azure cloud an Entra ID account lives in (authority host, Batch scope, ARM: see `entra`)."""

    PUBLIC = "public"
    CHINA = "china"
    US_GOVERNMENT = "usgov"


class StorageAuth(str, Enum):
    """How the client signs for a linked storage account."""

    SHARED_KEY = "shared_key"
    """The storage account's key, kept in the credential store."""
    ENTRA = "entra"
    """The Entra profile's own sign-in; SAS URLs are user-delegation SAS (no key anywhere)."""


@dataclass(frozen=True)
class StorageLink:
    """The storage account a Batch profile uploads local files to (its key, if any, is in the credential store)."""

    account_name: str
    blob_url: str
    auth: StorageAuth = StorageAuth.SHARED_KEY

    @property
    def secret_name(self) -> str:
        return f"storage-key:{self.account_name}@{self.blob_url.rstrip('/').lower()}"


@dataclass(frozen=True)
class LocalBatchProfile:
    """The embedded Local Batch service; `data_dir=None` means the user data dir."""

    name: str = LOCAL_PROFILE_NAME
    data_dir: Path | None = None

    kind = "local"

    def resolved_data_dir(self) -> Path:
        return self.data_dir or Path(platformdirs.user_data_dir(APP_NAME)) / "localbatch"


@dataclass(frozen=True)
class SharedKeyProfile:
    """A Batch account reached with its shared key (kept in the credential store)."""

    name: str
    account_name: str
    account_url: str
    storage: StorageLink | None = None

    kind = "shared_key"

    @property
    def secret_name(self) -> str:
        """Key of the account key in the credential store: survives renaming the profile."""
        return f"{SHARED_KEY_PREFIX}{self.account_name}@{self.account_url.rstrip('/').lower()}"


@dataclass(frozen=True)
class EntraProfile:
    """A Batch account reached with a Microsoft Entra ID token."""

    name: str
    account_url: str
    auth_method: EntraAuthMethod = EntraAuthMethod.INTERACTIVE_BROWSER
    tenant_id: str | None = None
    cloud: AzureCloud = AzureCloud.PUBLIC
    storage: StorageLink | None = None

    kind = "entra"

    @property
    def record_name(self) -> str:
        """File name of the saved sign-in (AuthenticationRecord): survives renaming the profile."""
        safe = "".join(c if c.isalnum() else "_" for c in self.account_url.lower().removeprefix("https://"))
        return f"{self.cloud.value}-{safe}.json"


Profile = LocalBatchProfile | SharedKeyProfile | EntraProfile
_KINDS: dict[str, type] = {cls.kind: cls for cls in (LocalBatchProfile, SharedKeyProfile, EntraProfile)}


@dataclass(frozen=True)
class ProfileSet:
    """All profiles (Local Batch always first) and the name of the selected one."""

    profiles: tuple[Profile, ...] = (LocalBatchProfile(),)
    selected: str = LOCAL_PROFILE_NAME
    proxy: ProxySettings = ProxySettings()

    def __post_init__(self) -> None:
        names = [p.name for p in self.profiles]
        if len(set(names)) != len(names):
            raise ProfileError(Text.of(QT_TRANSLATE_NOOP("Profiles", "profile names must be unique")))
        if self.selected not in names:
            raise ProfileError(Text.of(QT_TRANSLATE_NOOP("Profiles", "the selected profile '{name}' does not exist"),
                                       name=self.selected))

    def get(self, name: str) -> Profile:
        for profile in self.profiles:
            if profile.name == name:
                return profile
        raise ProfileError(Text.of(QT_TRANSLATE_NOOP("Profiles", "there is no profile named '{name}'"), name=name))

    @property
    def current(self) -> Profile:
        return self.get(self.selected)

    def names(self) -> list[str]:
        return [p.name for p in self.profiles]

    def put(self, profile: Profile, replacing: str | None = None) -> ProfileSet:
        """With `profile` added, or in the place of the profile named `replacing` (kept selected)."""
        if replacing is None:
            return replace(self, profiles=(*self.profiles, profile))
        self.get(replacing)
        profiles = tuple(profile if p.name == replacing else p for p in self.profiles)
        return replace(self, profiles=profiles, selected=profile.name if self.selected == replacing else self.selected)

    def without(self, name: str) -> ProfileSet:
        """Without the profile `name` (Local Batch stays; the default falls back to it)."""
        if isinstance(self.get(name), LocalBatchProfile) and name == LOCAL_PROFILE_NAME:
            raise ProfileError(Text.of(QT_TRANSLATE_NOOP(
                "Profiles", "Local Batch is always there: it cannot be removed")))
        profiles = tuple(p for p in self.profiles if p.name != name)
        return replace(self, profiles=profiles, selected=self.selected if self.selected != name else profiles[0].name)

    def with_selected(self, name: str) -> ProfileSet:
        return replace(self, selected=self.get(name).name)

    def saved(self) -> ProfileSet:
        """What goes to the file: the "environment" account is the environment's, not the file's."""
        profiles = tuple(p for p in self.profiles if p.name != ENVIRONMENT_PROFILE_NAME)
        selected = self.selected if self.selected != ENVIRONMENT_PROFILE_NAME else profiles[0].name
        return replace(self, profiles=profiles, selected=selected)


def environment_profile(environ: Mapping[str, str]) -> SharedKeyProfile | None:
    """The "environment" account, while AZURE_BATCH_ENDPOINT, _ACCOUNT and _ACCESS_KEY are all set."""
    endpoint, account = environ.get(ENV_ENDPOINT, "").strip(), environ.get(ENV_ACCOUNT, "").strip()
    if not (endpoint and account and environ.get(ENV_KEY, "").strip()):
        return None
    if "://" not in endpoint:
        endpoint = f"https://{endpoint}"  # the az CLI takes the bare host too
    return SharedKeyProfile(ENVIRONMENT_PROFILE_NAME, account, endpoint)


def with_environment(profile_set: ProfileSet, environ: Mapping[str, str]) -> ProfileSet:
    """The profiles, and the "environment" account after them when the environment defines one."""
    profile = environment_profile(environ)
    if profile is None or ENVIRONMENT_PROFILE_NAME in profile_set.names():
        return profile_set
    return replace(profile_set, profiles=(*profile_set.profiles, profile))


def profile_to_dict(profile: Profile) -> dict:
    data: dict = {"kind": profile.kind, "name": profile.name}
    if isinstance(profile, LocalBatchProfile):
        data["data_dir"] = str(profile.data_dir) if profile.data_dir else None
        return data
    if isinstance(profile, SharedKeyProfile):
        data.update(account_name=profile.account_name, account_url=profile.account_url)
    else:
        data.update(
            account_url=profile.account_url, auth_method=profile.auth_method.value, tenant_id=profile.tenant_id,
            cloud=profile.cloud.value,
        )
    if profile.storage is not None:
        data["storage"] = {"account_name": profile.storage.account_name, "blob_url": profile.storage.blob_url}
        if profile.storage.auth is not StorageAuth.SHARED_KEY:
            data["storage"]["auth"] = profile.storage.auth.value
    return data


def _storage_from_dict(data: dict) -> StorageLink | None:
    storage = data.get("storage")
    if not storage:
        return None
    return StorageLink(storage["account_name"], storage["blob_url"], StorageAuth(storage.get("auth") or "shared_key"))


def profile_from_dict(data: dict) -> Profile:
    try:
        kind = data["kind"]
        if kind == LocalBatchProfile.kind:
            data_dir = data.get("data_dir")
            return LocalBatchProfile(name=data["name"], data_dir=Path(data_dir) if data_dir else None)
        if kind == SharedKeyProfile.kind:
            return SharedKeyProfile(data["name"], data["account_name"], data["account_url"], _storage_from_dict(data))
        if kind == EntraProfile.kind:
            return EntraProfile(
                data["name"], data["account_url"], EntraAuthMethod(data["auth_method"]), data.get("tenant_id"),
                AzureCloud(data.get("cloud") or AzureCloud.PUBLIC.value), _storage_from_dict(data),
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise ProfileError(Text.of(QT_TRANSLATE_NOOP("Profiles", "invalid profile entry: {reason}"),
                                   reason=str(exc))) from None
    raise ProfileError(Text.of(QT_TRANSLATE_NOOP("Profiles", "unknown profile kind '{kind}'"),
                               kind=str(data.get("kind"))))


@dataclass
class ProfileStore:
    """Reads and writes `profiles.json` in the user config dir (atomically)."""

    config_dir: Path = field(default_factory=lambda: Path(platformdirs.user_config_dir(APP_NAME)))

    @property
    def path(self) -> Path:
        return self.config_dir / PROFILES_FILE

    @property
    def sign_ins_dir(self) -> Path:
        """Where the Entra ID sign-in records (AuthenticationRecord, not secret) are kept, one per profile."""
        return self.config_dir / "sign-ins"

    def load(self) -> ProfileSet:
        """The saved profiles, or the default set (Local Batch only) if none were saved."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return ProfileSet()
        except (OSError, ValueError) as exc:
            raise ProfileError(Text.of(QT_TRANSLATE_NOOP("Profiles", "cannot read {path}: {reason}"),
                                       path=str(self.path), reason=str(exc))) from None
        version = raw.get("schema_version") if isinstance(raw, dict) else None
        if version != SCHEMA_VERSION:
            raise ProfileError(Text.of(QT_TRANSLATE_NOOP(
                "Profiles", "{path} has schema version {version}; this version of MPI Explorer reads {supported}"),
                path=str(self.path), version=repr(version), supported=SCHEMA_VERSION))
        profiles = tuple(profile_from_dict(entry) for entry in raw.get("profiles", []))
        if not any(isinstance(p, LocalBatchProfile) for p in profiles):
            profiles = (LocalBatchProfile(), *profiles)
        try:
            proxy = ProxySettings.from_dict(raw.get("proxy"))
        except (TypeError, ValueError, AttributeError) as exc:
            raise ProfileError(Text.of(QT_TRANSLATE_NOOP("Profiles", "invalid proxy setting in {path}: {reason}"),
                                       path=str(self.path), reason=str(exc))) from None
        return ProfileSet(profiles, raw.get("selected") or profiles[0].name, proxy)

    def save(self, profile_set: ProfileSet) -> None:
        profile_set = profile_set.saved()
        payload = {
            "schema_version": SCHEMA_VERSION,
            "selected": profile_set.selected,
            "profiles": [profile_to_dict(p) for p in profile_set.profiles],
            "proxy": profile_set.proxy.to_dict(),
        }
        self.config_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.config_dir, prefix=".profiles.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, indent=2)
            os.replace(tmp, self.path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ProfileError(Text.of(QT_TRANSLATE_NOOP("Profiles", "cannot write {path}: {reason}"),
                                       path=str(self.path), reason=str(exc))) from None
        log.info("Saved %d profiles to %s", len(profile_set.profiles), self.path)

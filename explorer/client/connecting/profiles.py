"""Connection profiles and the JSON file that keeps them.

A profile says where to connect and how to authenticate, never with what secret:
shared keys live in the credential store (keyring), Entra ID tokens in the identity
library's own cache. The file has a schema version so later releases can migrate it.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import platformdirs

from explorer.client.errors import ProfileError

log = logging.getLogger(__name__)

APP_NAME = "mpi-explorer"
SCHEMA_VERSION = 1
PROFILES_FILE = "profiles.json"
LOCAL_PROFILE_NAME = "Local Batch"


class EntraAuthMethod(str, Enum):
    INTERACTIVE_BROWSER = "interactive_browser"
    DEVICE_CODE = "device_code"
    AZURE_CLI = "azure_cli"
    DEFAULT = "default"


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

    kind = "shared_key"

    @property
    def secret_name(self) -> str:
        """Key of the account key in the credential store: survives renaming the profile."""
        return f"shared-key:{self.account_name}@{self.account_url.rstrip('/').lower()}"


@dataclass(frozen=True)
class EntraProfile:
    """A Batch account reached with a Microsoft Entra ID token."""

    name: str
    account_url: str
    auth_method: EntraAuthMethod = EntraAuthMethod.INTERACTIVE_BROWSER
    tenant_id: str | None = None

    kind = "entra"


Profile = LocalBatchProfile | SharedKeyProfile | EntraProfile
_KINDS: dict[str, type] = {cls.kind: cls for cls in (LocalBatchProfile, SharedKeyProfile, EntraProfile)}


@dataclass(frozen=True)
class ProfileSet:
    """All profiles (Local Batch always first) and the name of the selected one."""

    profiles: tuple[Profile, ...] = (LocalBatchProfile(),)
    selected: str = LOCAL_PROFILE_NAME

    def __post_init__(self) -> None:
        names = [p.name for p in self.profiles]
        if len(set(names)) != len(names):
            raise ProfileError("profile names must be unique")
        if self.selected not in names:
            raise ProfileError(f"selected profile {self.selected!r} does not exist")

    def get(self, name: str) -> Profile:
        for profile in self.profiles:
            if profile.name == name:
                return profile
        raise ProfileError(f"no profile named {name!r}")

    @property
    def current(self) -> Profile:
        return self.get(self.selected)


def profile_to_dict(profile: Profile) -> dict:
    data: dict = {"kind": profile.kind, "name": profile.name}
    if isinstance(profile, LocalBatchProfile):
        data["data_dir"] = str(profile.data_dir) if profile.data_dir else None
    elif isinstance(profile, SharedKeyProfile):
        data.update(account_name=profile.account_name, account_url=profile.account_url)
    else:
        data.update(account_url=profile.account_url, auth_method=profile.auth_method.value, tenant_id=profile.tenant_id)
    return data


def profile_from_dict(data: dict) -> Profile:
    try:
        kind = data["kind"]
        if kind == LocalBatchProfile.kind:
            data_dir = data.get("data_dir")
            return LocalBatchProfile(name=data["name"], data_dir=Path(data_dir) if data_dir else None)
        if kind == SharedKeyProfile.kind:
            return SharedKeyProfile(data["name"], data["account_name"], data["account_url"])
        if kind == EntraProfile.kind:
            return EntraProfile(
                data["name"], data["account_url"], EntraAuthMethod(data["auth_method"]), data.get("tenant_id")
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise ProfileError(f"invalid profile entry: {exc}") from None
    raise ProfileError(f"unknown profile kind {data.get('kind')!r}")


@dataclass
class ProfileStore:
    """Reads and writes `profiles.json` in the user config dir (atomically)."""

    config_dir: Path = field(default_factory=lambda: Path(platformdirs.user_config_dir(APP_NAME)))

    @property
    def path(self) -> Path:
        return self.config_dir / PROFILES_FILE

    def load(self) -> ProfileSet:
        """The saved profiles, or the default set (Local Batch only) if none were saved."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return ProfileSet()
        except (OSError, ValueError) as exc:
            raise ProfileError(f"cannot read {self.path}: {exc}") from None
        version = raw.get("schema_version") if isinstance(raw, dict) else None
        if version != SCHEMA_VERSION:
            raise ProfileError(f"{self.path} has schema version {version!r}; this version reads {SCHEMA_VERSION}")
        profiles = tuple(profile_from_dict(entry) for entry in raw.get("profiles", []))
        if not any(isinstance(p, LocalBatchProfile) for p in profiles):
            profiles = (LocalBatchProfile(), *profiles)
        return ProfileSet(profiles, raw.get("selected") or profiles[0].name)

    def save(self, profile_set: ProfileSet) -> None:
        payload = {
            "schema_version": SCHEMA_VERSION,
            "selected": profile_set.selected,
            "profiles": [profile_to_dict(p) for p in profile_set.profiles],
        }
        self.config_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.config_dir, prefix=".profiles.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, indent=2)
            os.replace(tmp, self.path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ProfileError(f"cannot write {self.path}: {exc}") from None
        log.info("Saved %d profiles to %s", len(profile_set.profiles), self.path)

"""Batch JSON for the parts tasks and start tasks share: resource files,
environment settings and user identities."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from explorer.core.batch_json.json_reader import JsonObject, without_none
from explorer.core.specs.environment import EnvironmentSetting
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.user_identity import AutoUser, AutoUserScope, ElevationLevel, UserIdentity

# Every ResourceFile field is an optional string; this maps it to its JSON name.
_RESOURCE_FILE_KEYS = {
    "http_url": "httpUrl",
    "storage_container_url": "storageContainerUrl",
    "auto_storage_container_name": "autoStorageContainerName",
    "blob_prefix": "blobPrefix",
    "file_path": "filePath",
    "file_mode": "fileMode",
}


def resource_files_to_json(resources: Sequence[ResourceFile]) -> list[dict[str, object]]:
    return [_resource_file_to_json(resource) for resource in resources]


def _resource_file_to_json(resource: ResourceFile) -> dict[str, object]:
    data: dict[str, object] = {key: getattr(resource, name) for name, key in _RESOURCE_FILE_KEYS.items()}
    if resource.identity_reference is not None:
        data["identityReference"] = {"resourceId": resource.identity_reference}
    return without_none(data)


def resource_files_from_json(parent: JsonObject, key: str) -> tuple[ResourceFile, ...]:
    resources = []
    for item in parent.object_list(key):
        fields = {name: item.optional_string(json_key) for name, json_key in _RESOURCE_FILE_KEYS.items()}
        identity = item.optional_object("identityReference")
        if identity is not None:
            fields["identity_reference"] = identity.string("resourceId")
            identity.finish()
        resources.append(ResourceFile(**fields))
        item.finish()
    return tuple(resources)


def environment_to_json(settings: Sequence[EnvironmentSetting]) -> list[dict[str, object]]:
    return [without_none({"name": setting.name, "value": setting.value}) for setting in settings]


def environment_from_json(parent: JsonObject, key: str) -> tuple[EnvironmentSetting, ...]:
    settings = []
    for item in parent.object_list(key):
        settings.append(EnvironmentSetting(item.string("name"), item.optional_string("value")))
        item.finish()
    return tuple(settings)


def user_identity_to_json(identity: UserIdentity) -> dict[str, object]:
    auto_user = identity.auto_user
    auto_user_json = None
    if auto_user is not None:
        auto_user_json = without_none(
            {
                "scope": _value_of(auto_user.scope),
                "elevationLevel": _value_of(auto_user.elevation_level),
            }
        )
    # "username" (not "userName") is the REST name of this one field.
    return without_none({"username": identity.user_name, "autoUser": auto_user_json})


def _value_of(choice: Enum | None) -> str | None:
    return None if choice is None else choice.value


def user_identity_from_json(parent: JsonObject, key: str) -> UserIdentity | None:
    item = parent.optional_object(key)
    if item is None:
        return None
    auto_user = None
    auto_user_item = item.optional_object("autoUser")
    if auto_user_item is not None:
        auto_user = AutoUser(
            auto_user_item.optional_choice("scope", AutoUserScope),
            auto_user_item.optional_choice("elevationLevel", ElevationLevel),
        )
        auto_user_item.finish()
    identity = UserIdentity(item.optional_string("username"), auto_user)
    item.finish()
    return identity

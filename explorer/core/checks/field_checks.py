"""Checks for the parts task and pool specs share: ids, commands, URLs, resource
files, environment variables, user identities and durations.

Each check yields Problems for the field path it is given, at most one per field,
so a user fixes one thing at a time and sees the most basic mistake first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import timedelta
from urllib.parse import urlsplit

from explorer.core.checks.ids import check_id
from explorer.core.checks.problems import Problem
from explorer.core.durations import BATCH_MAX_DURATION
from explorer.core.specs.environment import EnvironmentSetting, is_reserved
from explorer.core.specs.resource_files import ResourceFile
from explorer.core.specs.user_identity import UserIdentity
from explorer.core.texts import QT_TRANSLATE_NOOP, Text

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FILE_MODE = re.compile(r"[0-7]{3,4}")
_CONTAINER_NAME = re.compile(r"[a-z0-9-]+")
_EXAMPLE_BLOB_URL = "https://ACCOUNT.blob.core.windows.net/CONTAINER/FILE?SAS"
_EXAMPLE_CONTAINER_URL = "https://ACCOUNT.blob.core.windows.net/CONTAINER?SAS"


def id_problems(value: str, field: str, kind: str | Text) -> Iterator[Problem]:
    issue = check_id(value, kind)
    if issue is not None:
        yield Problem(field, issue.message, issue.fix)


def command_line_problems(value: str, field: str, what: Text) -> Iterator[Problem]:
    if not value.strip():
        yield Problem(field, Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} is empty."), what=what),
                      Text.of(QT_TRANSLATE_NOOP(
                          "FieldChecks", "Enter the {what}, or pick an MPI preset to fill it in."),
                              what=what))


def url_problems(url: str, field: str, what: Text, example: str) -> Iterator[Problem]:
    """Problems with a URL Batch downloads from: it must be a well-formed http(s) URL."""
    if not url.strip():
        yield Problem(field, Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} is empty."), what=what),
                      Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Paste a URL such as {example}."), example=example))
        return
    if any(character.isspace() for character in url):
        yield Problem(
            field, Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} contains spaces or line breaks."), what=what),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Encode spaces as %20 and remove line breaks.")),
        )
        return
    if "://" not in url:
        yield Problem(
            field, Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} '{url}' does not start with a scheme."),
                           what=what, url=url),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Start it with https://, as in {example}."), example=example),
        )
        return
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} uses '{scheme}:', but Batch downloads only over http "
                                      "and https."), what=what, scheme=parts.scheme),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Use an https:// URL, as in {example}."), example=example),
        )
        return
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when it is read
    except ValueError:
        yield Problem(field, Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} has an invalid port."), what=what),
                      Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Use a port number between 0 and 65535, or none.")))
        return
    if not parts.hostname:
        yield Problem(field, Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} '{url}' has no host name."),
                                     what=what, url=url),
                      Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Write it as {example}."), example=example))


def container_url_problems(url: str, field: str) -> Iterator[Problem]:
    """A container URL must name the container and no blob inside it.

    Emulators (Azurite) put the account in the path (http://127.0.0.1:10000/ACCOUNT/CONTAINER),
    so "one path segment" is only enforced for *.blob.* hosts.
    """
    what = Text.of(QT_TRANSLATE_NOOP("FieldChecks", "storage container URL"))
    found = list(url_problems(url, field, what, _EXAMPLE_CONTAINER_URL))
    if found:
        yield from found
        return
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if not segments:
        yield Problem(
            field, Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} names no container."), what=what),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Add the container after the host: {example}."),
                    example=_EXAMPLE_CONTAINER_URL),
        )
    elif ".blob." in (parts.hostname or "") and len(segments) > 1:
        inside = "/".join(segments[1:])
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP(
                "FieldChecks", "The {what} points inside container '{container}' (at '{inside}') rather than at "
                "the container."), what=what, container=segments[0], inside=inside),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "End the URL after '/{container}' and put '{inside}' in the blob "
                                      "prefix, or use an HTTP URL to download a single file."),
                    container=segments[0], inside=inside),
        )


def container_name_problems(name: str, field: str) -> Iterator[Problem]:
    """Azure Storage container names: 3-63 lowercase letters, digits and single hyphens."""
    if not 3 <= len(name) <= 63:
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Container name '{name}' has {length} characters; Azure Storage "
                                      "needs 3 to 63."), name=name, length=len(name)),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Use the name of an existing container in the linked storage "
                                      "account.")),
        )
    elif name != name.lower():
        yield Problem(
            field, Text.of(QT_TRANSLATE_NOOP(
                       "FieldChecks", "Container name '{name}' contains capital letters; container names are "
                       "lowercase."), name=name),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Use '{name}'."), name=name.lower()),
        )
    elif not _CONTAINER_NAME.fullmatch(name):
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Container name '{name}' contains characters other than letters, "
                                      "digits and hyphens."), name=name),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Remove them; container names use only a-z, 0-9 and '-'.")),
        )
    elif name.startswith("-") or name.endswith("-") or "--" in name:
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Container name '{name}' starts or ends with a hyphen or has two "
                                      "in a row."), name=name),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Use single hyphens between letters or digits.")),
        )


def _file_path_problems(resource: ResourceFile, field: str) -> Iterator[Problem]:
    path = resource.file_path
    if path is None:
        if resource.http_url is not None:
            yield Problem(
                field,
                Text.of(QT_TRANSLATE_NOOP("FieldChecks", "A file downloaded from an HTTP URL needs a file path.")),
                Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Enter the name to save it as, e.g. 'input.dat'.")),
            )
        return
    segments = re.split(r"[/\\]", path)
    if not path.strip():
        yield Problem(
            field, Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The file path is empty.")),
            Text.of(QT_TRANSLATE_NOOP(
                "FieldChecks", "Enter a path relative to the task directory, or leave it unset.")),
        )
    elif path.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", path):
        relative = path.lstrip("/\\")
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The file path '{path}' is absolute; Batch saves files under the "
                                      "task directory."), path=path),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Use a relative path such as '{relative}'."),
                    relative=relative or "input.dat"),
        )
    elif ".." in segments:
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The file path '{path}' uses '..' to leave the task directory, "
                                      "which Batch refuses."), path=path),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Remove the '..' parts.")),
        )


def resource_file_problems(resource: ResourceFile, field: str) -> Iterator[Problem]:
    sources = resource.sources
    if not sources:
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The resource file has no source.")),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Set an HTTP URL, a storage container URL or an auto-storage "
                                      "container name.")),
        )
        return
    if len(sources) > 1:
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The resource file has {count} sources ({sources}); Batch takes "
                                      "exactly one."), count=len(sources), sources=", ".join(sources)),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Keep one source and clear the others.")),
        )
        return
    if resource.http_url is not None:
        yield from url_problems(resource.http_url, f"{field}.http_url",
                                 Text.of(QT_TRANSLATE_NOOP("FieldChecks", "HTTP URL")), _EXAMPLE_BLOB_URL)
        if resource.blob_prefix is not None:
            yield Problem(
                f"{field}.blob_prefix",
                Text.of(QT_TRANSLATE_NOOP("FieldChecks", "A blob prefix applies only to container sources, not to an "
                                          "HTTP URL.")),
                Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Clear the blob prefix.")),
            )
    elif resource.storage_container_url is not None:
        yield from container_url_problems(resource.storage_container_url, f"{field}.storage_container_url")
    elif resource.auto_storage_container_name is not None:
        yield from container_name_problems(resource.auto_storage_container_name, f"{field}.auto_storage_container_name")
    yield from _file_path_problems(resource, f"{field}.file_path")
    if resource.file_mode is not None and not _FILE_MODE.fullmatch(resource.file_mode):
        yield Problem(
            f"{field}.file_mode",
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The file mode '{mode}' is not an octal permission."),
                    mode=resource.file_mode),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Use 3 or 4 octal digits, such as 0755 (executable) or 0644 "
                                      "(read-only for others).")),
        )


def resource_files_problems(resources: Sequence[ResourceFile], field: str) -> Iterator[Problem]:
    for index, resource in enumerate(resources):
        yield from resource_file_problems(resource, f"{field}[{index}]")


def _environment_name_problems(name: str, field: str) -> Iterator[Problem]:
    if not name:
        yield Problem(
            field, Text.of(QT_TRANSLATE_NOOP("FieldChecks", "An environment variable has no name.")),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Enter a name such as OMP_NUM_THREADS, or remove the row.")),
        )
    elif name[0].isdigit():
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The environment variable name '{name}' starts with a digit."),
                    name=name),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Start it with a letter or '_', e.g. '{example}'."),
                    example=f"_{name}"),
        )
    elif not _ENV_NAME.fullmatch(name):
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The environment variable name '{name}' contains characters other "
                                      "than letters, digits and '_'."), name=name),
            Text.of(QT_TRANSLATE_NOOP(
                "FieldChecks", "Use e.g. '{example}'."), example=re.sub(r"[^A-Za-z0-9_]", "_", name)),
        )
    elif is_reserved(name):
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP(
                "FieldChecks", "'{name}' is set by Batch itself (AZ_BATCH_* and CCP_NODES describe the nodes to "
                "MPI)."), name=name),
            Text.of(QT_TRANSLATE_NOOP(
                "FieldChecks", "Choose another name; read Batch's value in your command instead.")),
        )


def environment_problems(settings: Sequence[EnvironmentSetting], field: str) -> Iterator[Problem]:
    first_index: dict[str, int] = {}
    for index, setting in enumerate(settings):
        name_field = f"{field}[{index}].name"
        found = list(_environment_name_problems(setting.name, name_field))
        yield from found
        if found:
            continue
        if setting.name in first_index:
            yield Problem(
                name_field,
                Text.of(QT_TRANSLATE_NOOP("FieldChecks", "'{name}' is set twice (rows {first} and {second})."),
                        name=setting.name, first=first_index[setting.name] + 1, second=index + 1),
                Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Remove one of them; only one value can take effect.")),
            )
        else:
            first_index[setting.name] = index


def user_identity_problems(identity: UserIdentity | None, field: str) -> Iterator[Problem]:
    if identity is None:
        return
    if identity.user_name is not None and identity.auto_user is not None:
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The identity names both a user and an auto-user; Batch takes one "
                                      "or the other.")),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Clear one of them.")),
        )
    elif identity.user_name is None and identity.auto_user is None:
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The user identity names neither a user nor an auto-user.")),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Choose an auto-user, enter a user name, or leave the identity "
                                      "unset.")),
        )
    elif identity.user_name is not None and not identity.user_name.strip():
        yield Problem(
            f"{field}.user_name", Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The user name is empty.")),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Enter the name of a user account defined on the pool.")),
        )


def duration_problems(
    value: timedelta | None, field: str, what: Text, *, allow_zero: bool, when_unset: Text
) -> Iterator[Problem]:
    """``when_unset`` says what Batch does without a value, e.g. "no limit"."""
    if value is None:
        return
    if value < timedelta(0) or (value == timedelta(0) and not allow_zero):
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} must be zero or more.") if allow_zero
                    else QT_TRANSLATE_NOOP("FieldChecks", "The {what} must be more than zero."), what=what),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Enter a duration such as 1 hour, or leave it unset for "
                                      "{when_unset}."), when_unset=when_unset),
        )
    elif value > BATCH_MAX_DURATION:
        yield Problem(
            field,
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "The {what} is longer than Batch's maximum of {most}."),
                    what=what, most=Text.of(QT_TRANSLATE_NOOP("FieldChecks", "{days} days"),
                                            days=BATCH_MAX_DURATION.days)),
            Text.of(QT_TRANSLATE_NOOP("FieldChecks", "Leave it unset for {when_unset}."), when_unset=when_unset),
        )

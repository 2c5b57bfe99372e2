"""`mpi-explorer accounts ...`: the accounts dialog, scriptable (how people automate and how we test).

    mpi-explorer accounts list                                        JSON, one object per account
    mpi-explorer accounts add-shared-key NAME --url URL --account ACCOUNT   key: stdin or AZURE_BATCH_ACCESS_KEY
    mpi-explorer accounts add-entra NAME --url URL [--tenant T] [--cloud C] [--method M]
    mpi-explorer accounts test NAME                                   one JSON line: pools and jobs found
    mpi-explorer accounts remove NAME
    mpi-explorer accounts set-default NAME
    mpi-explorer accounts sign-out NAME

A key never comes from argv (other users see it in `ps`). With no usable keyring the key
is not kept: the profile is saved and the command says how to get a keyring; until then
AZURE_BATCH_ACCESS_KEY gives that account its key for each run (`test`, `--profile`).
Exit codes: 0 done, 1 it failed (the reason on stderr), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable
from datetime import datetime

from explorer.client.connecting import account_fields as fields
from explorer.client.connecting.accounts import Accounts
from explorer.client.connecting.credentials import KEYRING_REMEDY, AccountCredentials
from explorer.client.connecting.entra import CLOUDS
from explorer.client.connecting.profiles import (
    ENV_KEY,
    AzureCloud,
    EntraAuthMethod,
    EntraProfile,
    LocalBatchProfile,
    ProfileSet,
    ProfileStore,
    SharedKeyProfile,
    profile_to_dict,
)
from explorer.client.errors import BatchLayerError, KeyringUnavailable


class UsageError(Exception):
    """Bad input: said on stderr, exit 2."""


def add_accounts_arguments(accounts: argparse.ArgumentParser) -> None:
    commands = accounts.add_subparsers(dest="accounts_command", required=True)
    commands.add_parser("list", help="the accounts, as JSON")
    shared = commands.add_parser("add-shared-key", help="add an Azure Batch account reached with its shared key")
    shared.add_argument("name", help="the account's name in MPI Explorer")
    shared.add_argument("--url", required=True, help="the account URL, https://ACCOUNT.REGION.batch.azure.com")
    shared.add_argument("--account", help="the Batch account name (default: from the URL)")
    entra = commands.add_parser("add-entra", help="add an Azure Batch account reached with Microsoft Entra ID")
    entra.add_argument("name")
    entra.add_argument("--url", required=True)
    entra.add_argument("--tenant", default="", help="tenant id or domain (default: your home tenant)")
    entra.add_argument("--cloud", choices=[c.value for c in AzureCloud], default=AzureCloud.PUBLIC.value)
    entra.add_argument(
        "--method", choices=[m.value for m in EntraAuthMethod], default=EntraAuthMethod.DEVICE_CODE.value,
        help="how to sign in (default: device_code, which works from any terminal)",
    )
    for name, text in (
        ("test", "connect and count the pools and jobs"), ("remove", "remove an account (and its stored keys)"),
        ("set-default", "the account the window opens on"), ("sign-out", "forget an Entra ID account's sign-in"),
    ):
        commands.add_parser(name, help=text).add_argument("name")


def run_accounts(args: argparse.Namespace, accounts: Accounts | None = None) -> int:
    accounts = accounts or Accounts(ProfileStore(), AccountCredentials(environ=os.environ))
    command: Callable[[argparse.Namespace, Accounts], int] = COMMANDS[args.accounts_command]
    try:
        return command(args, accounts)
    except UsageError as error:
        print(f"mpi-explorer accounts: {error}", file=sys.stderr)
        return 2
    except BatchLayerError as error:
        print(f"mpi-explorer accounts {args.accounts_command}: {error}", file=sys.stderr)
        return 1


def _list(args: argparse.Namespace, accounts: Accounts) -> int:
    profile_set = accounts.load()
    entries = []
    for profile in profile_set.profiles:
        entry = profile_to_dict(profile)
        entry["default"] = profile.name == profile_set.selected
        if isinstance(profile, SharedKeyProfile):
            entry["key_stored"] = bool(accounts.credentials.get_secret(profile.secret_name))
        if isinstance(profile, EntraProfile):
            entry["signed_in"] = accounts.factory().sign_in.signed_in(profile)
        entries.append(entry)
    print(json.dumps(entries, indent=2))
    return 0


def _add_shared_key(args: argparse.Namespace, accounts: Accounts) -> int:
    url = fields.normalized_url(args.url)
    account = args.account or fields.account_name_from_url(url)
    profile_set = accounts.load()
    _check(fields.check_profile_name(args.name, profile_set.names()), fields.check_account_url(url),
           fields.check_account_name(account))
    key = _read_key()
    profile = SharedKeyProfile(args.name, account, url)
    _save(accounts, profile_set.put(profile))
    try:
        accounts.credentials.set_secret(profile.secret_name, key)
        print(f"Added {args.name!r}; its key is in the keyring.", file=sys.stderr)
    except KeyringUnavailable:
        print(
            f"Added {args.name!r}, but its key was not kept. {KEYRING_REMEDY}\n"
            f"Until then, set {ENV_KEY} for `mpi-explorer accounts test {args.name}` and "
            f"`mpi-explorer --profile {args.name}`: it is this account's key for that run.", file=sys.stderr,
        )
    return 0


def _read_key() -> str:
    key = os.environ.get(ENV_KEY, "").strip()
    if not key:
        if sys.stdin.isatty():
            print("Paste the account's access key, then Enter (it is not echoed):", file=sys.stderr)
            import getpass

            key = getpass.getpass("")
        else:
            key = sys.stdin.readline().strip()
    _check(fields.check_shared_key(key))
    return key


def _add_entra(args: argparse.Namespace, accounts: Accounts) -> int:
    url = fields.normalized_url(args.url)
    profile_set = accounts.load()
    _check(fields.check_profile_name(args.name, profile_set.names()), fields.check_account_url(url, https_only=True),
           fields.check_tenant(args.tenant))
    profile = EntraProfile(args.name, url, EntraAuthMethod(args.method), args.tenant.strip() or None, AzureCloud(args.cloud))
    _save(accounts, profile_set.put(profile))
    print(f"Added {args.name!r} ({CLOUDS[profile.cloud].label}); it signs in on first use.", file=sys.stderr)
    return 0


def _test(args: argparse.Namespace, accounts: Accounts) -> int:
    profile = accounts.load().get(args.name)
    check = asyncio.run(accounts.test(profile, device_code_prompt=_print_device_code))
    print(json.dumps({"name": profile.name, "endpoint": check.endpoint, "pools": check.pool_count, "jobs": check.job_count}))
    return 0


def _print_device_code(url: str, code: str, expires: datetime) -> None:
    print(f"To sign in, open {url} and enter the code {code} (before {expires:%H:%M}).", file=sys.stderr)


def _remove(args: argparse.Namespace, accounts: Accounts) -> int:
    profile_set = accounts.load()
    profile = profile_set.get(args.name)
    if isinstance(profile, LocalBatchProfile) and profile.name == profile_set.profiles[0].name:
        raise UsageError("Local Batch is always there: it cannot be removed")
    _save(accounts, profile_set.without(args.name))
    asyncio.run(accounts.forget_secrets(profile))
    print(f"Removed {args.name!r} and its stored keys.", file=sys.stderr)
    return 0


def _set_default(args: argparse.Namespace, accounts: Accounts) -> int:
    _save(accounts, accounts.load().with_selected(args.name))
    return 0


def _sign_out(args: argparse.Namespace, accounts: Accounts) -> int:
    profile = accounts.load().get(args.name)
    if not isinstance(profile, EntraProfile):
        raise UsageError(f"{args.name!r} does not sign in with Microsoft Entra ID")
    accounts.factory().sign_in.sign_out(profile)
    return 0


def _save(accounts: Accounts, profile_set: ProfileSet) -> None:
    accounts.store.save(profile_set)


def _check(*problems: str | None) -> None:
    for problem in problems:
        if problem:
            raise UsageError(problem)


COMMANDS: dict[str, Callable[[argparse.Namespace, Accounts], int]] = {
    "list": _list, "add-shared-key": _add_shared_key, "add-entra": _add_entra, "test": _test,
    "remove": _remove, "set-default": _set_default, "sign-out": _sign_out,
}

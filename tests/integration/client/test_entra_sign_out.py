"""Sign in once, sign out for real: azure-identity's device-code credential and msal's persistent token cache,
unchanged, against Entra stood in for at the transport (tests/support/entra_stand_in). Sign-out removes the
profile's tokens from its cache, not only the saved AuthenticationRecord, so even the old record gets no
token without asking; another profile stays signed in."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from azure.identity import AuthenticationRecord, AuthenticationRequiredError

from explorer.client.connecting.entra import CLOUDS, EntraSignIn, build_entra_credential, cache_name
from explorer.client.connecting.profiles import AzureCloud, EntraAuthMethod, EntraProfile
from tests.support.entra_stand_in import USERNAME, EntraStandIn

SCOPE = CLOUDS[AzureCloud.PUBLIC].batch_scope
LAB = EntraProfile("Lab", "https://lab.westeurope.batch.azure.com", EntraAuthMethod.DEVICE_CODE, "contoso.onmicrosoft.com")
PROD = EntraProfile("Prod", "https://prod.eastus.batch.azure.com", EntraAuthMethod.DEVICE_CODE, "contoso.onmicrosoft.com")


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


async def token(sign_in: EntraSignIn, profile: EntraProfile, prompts: list | None = None) -> str:
    """What a connection does: a credential for the profile (signing in if it must), then a Batch token."""
    credential = await sign_in.credential(profile, (lambda *shown: prompts.append(shown)) if prompts is not None else None)
    try:
        return (await credential.get_token(SCOPE)).token
    finally:
        await credential.close()


@pytest.mark.asyncio
async def test_sign_out_removes_the_cached_tokens_so_the_next_sign_in_asks_again(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # where azure-identity keeps its caches on Linux
    entra = EntraStandIn()
    records = tmp_path / "config" / "sign-ins"

    def builder(profile, record, prompt, **options):
        return build_entra_credential(profile, record, prompt, transport=entra, **options)

    def start() -> EntraSignIn:  # each app start builds its own
        return EntraSignIn(records, builder)

    prompts: list = []
    await token(start(), LAB, prompts)
    await token(start(), PROD, prompts)
    assert entra.device_codes == 2 and [p[1] for p in prompts] == ["GQ7T-K2PL", "GQ7T-K2PL"]
    await token(start(), LAB)  # a restart: silent, from the persistent cache
    assert entra.device_codes == 2
    cache_file = tmp_path / "home" / ".IdentityService" / (cache_name(LAB) + ".nocae")
    assert "refreshtoken" in text(cache_file).lower() and "secret" in text(cache_file)
    saved = text(records / LAB.record_name)
    assert AuthenticationRecord.deserialize(saved).username == USERNAME

    sign_in = start()
    await asyncio.to_thread(sign_in.sign_out, LAB)

    assert not sign_in.signed_in(LAB) and "secret" not in text(cache_file)
    stale = builder(LAB, AuthenticationRecord.deserialize(saved), None, disable_automatic_authentication=True)
    with pytest.raises(AuthenticationRequiredError):  # the old record finds no token to use silently
        await stale.get_token(SCOPE)
    await stale.close()
    await token(start(), PROD)  # the other profile is still signed in
    assert entra.device_codes == 2
    prompts.clear()
    await token(start(), LAB, prompts)  # and the next sign-in to Lab asks again
    assert entra.device_codes == 3 and len(prompts) == 1

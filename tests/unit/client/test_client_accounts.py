"""Account fields, proxies, the environment's account, and keys with or without a keyring (no server)."""

from __future__ import annotations

import pytest
from keyring.backends import fail

from explorer.client.connecting import account_fields as checks
from explorer.client.connecting import proxies
from explorer.client.connecting.credentials import AccountCredentials, MemoryCredentialStore, keyring_usable
from explorer.client.connecting.profiles import (
    AzureCloud,
    EntraAuthMethod,
    EntraProfile,
    LocalBatchProfile,
    ProfileSet,
    ProfileStore,
    SharedKeyProfile,
    StorageLink,
    with_environment,
)
from explorer.client.connecting.proxies import ProxyMode, ProxySettings
from explorer.client.errors import KeyringUnavailable, ProfileError

KEY = "a2V5LWZvci10ZXN0cy1hdC1sZWFzdC0xNi1ieXRlcw=="
ENV = {"AZURE_BATCH_ENDPOINT": "prod.westeurope.batch.azure.com", "AZURE_BATCH_ACCOUNT": "prod",
       "AZURE_BATCH_ACCESS_KEY": KEY}


@pytest.mark.parametrize(
    ("url", "ok"),
    [("https://prod.westeurope.batch.azure.com", True), ("prod.chinanorth.batch.chinacloudapi.cn", True),
     ("https://prod.usgovvirginia.batch.usgovcloudapi.net/", True), ("http://127.0.0.1:8080", True),
     ("http://prod.westeurope.batch.azure.com", False), ("https://example.com", False),
     ("https://prod.westeurope.batch.azure.com/pools", False), ("", False)],
)
def test_account_urls(url, ok):
    assert (checks.check_account_url(url) is None) is ok


def test_entra_needs_https_even_on_loopback_and_names_and_keys_follow_the_rules():
    assert "Entra" in checks.check_account_url("http://127.0.0.1:8080", https_only=True)
    assert checks.check_account_name("prod01") is None and checks.check_account_name("Prod") is not None
    assert checks.check_account_name("ab") is not None and checks.check_account_name("a" * 25) is not None
    assert checks.check_shared_key(KEY) is None and "base64" in checks.check_shared_key("not a key")
    assert checks.check_shared_key("", required=False) is None and checks.check_shared_key("") is not None
    assert checks.check_tenant("contoso.onmicrosoft.com") is None and checks.check_tenant("") is None
    assert checks.check_tenant("72f988bf-86f1-41af-91ab-2d7cd011db47") is None and checks.check_tenant("no way")
    assert "already" in checks.check_profile_name("Lab", ["Lab"]) and checks.check_profile_name("environment")
    assert checks.account_name_from_url("https://prod.westeurope.batch.azure.com") == "prod"
    assert checks.account_name_from_url("http://127.0.0.1:1") == ""


def test_bypass_loopback_keeps_what_was_there_and_sets_both_spellings():
    environ = {"NO_PROXY": "corp.example.com", "no_proxy": "10.1.2.3"}
    proxies.bypass_loopback(environ)
    assert environ["no_proxy"] == environ["NO_PROXY"] == "10.1.2.3,corp.example.com,localhost,127.0.0.1,::1"
    proxies.bypass_loopback(environ)
    assert environ["NO_PROXY"].count("127.0.0.1") == 1


def test_client_options_per_endpoint_and_setting():
    manual = ProxySettings(ProxyMode.MANUAL, "http://proxy.corp:3128", "ada")
    azure = "https://prod.westeurope.batch.azure.com"
    assert proxies.client_options("http://127.0.0.1:5000", manual) == {"use_env_settings": False}
    assert proxies.client_options(azure, ProxySettings(ProxyMode.NONE)) == {"use_env_settings": False}
    assert proxies.client_options(azure, ProxySettings()) == {}
    options = proxies.client_options(azure, manual, "p@ss:word")
    assert options["proxies"]["https"] == "http://ada:p%40ss%3Aword@proxy.corp:3128"
    url, source = proxies.proxy_for(azure, manual)
    assert (url, str(source)) == ("http://proxy.corp:3128", "the proxy setting in Connection > Accounts…")
    assert proxies.check_proxy_url("http://ada:pw@proxy:1") is not None and proxies.check_proxy_url("proxy") is not None


def test_new_fields_round_trip_and_the_environment_account_is_offered_but_never_saved(tmp_path):
    store = ProfileStore(tmp_path)
    shared = SharedKeyProfile("Prod", "prod", "https://prod.westeurope.batch.azure.com",
                              StorageLink("prodstore", "https://prodstore.blob.core.windows.net"))
    entra = EntraProfile("Gov", "https://gov.usgovvirginia.batch.usgovcloudapi.net", EntraAuthMethod.DEVICE_CODE,
                         "contoso.onmicrosoft.us", AzureCloud.US_GOVERNMENT)
    profile_set = with_environment(ProfileSet((LocalBatchProfile(), shared, entra), "Prod",
                                              ProxySettings(ProxyMode.MANUAL, "http://proxy:3128", "ada")), ENV)
    assert profile_set.names() == ["Local Batch", "Prod", "Gov", "environment"]
    assert profile_set.get("environment").account_url == "https://prod.westeurope.batch.azure.com"
    store.save(profile_set.with_selected("environment"))
    loaded = store.load()
    assert loaded.profiles == (LocalBatchProfile(), shared, entra) and loaded.selected == "Local Batch"
    assert loaded.proxy == profile_set.proxy
    assert KEY not in store.path.read_text()


def test_put_and_without_keep_the_default_where_it_belongs():
    profile_set = ProfileSet((LocalBatchProfile(), SharedKeyProfile("Lab", "lab", "https://lab.eastus.batch.azure.com")),
                             "Lab")
    renamed = profile_set.put(SharedKeyProfile("Lab 2", "lab", "https://lab.eastus.batch.azure.com"), replacing="Lab")
    assert renamed.names() == ["Local Batch", "Lab 2"] and renamed.selected == "Lab 2"
    assert renamed.without("Lab 2").selected == "Local Batch"
    with pytest.raises(ProfileError, match="always there"):
        renamed.without("Local Batch")
    with pytest.raises(ProfileError, match="unique"):
        renamed.put(LocalBatchProfile())


def test_with_no_keyring_keys_are_refused_with_the_remedy_and_kept_for_the_session_on_request():
    class Untouchable(MemoryCredentialStore):
        def get_secret(self, name):
            raise AssertionError("an unusable keyring was asked")

    credentials = AccountCredentials(Untouchable(), usable=False)
    with pytest.raises(KeyringUnavailable, match="gnome-keyring"):
        credentials.set_secret("shared-key:lab@x", KEY)
    credentials.keep_for_session("shared-key:lab@x", KEY)
    assert credentials.get_secret("shared-key:lab@x") == KEY and credentials.is_session_only("shared-key:lab@x")
    assert KEY not in repr(credentials)


def test_the_environment_key_serves_its_account_and_a_matching_one_with_nothing_stored():
    credentials = AccountCredentials(MemoryCredentialStore(), environ=ENV, usable=True)
    env_profile = with_environment(ProfileSet(), ENV).get("environment")
    assert credentials.get_secret(env_profile.secret_name) == KEY
    assert credentials.get_secret(SharedKeyProfile("x", "prod", "https://other").secret_name) == KEY
    assert credentials.get_secret(SharedKeyProfile("x", "other", "https://other").secret_name) is None
    assert credentials.get_secret("storage-key:prod@x") is None


def test_keyring_usable_tells_the_fail_backend_from_a_real_one(monkeypatch):
    import keyring

    previous = keyring.get_keyring()
    try:
        keyring.set_keyring(fail.Keyring())
        assert not keyring_usable()
        from tests.unit.client.test_client_credentials import DictKeyring

        keyring.set_keyring(DictKeyring())
        assert keyring_usable()
    finally:
        keyring.set_keyring(previous)

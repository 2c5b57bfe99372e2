"""The suite's own settings take effect: random order, strict markers, our warnings are errors."""

from __future__ import annotations

import warnings

import pytest


def warn_from(module: str) -> None:
    """Warn as code of `module` does (the filters match the warning's module)."""
    exec(compile("import warnings\nwarnings.warn('a mistake', UserWarning)", module, "exec"), {"__name__": module})


@pytest.mark.parametrize("module", ["explorer.client.watching.monitor", "tests.support.waiting"])
def test_a_warning_from_our_code_is_an_error(module):
    with pytest.raises(UserWarning, match="a mistake"):
        warn_from(module)


def test_a_warning_from_another_package_is_not():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")  # what the ini leaves for others (pytest shows them)
        warn_from("aiohttp.client")
    assert [str(w.message) for w in caught] == ["a mistake"]


def test_the_order_is_random_and_the_markers_strict(pytestconfig):
    assert pytestconfig.pluginmanager.hasplugin("randomly")
    assert isinstance(pytestconfig.option.randomly_seed, int)
    assert pytestconfig.option.strict_markers and pytestconfig.option.strict_config
    assert pytestconfig.getini("qt_api") == "pyside6"

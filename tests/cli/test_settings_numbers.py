"""The numbers-must-agree switch of the duplicate step is reachable from [tool.seedclean]."""

from __future__ import annotations

import pytest

from seedclean.settings import SettingsError, merge, validate


def test_numbers_must_agree_from_a_settings_file() -> None:
    values = validate({"numbers-must-agree": False}, "pyproject.toml")
    assert merge(values, {}).dedup_config().numbers_must_agree is False
    assert merge({}, {}).dedup_config().numbers_must_agree is True


def test_numbers_must_agree_rejects_non_booleans() -> None:
    with pytest.raises(SettingsError, match="numbers-must-agree"):
        validate({"numbers-must-agree": "maybe"}, "pyproject.toml")

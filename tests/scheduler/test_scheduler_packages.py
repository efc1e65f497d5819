"""The new packages load their names lazily, and each listed name is there and reports its package."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PACKAGES = ["cdk_events.scheduler", "cdk_events.scheduler.targets", "cdk_events.pipes", "cdk_events.aws.inspector",
            "cdk_events.aws.sagemaker", "cdk_events.aws.cloudwatch"]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_listed_name_resolves_and_reports_its_package(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        if isinstance(value, type) and value.__module__.startswith("cdk_events"):
            assert value.__module__ == package, (package, name, value.__module__)
    with pytest.raises(AttributeError, match="has no attribute 'NoSuchName'"):
        module.NoSuchName  # noqa: B018


def test_core_exports_time_zone_and_cfn_tag() -> None:
    from cdk_events.core import CfnTag, TimeZone

    assert TimeZone.EUROPE_BERLIN.timezone_name == "Europe/Berlin"
    assert TimeZone.of("Mars/Olympus").timezone_name == "Mars/Olympus"  # not checked, as in the CDK
    assert TimeZone.of("Australia/Sydney") == TimeZone.AUSTRALIA_SYDNEY
    assert CfnTag(key="k", value="v").key == "k"


def test_importing_the_scheduler_does_not_load_the_targets_or_the_local_engine() -> None:
    code = ("import sys, cdk_events.scheduler as s; s.Schedule; "
            "print(sorted(m for m in sys.modules if m.startswith('cdk_events.')))")
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert "cdk_events.scheduler._schedule" in loaded
    for unused in ("cdk_events.scheduler.targets", "cdk_events.pipes", "cdk_events.local"):
        assert f"'{unused}'" not in loaded, unused

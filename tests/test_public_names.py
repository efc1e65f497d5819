"""Every public package loads its names on first use; each name listed in `__all__` is there."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PACKAGES = [
    "cdk_events", "cdk_events.targets", "cdk_events.assertions", "cdk_events.aws.iam", "cdk_events.aws.sqs",
    "cdk_events.aws.sns", "cdk_events.aws.lambda_", "cdk_events.aws.kms", "cdk_events.aws.logs",
    "cdk_events.aws.kinesis", "cdk_events.aws.codecommit", "cdk_events.aws.ec2", "cdk_events.aws.ecs",
    "cdk_events.aws.batch", "cdk_events.aws.sfn", "cdk_events.aws.codebuild", "cdk_events.aws.codepipeline",
    "cdk_events.aws.apigateway", "cdk_events.aws.apigatewayv2", "cdk_events.aws.firehose",
    "cdk_events.aws.appsync",
]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_listed_name_resolves_and_reports_its_package(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        if isinstance(value, type) and value.__module__.startswith("cdk_events"):
            assert value.__module__ == package, (package, name, value.__module__)
    assert set(module.__all__) <= set(dir(module))
    with pytest.raises(AttributeError, match="has no attribute 'NoSuchName'"):
        module.NoSuchName  # noqa: B018


def test_importing_the_package_loads_only_what_is_used() -> None:
    code = ("import sys, cdk_events, cdk_events.targets; cdk_events.Rule; cdk_events.targets.SqsQueue; "
            "print(sorted(m for m in sys.modules if m.startswith('cdk_events.')))")
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert "cdk_events._rule" in loaded and "cdk_events.targets._sqs" in loaded
    for unused in ("cdk_events._api_destination", "cdk_events.targets._ecs", "cdk_events.assertions",
                   "cdk_events.local"):
        assert f"'{unused}'" not in loaded, unused

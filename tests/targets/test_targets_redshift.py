"""The RedshiftQuery target: the compat app against the golden, then the rules of spec §2.2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _compat_apps import assert_matches_golden, needs_shared, run_app
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import sqs
from cdk_events.core import ValidationError
from cdk_events.targets._redshift import RedshiftQuery

CLUSTER = "arn:aws:redshift:us-east-1:123456789012:cluster:my-cluster"


@needs_shared
def test_compat_app_matches_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_matches_golden("target_redshift", run_app("target_redshift", tmp_path, monkeypatch))


def _synth(target: RedshiftQuery) -> tuple[cdk.Stack, events.Rule, Template]:
    stack = cdk.Stack(cdk.App(), "S")
    rule = events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.days(1)), targets=[target])
    return stack, rule, Template.from_stack(stack)


class _Secret:
    secret_full_arn = None
    secret_name = "db-password"


def test_one_statement_with_secret_name() -> None:
    _, rule, template = _synth(RedshiftQuery(CLUSTER, database="dev", sql=["SELECT 1"], secret=_Secret()))
    target = next(iter(template.find_resources("AWS::Events::Rule").values()))["Properties"]["Targets"][0]
    assert target["RedshiftDataParameters"] == {"Database": "dev", "SecretManagerArn": "db-password",
                                                "Sql": "SELECT 1"}
    assert rule.node.try_find_child("EventsRole") is not None
    policy = next(iter(template.find_resources("AWS::IAM::Policy").values()))
    assert policy["Properties"]["PolicyDocument"]["Statement"][0]["Action"] == "redshift-data:ExecuteStatement"


def test_dlq_gets_no_resource_policy() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    dlq: Any = sqs.Queue(stack, "DLQ")
    events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.days(1)),
                targets=[RedshiftQuery(CLUSTER, database="dev", sql=["a", "b"], dead_letter_queue=dlq)])
    template = Template.from_stack(stack)
    template.resource_count_is("AWS::SQS::QueuePolicy", 0)
    target = next(iter(template.find_resources("AWS::Events::Rule").values()))["Properties"]["Targets"][0]
    assert target["RedshiftDataParameters"] == {"Database": "dev", "Sqls": ["a", "b"]}
    assert "RetryPolicy" not in target


def test_empty_sql_is_rejected() -> None:
    with pytest.raises(ValidationError, match=r"^\[S/R\] RedshiftQuery target: At least one SQL statement must be "
                                              r"specified. \(sql=\[\]\)"):
        _synth(RedshiftQuery(CLUSTER, database="dev", sql=[]))


def test_a_single_string_is_rejected_with_a_hint() -> None:
    with pytest.raises(ValidationError, match=r"\[S/R\] RedshiftQuery target: 'sql' must be a list of SQL statements, "
                                              r"got 'SELECT 1'; wrap it: sql=\['SELECT 1'\]"):
        _synth(unchecked(RedshiftQuery, CLUSTER, database="dev", sql="SELECT 1"))


def test_cluster_arn_and_database_are_checked() -> None:
    with pytest.raises(ValidationError, match=r"\[S/R\] RedshiftQuery target: 'cluster_arn' must be a cluster ARN"):
        _synth(unchecked(RedshiftQuery, "", database="dev", sql=["x"]))
    with pytest.raises(ValidationError, match=r"\[S/R\] RedshiftQuery target: 'database' must be a database name, "
                                              r"got None"):
        _synth(unchecked(RedshiftQuery, CLUSTER, database=None, sql=["x"]))

"""The BatchJob target and the Batch imports: the compat app against its aws-cdk-lib 2.275 golden,
then the rules of spec §2.2 (job name, array size, attempts, role under the job definition)."""

# ruff: noqa: E501 (the golden app is written as in the compat suite)

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import cdk_events as events
from _corpus import COMPAT, needs_compat
from cdk_events import core as cdk
from cdk_events.aws import batch, sqs
from cdk_events.core import ValidationError
from cdk_events.targets._batch import BatchJob

needs_shared = needs_compat  # the compat corpus is in the repository (tests/corpus); kept for the decorators
QUEUE_ARN = "arn:aws:batch:us-east-1:123456789012:job-queue/my-queue"
JOB_DEF_ARN = "arn:aws:batch:us-east-1:123456789012:job-definition/my-job-def:3"


def compat_app(tmp_path: Path) -> cdk.App:
    context = json.loads((COMPAT / "context.json").read_text()) if COMPAT.exists() else dict(cdk.RECOMMENDED_FEATURE_FLAGS)
    context.update({"aws:cdk:enable-path-metadata": True, "aws:cdk:version-reporting": False})
    return cdk.App(outdir=str(tmp_path), context=context)


def resources(app: cdk.App, stack: cdk.Stack) -> dict[str, Any]:
    template: dict[str, Any] = app.synth().get_stack_artifact(stack.artifact_id).template
    return template["Resources"]  # type: ignore[no-any-return]


def imports(stack: cdk.Stack) -> tuple[Any, Any]:
    queue = batch.JobQueue.from_job_queue_arn(stack, "JobQueue", QUEUE_ARN)
    job_def = batch.EcsJobDefinition.from_job_definition_arn(stack, "JobDef", JOB_DEF_ARN)
    return queue, job_def


def target_of(res: dict[str, Any], rule_path: str) -> dict[str, Any]:
    [rule] = [r for r in res.values() if r["Metadata"]["aws:cdk:path"] == f"{rule_path}/Resource"]
    [target] = rule["Properties"]["Targets"]
    return target  # type: ignore[no-any-return]


@needs_shared
def test_target_batch_app_matches_golden(tmp_path: Path) -> None:
    app = compat_app(tmp_path)
    stack = cdk.Stack(app, "BatchTargetStack")
    queue, job_def = imports(stack)
    dlq = sqs.Queue(stack, "DLQ")
    events.Rule(stack, "Rule", schedule=events.Schedule.rate(cdk.Duration.hours(1)), targets=[BatchJob(
        queue.job_queue_arn, queue, job_def.job_definition_arn, job_def,
        job_name="MyJob", attempts=3, size=5, dead_letter_queue=dlq, retry_attempts=2, max_event_age=cdk.Duration.hours(2),
        event=events.RuleTargetInput.from_object({"SomeParam": "SomeValue"}))])
    events.Rule(stack, "GeneratedName", event_pattern=events.EventPattern(source=["com.example"]),
                targets=[BatchJob(queue.job_queue_arn, queue, job_def.job_definition_arn, job_def)])
    golden = json.loads((COMPAT / "goldens" / "target_batch" / "BatchTargetStack.template.json").read_text())
    assert resources(app, stack) == golden["Resources"]


def test_imports_take_their_names_from_the_arn(tmp_path: Path) -> None:
    app = compat_app(tmp_path)
    stack = cdk.Stack(app, "S")
    queue, job_def = imports(stack)
    assert (queue.job_queue_arn, queue.job_queue_name) == (QUEUE_ARN, "my-queue")
    assert (job_def.job_definition_arn, job_def.job_definition_name) == (JOB_DEF_ARN, "my-job-def:3")
    assert isinstance(queue, batch.IJobQueue) and isinstance(job_def, batch.IJobDefinition)
    assert queue.env == job_def.env == cdk.ResourceEnvironment(account=stack.account, region=stack.region)
    token_queue = batch.JobQueue.from_job_queue_arn(stack, "Token", cdk.Fn.import_value("QueueArn"))
    assert stack.resolve(token_queue.job_queue_name) == {"Fn::Select": [1, {"Fn::Split": ["/", {"Fn::Select": [
        5, {"Fn::Split": [":", {"Fn::ImportValue": "QueueArn"}]}]}]}]}


@pytest.mark.parametrize(("factory", "prop", "arn", "shape"), [
    (batch.JobQueue.from_job_queue_arn, "job_queue_arn", "my-queue", "job-queue"),
    (batch.JobQueue.from_job_queue_arn, "job_queue_arn", "arn:aws:sqs:us-east-1:123456789012:q", "job-queue"),
    (batch.EcsJobDefinition.from_job_definition_arn, "job_definition_arn", QUEUE_ARN, "job-definition"),
    (batch.EcsJobDefinition.from_job_definition_arn, "job_definition_arn", "", "job-definition"),
])
def test_malformed_import_arns_are_rejected(tmp_path: Path, factory: Any, prop: str, arn: str, shape: str) -> None:
    stack = cdk.Stack(compat_app(tmp_path), "S")
    with pytest.raises(ValidationError) as error:
        factory(stack, "X", arn)
    assert str(error.value) == (f"[S/X] '{prop}' must be an ARN like arn:<partition>:batch:<region>:<account>:"
                                f"{shape}/<name>, got {arn!r}")


def test_zero_size_and_attempts_are_left_out_and_role_is_shared(tmp_path: Path) -> None:
    app = compat_app(tmp_path)
    stack = cdk.Stack(app, "S")
    queue, job_def = imports(stack)
    events.Rule(stack, "A", event_pattern=events.EventPattern(source=["x"]),
                targets=[BatchJob(QUEUE_ARN, queue, JOB_DEF_ARN, job_def, size=0, attempts=0, job_name="n")])
    rule_b = events.Rule(stack, "B", event_pattern=events.EventPattern(source=["x"]),
                         targets=[BatchJob(QUEUE_ARN, queue, JOB_DEF_ARN, job_def, size=2)])
    res = resources(app, stack)
    assert target_of(res, "S/A")["BatchParameters"] == {"JobDefinition": JOB_DEF_ARN, "JobName": "n"}
    assert target_of(res, "S/B")["BatchParameters"] == {
        "ArrayProperties": {"Size": 2}, "JobDefinition": JOB_DEF_ARN,
        "JobName": cdk.Names.unique_resource_name(rule_b, max_length=128)}
    roles = [k for k, r in res.items() if r["Type"] == "AWS::IAM::Role"]
    assert roles == ["JobDefEventsRoleFE7F64F8"]
    statements = res["JobDefEventsRoleDefaultPolicy2F14CF5B"]["Properties"]["PolicyDocument"]["Statement"]
    assert statements == [{"Action": "batch:SubmitJob", "Effect": "Allow", "Resource": [JOB_DEF_ARN, QUEUE_ARN]}]


def test_generated_job_name_is_at_most_128_characters(tmp_path: Path) -> None:
    app = compat_app(tmp_path)
    stack = cdk.Stack(app, "S")
    queue, job_def = imports(stack)
    rule = events.Rule(stack, "R" * 200, event_pattern=events.EventPattern(source=["x"]),
                       targets=[BatchJob(QUEUE_ARN, queue, JOB_DEF_ARN, job_def)])
    job_name = cdk.Names.unique_resource_name(rule, max_length=128)
    assert len(job_name) == 128
    [target] = next(r for r in resources(app, stack).values() if r["Type"] == "AWS::Events::Rule")["Properties"]["Targets"]
    assert target["BatchParameters"]["JobName"] == job_name


@pytest.mark.parametrize("job_name", ["", "j" * 129])
def test_job_name_length_is_checked(tmp_path: Path, job_name: str) -> None:
    stack = cdk.Stack(compat_app(tmp_path), "S")
    queue, job_def = imports(stack)
    rule = events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]))
    with pytest.raises(ValidationError) as error:
        rule.add_target(BatchJob(QUEUE_ARN, queue, JOB_DEF_ARN, job_def, job_name=job_name))
    assert str(error.value) == (f"[S/Rule] Invalid jobName value {job_name}, must have length between 1 and 128, "
                                f"got: {len(job_name)}")


def test_retry_attempts_out_of_range_is_rejected(tmp_path: Path) -> None:
    stack = cdk.Stack(compat_app(tmp_path), "S")
    queue, job_def = imports(stack)
    rule = events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]))
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] BatchJob target: retry_attempts must be a whole number from 0 to 185, got 186$"):
        rule.add_target(BatchJob(QUEUE_ARN, queue, JOB_DEF_ARN, job_def, retry_attempts=186))


@pytest.mark.parametrize(("args", "kwargs", "message"), [
    ((None, "q", JOB_DEF_ARN, "d"), {}, "BatchJob target: 'job_queue_arn' must be an ARN string, got None"),
    ((QUEUE_ARN, "queue", JOB_DEF_ARN, None), {}, "BatchJob target: 'job_queue_scope' must be a construct"),
    ((), {"size": "5"}, "BatchJob target: 'size' must be a whole number, got '5'"),
    ((), {"event": {"a": 1}}, "BatchJob target: 'event' must be a RuleTargetInput"),
])
def test_wrong_argument_types_are_named(tmp_path: Path, args: tuple[Any, ...], kwargs: dict[str, Any], message: str) -> None:
    stack = cdk.Stack(compat_app(tmp_path), "S")
    queue, job_def = imports(stack)
    target = BatchJob(*(args or (QUEUE_ARN, queue, JOB_DEF_ARN, job_def)), **kwargs)
    rule = events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]))
    with pytest.raises(ValidationError) as error:
        rule.add_target(target)
    assert str(error.value).startswith("[S/Rule] " + message)

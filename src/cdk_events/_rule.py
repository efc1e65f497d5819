"""`Rule`: an EventBridge rule with its pattern or schedule, and its targets."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ._cfn_generated import CfnRule
from ._cross_env import cross_env_target
from ._event_pattern import EventPattern, merge_event_pattern, pattern_object, render_event_pattern
from ._input import RuleTargetInputProperties
from ._rule_ref import IRule
from ._schedule import Schedule
from ._target import IRuleTarget, RuleTargetConfig
from .core import (
    ArnComponents,
    ArnFormat,
    Construct,
    Lazy,
    Names,
    Resource,
    Stack,
    ValidationError,
)
from .core._annotations import Annotations
from .core._cfn_runtime import render_struct
from .core._checked import user_code
from .core._errors import construct_error
from .core._json import JSON_NULL
from .core._resolve import resolve
from .core._same_env import same_env_dimension
from .core._token_encoding import is_unresolved

if TYPE_CHECKING:
    from ._event_bus_ref import IEventBus
    from .aws.iam import IRole

_RULE_NAME = re.compile(r"^[\.\-_A-Za-z0-9]+\Z")
_MAX_TARGETS = 5
VALIDATE_SCHEDULE_FLAG = "@cdk-events/aws-events:validateScheduleExpression"
VALIDATE_PATTERN_FLAG = "@cdk-events/aws-events:validateEventPattern"



_TargetProperty = CfnRule.TargetProperty
_InputTransformerProperty = CfnRule.InputTransformerProperty


class _TargetFiller(CfnRule.TargetProperty):
    """Fills a `CfnRule.TargetProperty` with plain attribute stores, then becomes one (the same slots, so
    the object's class is set to `CfnRule.TargetProperty`, immutable again, before anyone sees it). The
    generated keyword constructor costs ten times more, which shows at thousands of rules."""

    __slots__ = ()
    __setattr__ = object.__setattr__  # type: ignore[assignment]  # (plain stores while filling)


class _InputTransformerFiller(CfnRule.InputTransformerProperty):
    """`_TargetFiller` for the `CfnRule.InputTransformerProperty` of a target's input."""

    __slots__ = ()
    __setattr__ = object.__setattr__  # type: ignore[assignment]  # (plain stores while filling)


def _target_property(config: RuleTargetConfig, target_id: str,
                     input_props: RuleTargetInputProperties | None) -> CfnRule.TargetProperty:
    """The rule's `Targets` entry for a bound target: a `CfnRule.TargetProperty`, rendered when the template
    is written (a parameter block given as a dict is read then, by its property type)."""
    entry = _TargetFiller.__new__(_TargetFiller)
    entry.app_sync_parameters = config.app_sync_parameters
    entry.arn = config.arn
    entry.batch_parameters = config.batch_parameters
    entry.dead_letter_config = config.dead_letter_config
    entry.ecs_parameters = config.ecs_parameters
    entry.http_parameters = config.http_parameters
    entry.id = target_id
    entry.input = entry.input_path = entry.input_transformer = None
    if input_props is not None:
        entry.input = input_props.input
        entry.input_path = input_props.input_path
        if input_props.input_template is not None:
            transformer = _InputTransformerFiller.__new__(_InputTransformerFiller)
            transformer.input_paths_map = input_props.input_paths_map
            transformer.input_template = input_props.input_template
            object.__setattr__(transformer, "__class__", _InputTransformerProperty)
            entry.input_transformer = transformer
    entry.kinesis_parameters = config.kinesis_parameters
    entry.redshift_data_parameters = config.redshift_data_parameters
    entry.retry_policy = config.retry_policy
    entry.role_arn = config.role.role_arn if config.role is not None else None
    entry.run_command_parameters = config.run_command_parameters
    entry.sage_maker_pipeline_parameters = None
    entry.sqs_parameters = config.sqs_parameters
    object.__setattr__(entry, "__class__", _TargetProperty)
    return entry


def _render_target(entry: CfnRule.TargetProperty | dict[str, Any]) -> dict[str, Any]:
    """What `entry._to_cfn()` gives (CloudFormation names in its order, unset fields left out), written out
    so that the unset fields cost one test each (a test checks it against `_to_cfn` field by field); a dict
    entry (a cross-environment bus target) is already rendered."""
    if isinstance(entry, dict):
        return entry
    out: dict[str, Any] = {}
    v: Any
    if (v := entry.app_sync_parameters) is not None:
        out["AppSyncParameters"] = render_struct(v, CfnRule.AppSyncParametersProperty)
    if (v := entry.arn) is not None:
        out["Arn"] = v
    if (v := entry.batch_parameters) is not None:
        out["BatchParameters"] = render_struct(v, CfnRule.BatchParametersProperty)
    if (v := entry.dead_letter_config) is not None:
        out["DeadLetterConfig"] = render_struct(v, CfnRule.DeadLetterConfigProperty)
    if (v := entry.ecs_parameters) is not None:
        out["EcsParameters"] = render_struct(v, CfnRule.EcsParametersProperty)
    if (v := entry.http_parameters) is not None:
        out["HttpParameters"] = render_struct(v, CfnRule.HttpParametersProperty)
    if (v := entry.id) is not None:
        out["Id"] = v
    if (v := entry.input) is not None:
        out["Input"] = v
    if (v := entry.input_path) is not None:
        out["InputPath"] = v
    if (v := entry.input_transformer) is not None:
        if type(v) is _InputTransformerProperty:  # (the common case, written out too)
            transformer: dict[str, Any] = {}
            if (paths := v.input_paths_map) is not None:
                transformer["InputPathsMap"] = paths
            if (template := v.input_template) is not None:
                transformer["InputTemplate"] = template
            out["InputTransformer"] = transformer
        else:
            out["InputTransformer"] = render_struct(v, _InputTransformerProperty)
    if (v := entry.kinesis_parameters) is not None:
        out["KinesisParameters"] = render_struct(v, CfnRule.KinesisParametersProperty)
    if (v := entry.redshift_data_parameters) is not None:
        out["RedshiftDataParameters"] = render_struct(v, CfnRule.RedshiftDataParametersProperty)
    if (v := entry.retry_policy) is not None:
        out["RetryPolicy"] = render_struct(v, CfnRule.RetryPolicyProperty)
    if (v := entry.role_arn) is not None:
        out["RoleArn"] = v
    if (v := entry.run_command_parameters) is not None:
        out["RunCommandParameters"] = render_struct(v, CfnRule.RunCommandParametersProperty)
    if (v := entry.sage_maker_pipeline_parameters) is not None:
        out["SageMakerPipelineParameters"] = render_struct(v, CfnRule.SageMakerPipelineParametersProperty)
    if (v := entry.sqs_parameters) is not None:
        out["SqsParameters"] = render_struct(v, CfnRule.SqsParametersProperty)
    return out


@functools.cache
def _local_engine() -> ModuleType:
    """The local engine (`cdk_events.local`), loaded when the first pattern is checked: an app whose rules
    have no pattern never loads it (an import statement in the checking method would cost every rule)."""
    from . import local

    return local


class Rule(Resource):
    """An EventBridge rule (mirrors `aws_cdk.aws_events.Rule`).

    Give it an `event_pattern` or a `schedule` (not both with a custom `event_bus`), and up to five
    `targets`. `enabled` defaults to True; `rule_name` defaults to a name CloudFormation generates.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        description: str | None = None,
        rule_name: str | None = None,
        event_pattern: EventPattern | Mapping[str, Any] | None = None,
        cross_stack_scope: Construct | None = None,
        enabled: bool | None = None,
        schedule: Schedule | None = None,
        targets: Sequence[IRuleTarget] | None = None,
        event_bus: IEventBus | None = None,
        role: IRole | None = None,
    ):
        scope = _select_scope(scope, cross_stack_scope)
        super().__init__(scope, id, physical_name=rule_name)
        if event_bus is not None and schedule is not None:
            raise construct_error(self, "Cannot associate rule with 'eventBus' when using 'schedule'")
        if schedule is not None and not isinstance(schedule, Schedule):
            raise construct_error(self, f"'schedule' must be a Schedule (Schedule.rate(...), Schedule.cron(...) or "
                                        f"Schedule.expression(...)), got {schedule!r}")
        if targets is not None and not isinstance(targets, (list, tuple)):
            raise construct_error(self, f"'targets' must be a list of targets, got {targets!r}")
        self.description = description
        self._event_pattern: dict[str, Any] = {}
        self._targets: list[CfnRule.TargetProperty | dict[str, Any]] = []
        self._x_env_targets: set[str] = set()
        self._schedule = schedule
        self.schedule_expression = schedule.expression_string if schedule is not None else None
        if schedule is not None:
            schedule._bind(self)
        self._resource: CfnRule = CfnRule(
            self, "Resource",
            name=self.physical_name,
            description=description,
            state="DISABLED" if enabled is False else "ENABLED",
            schedule_expression=self.schedule_expression,
            event_pattern=Lazy.any(self._render_event_pattern),
            targets=Lazy.any(self._render_targets),
            event_bus_name=event_bus.event_bus_name if event_bus is not None else None,
            role_arn=role.role_arn if role is not None else None,
        )
        self.add_event_pattern(event_pattern)
        for target in targets or ():
            self.add_target(target)
        self.node.add_validation(_RuleValidation(self))
        self.stack.add_template_validation(self, self._check_rendered_pattern)

    # (properties that keep their value in `__dict__`: `functools.cached_property` takes a lock on Python 3.11)
    @property
    def rule_arn(self) -> str:
        """The ARN of the rule (a token; in another environment, the ARN formatted from its name)."""
        arn: str | None = self.__dict__.get("_rule_arn")
        if arn is None:
            name = self.physical_name  # (the components are built only for a reference from another environment)
            arn = self.__dict__["_rule_arn"] = self._get_resource_arn_attribute(
                self._resource.attr_arn, lambda: ArnComponents(service="events", resource="rule", resource_name=name))
        return arn

    @property
    def rule_name(self) -> str:
        """The name of the rule (a token; in another environment, its physical name)."""
        name: str | None = self.__dict__.get("_rule_name")
        if name is None:
            name = self.__dict__["_rule_name"] = self._get_resource_name_attribute(self._resource.ref)
        return name

    # --- imports ---------------------------------------------------------------------------
    @staticmethod
    def from_event_rule_arn(scope: Construct, id: str, event_rule_arn: str) -> IRule:
        """A rule defined elsewhere, by ARN."""
        return _ImportedRule(scope, id, event_rule_arn)

    # --- pattern ---------------------------------------------------------------------------
    def add_event_pattern(self, event_pattern: EventPattern | Mapping[str, Any] | None = None,
                          **fields: Any) -> None:
        """Merge more conditions into the pattern (lists are unioned, dicts merged).

        Pass an `EventPattern`, or its fields as keywords (`add_event_pattern(source=["aws.ec2"])`).
        """
        if fields:
            if event_pattern is not None:
                raise construct_error(self, "add_event_pattern: pass an EventPattern or keyword fields, not both")
            try:
                event_pattern = EventPattern(**fields)
            except TypeError as error:
                raise construct_error(self, f"add_event_pattern: {error}; the fields are account, detail, "
                                            "detail_type, id, region, resources, source, time, version") from None
        if event_pattern is None:
            return
        try:
            merge_event_pattern(self._event_pattern, pattern_object(event_pattern))
        except ValidationError as error:
            raise construct_error(self, f"event_pattern: {error}") from None

    def _render_event_pattern(self) -> dict[str, Any] | None:
        return render_event_pattern(self._event_pattern)

    @property
    def event_pattern(self) -> dict[str, Any]:
        """The pattern as merged so far (CDK field names)."""
        return self._event_pattern

    # --- targets ---------------------------------------------------------------------------
    def add_target(self, target: IRuleTarget | None = None) -> None:
        """Add a target; it is bound right away (permissions and roles are created now)."""
        if target is None:
            return
        if not callable(getattr(target, "bind", None)):
            hint = _wrap_hint(target)
            raise construct_error(self, f"'targets' entries must be rule targets{hint}, got {target!r}")
        auto_id = f"Target{len(self._targets)}"
        if type(target).__module__.startswith("cdk_events."):
            config = target.bind(self, auto_id)
        else:
            with user_code():  # a target of the user's own class
                config = target.bind(self, auto_id)
        if not isinstance(config, RuleTargetConfig):
            raise construct_error(self, f"target {target!r}: bind() must return a RuleTargetConfig, got {config!r}")
        input_props = config.input.bind(self) if config.input is not None else None
        target_id = config.id or auto_id
        if config.target_resource is not None and self._add_cross_env_target(target, config, target_id):
            return
        self._targets.append(_target_property(config, target_id, input_props))

    def _render_targets(self) -> list[dict[str, Any]] | None:
        if not self._targets:
            return None
        try:
            return [_render_target(entry) for entry in self._targets]
        except TypeError as error:  # a parameter block given as a dict with a key its property type lacks
            raise construct_error(self, f"a target's RuleTargetConfig has a wrong parameter block: {error}") from None

    @property
    def target_count(self) -> int:
        """How many targets this rule has."""
        return len(self._targets)

    def _add_cross_env_target(self, target: IRuleTarget, config: RuleTargetConfig, target_id: str) -> bool:
        """Reach a target in another account or region through that environment's default bus and a mirror
        rule there; False when the target is in this rule's environment."""
        wiring = cross_env_target(self, config, target_id, self._x_env_targets)
        if wiring is None:
            return False
        if wiring.bus_target is not None:
            self._targets.append(wiring.bus_target)
        MirrorRule(wiring.target_stack, f"{Names.unique_id(self)}-{target_id}", self, targets=[target],
                   schedule=Schedule.expression(self.schedule_expression) if self.schedule_expression else None,
                   description=self.description)
        return True

    # --- validation ------------------------------------------------------------------------
    def _validate_rule(self) -> list[str]:
        errors: list[str] = []
        name = self.physical_name
        if name is not None and not is_unresolved(name):
            if not 1 <= len(name) <= 64:
                errors.append(f"Event rule name must be between 1 and 64 characters. Received: {name}")
            if not _RULE_NAME.match(name):
                errors.append(f"Event rule name {name} can contain only letters, numbers, periods, hyphens, or "
                              "underscores with no spaces.")
        if not self._event_pattern and not self.schedule_expression:
            errors.append("Either 'eventPattern' or 'schedule' must be defined")
        if len(self._targets) > _MAX_TARGETS:
            errors.append("Event rule cannot have more than 5 targets.")
        return errors

    def _validate_values(self) -> list[str]:
        """Checks AWS applies at deploy time (the CDK's template validator finds them at synth)."""
        errors: list[str] = []
        description = self.description
        if description is not None and not is_unresolved(description) and len(description) > 512:
            errors.append(f"description is {len(description)} characters long; EventBridge allows at most 512: "
                          f"'{description[:60]}...'")
        if self._schedule is not None and self.node.try_get_context(VALIDATE_SCHEDULE_FLAG) is not False:
            problem = self._schedule.validation_error()
            if problem is not None:
                errors.append(f"schedule {self._schedule.expression_string!r} is not valid: {problem}")
        return errors

    def _check_rendered_pattern(self, template: dict[str, Any]) -> list[str]:
        """The pattern as rendered in the template, checked with EventBridge's rules (local engine)."""
        if not self._event_pattern or self.node.try_get_context(VALIDATE_PATTERN_FLAG) is False:
            return []
        resource = template.get("Resources", {}).get(self._resource.resolved_logical_id(), {})
        problem = self._pattern_problem(resource.get("Properties", {}).get("EventPattern"))
        return [] if problem is None else [f"event_pattern is not valid: {problem}"]

    def _pattern_problem(self, pattern: Any) -> str | None:
        """What EventBridge would say about the pattern (patterns with deploy-time values are not checked)."""
        if pattern is None:
            return None
        local = _local_engine()
        InvalidEventPatternError, validate_event_pattern = local.InvalidEventPatternError, local.validate_event_pattern
        try:
            validate_event_pattern(pattern)  # (most patterns are plain JSON already: checked as they are)
            return None
        except InvalidEventPatternError:
            pass
        try:
            pattern = _literal_json(pattern)  # JSON_NULL as null; intrinsics: known only at deploy time
        except _DeployTimeValue:
            return None
        try:
            validate_event_pattern(pattern)
        except InvalidEventPatternError as error:
            if any(reason in str(error) for reason in _RULER_ONLY_REASONS):
                Annotations.of(self).add_warning_v2(
                    "@cdk-events/aws-events:eventPatternMayBeRejected",
                    f"EventBridge may reject this event pattern at deploy time: {error}")
                return None
            return str(error)
        return None

    def matches(self, event: Any) -> bool:
        """True if `event` (a dict or JSON text) matches this rule's pattern (local engine)."""
        pattern = resolve(self._render_event_pattern(), self)
        if pattern is None:
            raise construct_error(self, "matches(): the rule has no event pattern")
        try:
            literal = _literal_json(pattern)
        except _DeployTimeValue:
            raise construct_error(self, "matches(): the pattern holds values known only at deploy time") from None
        matched: bool = _local_engine().test_event_pattern(literal, event)
        return matched


class _RuleValidation:
    __slots__ = ("rule",)

    def __init__(self, rule: Rule):
        self.rule = rule

    def validate(self) -> list[str]:
        return self.rule._validate_rule() + self.rule._validate_values()


class _ImportedRule(Resource):
    def __init__(self, scope: Construct, id: str, arn: str):
        super().__init__(scope, id, environment_from_arn=arn)
        parts = Stack.of(scope).split_arn(arn, ArnFormat.SLASH_RESOURCE_NAME)
        self.rule_arn = arn
        self.rule_name = parts.resource_name or ""


class MirrorRule(Rule):
    """The copy of a rule placed in a target's environment (cross-account/region targets); its pattern
    follows the source rule's."""

    def __init__(self, scope: Construct, id: str, source: Rule, *, targets: Sequence[IRuleTarget],
                 schedule: Schedule | None, description: str | None):
        self._source = source
        super().__init__(scope, id, targets=targets, schedule=schedule, description=description,
                         event_pattern=None)

    def _render_event_pattern(self) -> dict[str, Any] | None:
        return self._source._render_event_pattern()

    def _validate_rule(self) -> list[str]:
        return []

    def _validate_values(self) -> list[str]:
        return []


# Reasons that AWS's open-source event-ruler gives but that were not observed at AWS itself: a warning,
# not an error (the CDK synthesizes such patterns, e.g. `Match.interval(5, 5)`).
_RULER_ONLY_REASONS = (
    "Bottom must be less than top",
    "Cannot compare number",  # event-ruler refuses imprecise number literals; AWS was not seen to
    "more than the event pattern size quota",  # the account's quota (2,048 by default) can be raised to 4,096
)


class _DeployTimeValue(Exception):
    """The value holds an intrinsic: it is known only at deploy time."""


def _literal_json(value: Any) -> Any:
    """A resolved value as plain JSON data (`JSON_NULL` becomes None); raises `_DeployTimeValue` when it
    holds an intrinsic (`Ref`, `Fn::...`)."""
    kind = type(value)
    if kind is dict or isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "Ref" or key.startswith("Fn::"):
                raise _DeployTimeValue
            out[key] = _literal_json(item)
        return out
    if kind is list:
        return [_literal_json(item) for item in value]
    return None if value is JSON_NULL else value


def _select_scope(scope: Construct, cross_stack_scope: Construct | None) -> Construct:
    if cross_stack_scope is None:
        return scope
    scope_stack, other = Stack.of(scope), Stack.of(cross_stack_scope)
    if scope_stack is not other and same_env_dimension(scope_stack.region, other.region) and \
            same_env_dimension(scope_stack.account, other.account):
        return cross_stack_scope
    return scope


def _wrap_hint(value: object) -> str:
    name = type(value).__name__
    wrappers = {"Queue": "SqsQueue", "Topic": "SnsTopic", "Function": "LambdaFunction", "Stream": "KinesisStream",
                "EventBus": "EventBus", "StateMachine": "SfnStateMachine", "Project": "CodeBuildProject"}
    for suffix, wrapper in wrappers.items():
        if name.endswith(suffix):
            return f" (wrap it: targets.{wrapper}(...))"
    return " (objects from cdk_events.targets)"


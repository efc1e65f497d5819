"""`EventBus`, `EventBusPolicy` and the bus grants."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from ._event_bus_ref import IEventBus
from ._event_pattern import EventPattern
from .core import (
    Annotations,
    ArnComponents,
    ArnFormat,
    Construct,
    Duration,
    FeatureFlags,
    Lazy,
    Names,
    Resource,
    Stack,
    ValidationError,
)
from .core._errors import construct_error
from .core._struct import to_struct
from .core._struct_methods import struct_methods
from .core._token_encoding import is_unresolved

if TYPE_CHECKING:
    from ._archive import Archive
    from .aws.iam import AddToResourcePolicyResult, Grant, IGrantable, PolicyStatement
    from .aws.kms import IKey
    from .aws.sqs import IQueue

_BUS_NAME = re.compile(r"^[\/\.\-_A-Za-z0-9]{1,256}\Z")
_SOURCE_NAME = re.compile(r"^aws\.partner(\/[\.\-_A-Za-z0-9]+){2,}\Z")
REQUIRE_SID_FLAG = "@aws-cdk/aws-events:requireEventBusPolicySid"


class IncludeDetail(Enum):
    """How much of each event the bus logs."""

    FULL = "FULL"
    NONE = "NONE"


class Level(Enum):
    """Which events the bus logs."""

    INFO = "INFO"
    ERROR = "ERROR"
    TRACE = "TRACE"
    OFF = "OFF"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class LogConfig:
    """Logging of an event bus: `include_detail` and `level` (both optional)."""

    include_detail: IncludeDetail | None = None
    level: Level | None = None

    def _to_cfn(self) -> dict[str, Any]:
        return {"IncludeDetail": self.include_detail.value if self.include_detail else None,
                "Level": self.level.value if self.level else None}


class _EventBusBase(Resource):
    event_bus_name: str
    event_bus_arn: str
    event_bus_policy: str
    event_source_name: str | None

    def archive(self, id: str, *, event_pattern: EventPattern | Mapping[str, Any], archive_name: str | None = None,
                description: str | None = None, retention: Duration | None = None,
                kms_key: IKey | None = None) -> Archive:
        """An archive of this bus's events (child of the bus); the description defaults to
        `Event Archive for <bus name> Event Bus`.

        `kms_key` is accepted and ignored, as aws-cdk-lib 2.275 does (aws-cdk#38298; a warning says
        so): pass it to `Archive(...)` directly to encrypt the archive.
        """
        from ._archive import Archive

        if kms_key is not None:
            Annotations.of(self).add_warning_v2(
                "@cdk-events/aws-events:archiveKmsKeyIgnored",
                f"EventBus.archive('{id}'): kms_key is ignored (as in aws-cdk-lib, aws-cdk#38298); create "
                "events.Archive(scope, id, source_event_bus=bus, kms_key=key, ...) to encrypt the archive")

        return Archive(self, id, source_event_bus=self,
                       description=description or f"Event Archive for {self.event_bus_name} Event Bus",
                       event_pattern=event_pattern, retention=retention, archive_name=archive_name)

    def grant_put_events_to(self, grantee: IGrantable, sid: str | None = None) -> Grant:
        """Allow `grantee` to put events on this bus (identity policy, or the bus's resource policy for
        service and account principals when `@aws-cdk/aws-events:requireEventBusPolicySid` is on)."""
        from .aws import iam  # iam loads only for grants, policies and keys (most apps never need it here)

        grant = iam.Grant.add_to_principal(grantee=grantee, actions=["events:PutEvents"],
                                           resource_arns=[self.event_bus_arn])
        if grant.success:
            return grant
        if not FeatureFlags.of(self).is_enabled(REQUIRE_SID_FLAG):
            Annotations.of(self).add_warning_v2(
                "@aws-cdk/aws-events:eventBusServicePrincipalGrant",
                "Unable to grant PutEvents to service principal: Statement ID is required for EventBus resource "
                "policies. Either provide a 'sid' parameter or enable the "
                "'@aws-cdk/aws-events:requireEventBusPolicySid' feature flag.")
            return grant
        statement = iam.PolicyStatement(sid=sid, actions=["events:PutEvents"], resources=[self.event_bus_arn],
                                        principals=[grantee.grant_principal])
        return iam.Grant.add_statement_to_resource_policy(
            grantee=grantee, actions=["events:PutEvents"], resource_arns=[self.event_bus_arn], resource=self,
            statement=statement)

    def add_to_resource_policy(self, statement: PolicyStatement) -> AddToResourcePolicyResult:
        """Add a statement to the bus's resource policy (one `AWS::Events::EventBusPolicy` each)."""
        raise NotImplementedError

    @property
    def grants(self) -> EventBusGrants:
        """Grant helpers (`all_put_events`, `actions`)."""
        return EventBusGrants(self)


class EventBusGrants:
    """The grants of a bus (mirrors `aws_cdk.aws_events.EventBusGrants`)."""

    def __init__(self, bus: _EventBusBase):
        self._bus = bus

    def all_put_events(self, grantee: IGrantable) -> Grant:
        """Allow `events:PutEvents` on every bus (`Resource: *`), as `EventBus.grant_all_put_events`."""
        return self.actions(grantee, ["events:PutEvents"], resource_arns=["*"])

    def actions(self, grantee: IGrantable, actions: Sequence[str], *,
                resource_arns: Sequence[str] | None = None) -> Grant:
        """Allow `actions` on this bus (or on `resource_arns`)."""
        from .aws import iam  # iam loads only for grants, policies and keys (most apps never need it here)

        if isinstance(actions, str):
            actions = [actions]
        return iam.Grant.add_to_principal(grantee=grantee, actions=list(actions),
                                          resource_arns=list(resource_arns or [self._bus.event_bus_arn]))


class EventBus(_EventBusBase):
    """A custom or partner event bus (mirrors `aws_cdk.aws_events.EventBus`).

    The name defaults to a unique name derived from the construct path; `event_source_name` makes a
    partner bus (named after the source).
    """

    def __init__(self, scope: Construct, id: str, *, event_bus_name: str | None = None,
                 event_source_name: str | None = None, dead_letter_queue: IQueue | None = None,
                 description: str | None = None, kms_key: IKey | None = None,
                 log_config: LogConfig | Mapping[str, Any] | None = None):
        name, source = _bus_names(scope, id, event_bus_name, event_source_name)
        generated = name is None
        if generated:
            name = Lazy.string(lambda: Names.unique_id(self))
        super().__init__(scope, id, physical_name=name)
        if description is not None and not is_unresolved(description) and len(description) > 512:
            raise construct_error(self, f"description must be less than or equal to 512 characters, got "
                                        f"{len(description)}")
        log_config = to_struct(LogConfig, log_config, prop="log_config", scope=self)
        from ._cfn_generated import CfnEventBus

        resource = CfnEventBus(
            self, "Resource", name=self.physical_name, event_source_name=source,
            dead_letter_config={"Arn": dead_letter_queue.queue_arn} if dead_letter_queue is not None else None,
            description=description, kms_key_identifier=kms_key.key_arn if kms_key is not None else None,
            log_config=log_config._to_cfn() if log_config is not None else None)
        self._resource = resource
        self.event_bus_arn = self._get_resource_arn_attribute(
            resource.attr_arn, ArnComponents(service="events", resource="event-bus", resource_name=self.physical_name))
        if kms_key is not None:
            self._allow_key(kms_key, name)
        self.event_bus_name = self._get_resource_name_attribute(resource.ref)
        self.event_bus_policy = str(resource.attr_policy)
        self.event_source_name = source

    def _allow_key(self, key: IKey, name: str | None) -> None:
        from .aws import iam  # iam loads only for grants, policies and keys (most apps never need it here)

        stack = Stack.of(self)
        bus_arn = stack.format_arn(service="events", resource="event-bus", resource_name=name)
        key.add_to_resource_policy(iam.PolicyStatement(
            resources=["*"], actions=["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
            principals=[iam.ServicePrincipal("events.amazonaws.com")],
            conditions={"StringEquals": {"aws:SourceAccount": self.stack.account, "aws:SourceArn": bus_arn,
                                         "kms:EncryptionContext:aws:events:event-bus:arn": bus_arn}}))

    @staticmethod
    def from_event_bus_arn(scope: Construct, id: str, event_bus_arn: str) -> IEventBus:
        """A bus defined elsewhere, by ARN."""
        parts = Stack.of(scope).split_arn(event_bus_arn, ArnFormat.SLASH_RESOURCE_NAME)
        return _ImportedEventBus(scope, id, event_bus_arn=event_bus_arn, event_bus_name=parts.resource_name or "",
                                 event_bus_policy="")

    @staticmethod
    def from_event_bus_name(scope: Construct, id: str, event_bus_name: str) -> IEventBus:
        """A bus defined elsewhere, by name (in this stack's account and region)."""
        arn = Stack.of(scope).format_arn(service="events", resource="event-bus", resource_name=event_bus_name)
        return _ImportedEventBus(scope, id, event_bus_arn=arn, event_bus_name=event_bus_name, event_bus_policy="")

    @staticmethod
    def from_event_bus_attributes(scope: Construct, id: str, *, event_bus_name: str, event_bus_arn: str,
                                  event_bus_policy: str, event_source_name: str | None = None) -> IEventBus:
        """A bus defined elsewhere, from its attributes."""
        return _ImportedEventBus(scope, id, event_bus_arn=event_bus_arn, event_bus_name=event_bus_name,
                                 event_bus_policy=event_bus_policy, event_source_name=event_source_name)

    @staticmethod
    def grant_all_put_events(grantee: IGrantable) -> Grant:
        """Allow `grantee` to put events on every bus (`Resource: *`)."""
        from .aws import iam  # iam loads only for grants, policies and keys (most apps never need it here)

        return iam.Grant.add_to_principal(grantee=grantee, actions=["events:PutEvents"], resource_arns=["*"])

    @staticmethod
    def grant_put_events(grantee: IGrantable) -> Grant:
        """Deprecated spelling of `grant_all_put_events`."""
        return EventBus.grant_all_put_events(grantee)

    def add_to_resource_policy(self, statement: PolicyStatement) -> AddToResourcePolicyResult:
        """Add `statement` (it must have a `sid`) as an `EventBusPolicy` child; its sid becomes `cdk-<sid>`."""
        from .aws import iam  # iam loads only for grants, policies and keys (most apps never need it here)

        if not statement.sid:
            raise construct_error(self, "Event Bus policy statements must have a sid")
        statement_id = f"cdk-{statement.sid}"[:64]
        statement.sid = statement_id
        policy = EventBusPolicy(self, statement_id, event_bus=self, statement=statement, statement_id=statement_id)
        return iam.AddToResourcePolicyResult(statement_added=True, policy_dependable=policy)


def _bus_names(scope: Construct, id: str, name: str | None, source: str | None) -> tuple[str | None, str | None]:
    path = f"{scope.node.path}/{id}" if scope.node.path else id

    def fail(message: str) -> ValidationError:
        return ValidationError(f"[{path}] {message}")

    if name and source:
        raise fail("'eventBusName' and 'eventSourceName' cannot both be provided")
    if name is not None:
        if not is_unresolved(name):
            if name == "default":
                raise fail("'eventBusName' must not be 'default'")
            if "/" in name:
                raise fail("'eventBusName' must not contain '/'")
            if not _BUS_NAME.match(name):
                raise fail("'eventBusName' must satisfy: /^[\\/\\.\\-_A-Za-z0-9]{1,256}$/")
        return name, None
    if source is not None:
        if not is_unresolved(source):
            if not _SOURCE_NAME.match(source):
                raise fail("'eventSourceName' must satisfy: /^aws\\.partner(\\/[\\.\\-_A-Za-z0-9]+){2,}$/")
            if not _BUS_NAME.match(source):
                raise fail("'eventSourceName' must satisfy: /^[\\/\\.\\-_A-Za-z0-9]{1,256}$/")
        return source, source
    return None, None


class _ImportedEventBus(_EventBusBase):
    def __init__(self, scope: Construct, id: str, *, event_bus_arn: str, event_bus_name: str,
                 event_bus_policy: str, event_source_name: str | None = None):
        super().__init__(scope, id, environment_from_arn=event_bus_arn)
        self.event_bus_arn = event_bus_arn
        self.event_bus_name = event_bus_name
        self.event_bus_policy = event_bus_policy
        self.event_source_name = event_source_name

    def add_to_resource_policy(self, statement: PolicyStatement) -> AddToResourcePolicyResult:
        from .aws import iam  # iam loads only for grants, policies and keys (most apps never need it here)

        Annotations.of(self).add_warning_v2(
            "@aws-cdk/aws-events:eventBusAddToResourcePolicy",
            f"Unable to add necessary permissions to imported target event bus: {self.event_bus_arn}")
        return iam.AddToResourcePolicyResult(statement_added=False)


class EventBusPolicy(Resource):
    """One statement of an event bus's resource policy (`AWS::Events::EventBusPolicy`).

    `statement` may be an `iam.PolicyStatement` (rendered at synthesis) or its JSON dict.
    """

    def __init__(self, scope: Construct, id: str, *, event_bus: IEventBus, statement: PolicyStatement,
                 statement_id: str):
        super().__init__(scope, id)
        from ._cfn_generated import CfnEventBusPolicy

        rendered: Any = statement
        if hasattr(statement, "to_statement_json"):
            rendered = Lazy.any(lambda: statement.to_statement_json())
        elif isinstance(statement, Mapping):
            rendered = dict(statement)
        CfnEventBusPolicy(self, "Resource", statement_id=statement_id, statement=rendered,
                          event_bus_name=event_bus.event_bus_name)

"""`EventBridgePutEvents`: a task that puts events on EventBridge buses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from cdk_events import IEventBus
from cdk_events.core import ArnFormat, Construct, Stack

from ...core._errors import construct_error
from ...core._struct import camel_case_keys, to_struct
from ...core._struct_methods import struct_methods
from .. import iam
from ..sfn import FieldUtils, IntegrationPattern, QueryLanguage, TaskInput, TaskStateBase
from ._task_utils import integration_resource_arn, pattern_of, validate_pattern_supported


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class EventBridgePutEventsEntry:
    """One event to send (mirrors `EventBridgePutEventsEntry`); `event_bus` defaults to the account's
    default bus."""

    detail: TaskInput
    detail_type: str
    source: str
    event_bus: IEventBus | None = None


class EventBridgePutEvents(TaskStateBase):
    """Send `entries` with PutEvents (mirrors `EventBridgePutEvents`). The role gets `events:PutEvents`
    on each entry's bus."""

    _SUPPORTED = (IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN)

    def __init__(self, scope: Construct, id: str, *,
                 entries: Sequence[EventBridgePutEventsEntry | Mapping[str, Any]],
                 integration_pattern: IntegrationPattern | None = None, **props: Any):
        super().__init__(scope, id, integration_pattern=integration_pattern, **props)
        if not isinstance(entries, (list, tuple)):
            raise construct_error(self, f"'entries' must be a list of EventBridgePutEventsEntry, got {entries!r}")
        self.entries: list[EventBridgePutEventsEntry] = [self._entry(e) for e in entries]
        self.integration_pattern = pattern_of(self, integration_pattern)
        validate_pattern_supported(self, self.integration_pattern, self._SUPPORTED)
        if (self.integration_pattern is IntegrationPattern.WAIT_FOR_TASK_TOKEN
                and not FieldUtils.contains_task_token([e.detail for e in self.entries])):
            raise construct_error(self, "Task Token is required in `entries`. Use JsonPath.taskToken to set the "
                                        "token.")
        if not self.entries:
            raise construct_error(self, "Value for property `entries` must be a non-empty array.")
        if any(e.source.startswith("aws.") for e in self.entries):
            raise construct_error(self, 'Event source cannot start with "aws."')
        stack = Stack.of(self)
        arns = [e.event_bus.event_bus_arn if e.event_bus is not None else stack.format_arn(
            resource="event-bus", resource_name="default", arn_format=ArnFormat.SLASH_RESOURCE_NAME,
            service="events") for e in self.entries]
        self.task_policies = [iam.PolicyStatement(actions=["events:PutEvents"], resources=arns)]

    def _entry(self, value: Any) -> EventBridgePutEventsEntry:
        if isinstance(value, Mapping):  # a dict inside a list: jsii passes it with camelCase keys
            value = to_struct(EventBridgePutEventsEntry, camel_case_keys(value, EventBridgePutEventsEntry),
                              prop="entries", scope=self)
        if not isinstance(value, EventBridgePutEventsEntry):
            raise construct_error(self, f"'entries' items must be EventBridgePutEventsEntry, got {value!r}")
        if not isinstance(value.detail, TaskInput):
            raise construct_error(self, f"'entries[].detail' must be a sfn.TaskInput, got {value.detail!r}")
        return value

    def _render_task(self, top_level_query_language: QueryLanguage | None) -> dict[str, Any]:
        return {
            "Resource": integration_resource_arn("events", "putEvents", self.integration_pattern),
            **self._render_parameters_or_arguments({"Entries": [
                {k: v for k, v in {
                    "Detail": e.detail.value,
                    "DetailType": e.detail_type,
                    "EventBusName": e.event_bus.event_bus_arn if e.event_bus is not None else None,
                    "Source": e.source,
                }.items() if v is not None} for e in self.entries]}, top_level_query_language),
        }

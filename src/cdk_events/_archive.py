"""`Archive`: keeps the events of a bus for replay."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from ._event_pattern import EventPattern, pattern_object, render_event_pattern
from .core import Construct, Duration, Resource
from .core._checked import Name, Text

if TYPE_CHECKING:
    from ._event_bus_ref import IEventBus
    from .aws.kms import IKey


class Archive(Resource):
    """An archive of a bus's events (mirrors `aws_cdk.aws_events.Archive`).

    `retention` defaults to indefinitely (`RetentionDays: 0`); `kms_key` defaults to an AWS-owned key.
    """

    # EventBridge's limits (checked with the arguments, core._checked)
    _CHECKS: ClassVar[dict[str, Any]] = {"archive_name": Name(48, r"[\.\-_A-Za-z0-9]+"), "description": Text(512)}

    def __init__(self, scope: Construct, id: str, *, source_event_bus: IEventBus,
                 event_pattern: EventPattern | Mapping[str, Any],
                 archive_name: str | None = None, description: str | None = None,
                 retention: Duration | None = None, kms_key: IKey | None = None):
        super().__init__(scope, id, physical_name=archive_name)
        from ._cfn_generated import CfnArchive

        archive = CfnArchive(
            self, "Archive",
            source_arn=source_event_bus.event_bus_arn,
            description=description,
            event_pattern=render_event_pattern(pattern_object(event_pattern)),
            retention_days=(retention.to_days(integral=True) if retention is not None else 0) or 0,
            archive_name=self.physical_name,
            kms_key_identifier=kms_key.key_arn if kms_key is not None else "",
        )
        if kms_key is not None:
            self._allow_key(kms_key, source_event_bus.event_bus_arn)
        self.archive_arn: str = archive.attr_arn
        self.archive_name: str = archive.ref

    def _allow_key(self, key: IKey, bus_arn: str) -> None:
        from .aws import iam  # iam loads only for grants, policies and keys (most apps never need it here)

        principal = iam.ServicePrincipal("events.amazonaws.com")
        key.add_to_resource_policy(iam.PolicyStatement(
            sid="Allow EventBridge to use kms operations",
            actions=["kms:Decrypt", "kms:GenerateDataKey", "kms:ReEncrypt*"], resources=["*"],
            principals=[principal],
            conditions={"StringEquals": {"kms:EncryptionContext:aws:events:event-bus:arn": bus_arn}}))
        key.add_to_resource_policy(iam.PolicyStatement(
            sid="Allow EventBridge to call kms:DescribeKey", actions=["kms:DescribeKey"], resources=["*"],
            principals=[principal]))

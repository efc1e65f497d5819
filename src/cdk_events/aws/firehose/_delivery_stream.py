"""`DeliveryStream` imports: Amazon Data Firehose delivery streams defined elsewhere, with their grants."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, CfnMapping, Construct, Node, Resource, ResourceEnvironment, Stack

from ...core import ValidationError
from ...core._errors import construct_error
from ...core._import_checks import require_str, split_import_arn
from .. import iam
from ._cidr_blocks import FIREHOSE_CIDR_BLOCKS

_ARN_SHAPE = "arn:<partition>:firehose:<region>:<account>:deliverystream/<name>"
_CIDR_MAPPING_ID = "@aws-cdk/aws-kinesisfirehose.CidrBlocks"
PUT_RECORD_ACTIONS = ("firehose:PutRecord", "firehose:PutRecordBatch")


@runtime_checkable
class IDeliveryStream(Protocol):
    """A Firehose delivery stream (mirrors `aws_cdk.aws_kinesisfirehose.IDeliveryStream`)."""

    @property
    def delivery_stream_arn(self) -> str: ...

    @property
    def delivery_stream_name(self) -> str: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def node(self) -> Node: ...

    def grant_put_records(self, grantee: iam.IGrantable) -> iam.Grant: ...


def _firehose_cidr_block(scope: Construct) -> str:
    """The CIDR block Firehose connects from in the stack's region (a mapping lookup when the region is
    not known), as the CDK computes for every delivery stream's `connections`."""
    stack = Stack.of(scope)
    mapping = stack.node.try_find_child(_CIDR_MAPPING_ID)
    if not isinstance(mapping, CfnMapping):
        mapping = CfnMapping(stack, _CIDR_MAPPING_ID, lazy=True, mapping={
            region: {"FirehoseCidrBlock": block} for region, block in FIREHOSE_CIDR_BLOCKS.items()})
    return mapping.find_in_map(stack.region, "FirehoseCidrBlock")


class DeliveryStreamBase(Resource):
    """What every delivery stream offers: its ARN, its name and grants on it."""

    delivery_stream_arn: str
    delivery_stream_name: str

    def __init__(self, scope: Construct, id: str, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        self.firehose_cidr_block = _firehose_cidr_block(self)

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this delivery stream to `grantee` (in its own policy)."""
        return iam.Grant.add_to_principal(grantee=grantee, actions=list(actions),
                                          resource_arns=[self.delivery_stream_arn])

    def grant_put_records(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `firehose:PutRecord` and `firehose:PutRecordBatch` on this delivery stream."""
        return self.grant(grantee, *PUT_RECORD_ACTIONS)


class _ImportedDeliveryStream(DeliveryStreamBase):
    def __init__(self, scope: Construct, id: str, *, arn: str, name: str, role: Any):
        super().__init__(scope, id)
        self.delivery_stream_arn = arn
        self.delivery_stream_name = name
        self.role = role

    @property
    def grant_principal(self) -> Any:
        """The role given at import (None: the stream cannot be granted permissions)."""
        return self.role


class DeliveryStream(DeliveryStreamBase):
    """A Firehose delivery stream (mirrors `aws_cdk.aws_kinesisfirehose.DeliveryStream`).

    cdk-events only imports delivery streams: use `from_delivery_stream_arn`, `from_delivery_stream_name`
    or `from_delivery_stream_attributes`.
    """

    def __init__(self, scope: Construct, id: str, **props: Any) -> None:
        raise ValidationError(
            f"[{scope.node.path}/{id}] cdk-events cannot define delivery streams; import one with "
            "firehose.DeliveryStream.from_delivery_stream_arn(...), from_delivery_stream_name(...) or "
            "from_delivery_stream_attributes(...)")

    @staticmethod
    def from_delivery_stream_arn(scope: Construct, id: str, delivery_stream_arn: str) -> IDeliveryStream:
        """A delivery stream defined elsewhere, by ARN (`arn:aws:firehose:<region>:<account>:deliverystream/<name>`)."""
        return _import(scope, id, arn=delivery_stream_arn, name=None, role=None)

    @staticmethod
    def from_delivery_stream_name(scope: Construct, id: str, delivery_stream_name: str) -> IDeliveryStream:
        """A delivery stream of this stack's account and region, by name."""
        return _import(scope, id, arn=None, name=delivery_stream_name, role=None)

    @staticmethod
    def from_delivery_stream_attributes(scope: Construct, id: str, *, delivery_stream_arn: str | None = None,
                                        delivery_stream_name: str | None = None,
                                        role: Any = None) -> IDeliveryStream:
        """A delivery stream defined elsewhere: give its ARN, its name or both (the missing one is derived);
        `role` (default none) is the stream's own role."""
        return _import(scope, id, arn=delivery_stream_arn, name=delivery_stream_name, role=role)


def _import(scope: Construct, id: str, *, arn: str | None, name: str | None, role: Any) -> IDeliveryStream:
    if not arn and not name:
        raise construct_error(scope, "Either deliveryStreamName or deliveryStreamArn must be provided in "
                                     "DeliveryStreamAttributes (got delivery_stream_arn="
                                     f"{arn!r}, delivery_stream_name={name!r})")
    if name is not None:
        name = require_str(scope, "delivery_stream_name", name, "a delivery stream name (a non-empty string)")
    else:
        name = split_import_arn(scope, "delivery_stream_arn", arn, ArnFormat.SLASH_RESOURCE_NAME, _ARN_SHAPE,
                                service="firehose").resource_name or ""
    if arn is not None:
        arn = require_str(scope, "delivery_stream_arn", arn, f"an ARN like {_ARN_SHAPE}")
    else:
        arn = Stack.of(scope).format_arn(service="firehose", resource="deliverystream", resource_name=name,
                                         arn_format=ArnFormat.SLASH_RESOURCE_NAME)
    return _ImportedDeliveryStream(scope, id, arn=arn, name=name, role=role)

"""Cross-stack references, made the way the CDK makes them.

When a `Ref`/`Fn::GetAtt` of an element in one stack is resolved in another stack of the same
app, the producer gets an output and the consumer reads it: `Fn::GetStackOutput` of a
`PublishOutput...` output when `@aws-cdk/core:defaultCrossStackReferences` is `weak`, otherwise an
export (`ExportsOutput...`) and `Fn::ImportValue` (`both` writes both). The consumer stack then
depends on the producer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._cfn_element import CfnReference
from ._cfn_output import CfnOutput
from ._construct import Construct
from ._errors import ValidationError
from ._fn import Fn
from ._json import js_stringify
from ._names import make_unique_id
from ._token_encoding import STRING_TOKEN_RE, TOKEN_MAP, Intrinsic, IResolvable, is_unresolved

if TYPE_CHECKING:
    from ._stack import Stack

STRENGTH_CONTEXT = "@aws-cdk/core:defaultCrossStackReferences"


def _resolved_or(value: str, fallback: str) -> str:
    return fallback if is_unresolved(value) else value


def _scope(stack: Stack, name: str) -> Construct:
    found = stack.node.try_find_child(name)
    if found is None:
        found = Construct(stack, name)
    return found


def _render(reference: CfnReference) -> str:
    return f"{{{reference.target.node.path}[{reference.display_name}]}}"


def _check_environment(consumer: Stack, producer: Stack, reference: CfnReference, weak: bool) -> None:
    if consumer.node.root is not producer.node.root:
        raise ValidationError("Cannot reference across apps. Consuming and producing stacks must be defined "
                              "within the same CDK app.")
    if _resolved_or(producer.account, "{unknown}") != _resolved_or(consumer.account, "{unknown}"):
        raise ValidationError(
            f'Stack "{consumer.node.path}" cannot reference {_render(reference)} in stack "{producer.node.path}". '
            "Cross stack references are only supported for stacks deployed to the same account or between "
            "nested stacks and their parent stack")
    producer_region = _resolved_or(producer.region, "{unknown}")
    consumer_region = _resolved_or(consumer.region, "{unknown}")
    if producer_region != consumer_region and not (weak or consumer.cross_region_references):
        if "{unknown}" in (producer_region, consumer_region):
            raise ValidationError(
                f'Stack "{consumer.node.path}" cannot reference {_render(reference)} in stack '
                f'"{producer.node.path}". Cross stack/region references are only supported for stacks with an '
                "explicit region defined. ")
        raise ValidationError(
            f'Stack "{consumer.node.path}" cannot reference {_render(reference)} in stack "{producer.node.path}". '
            "Cross stack references are only supported for stacks deployed to the same environment or between "
            "nested stacks and their parent stack. Set crossRegionReferences=true to enable cross region references")


def reference_from(consumer: Stack, reference: CfnReference) -> IResolvable:
    """The value `reference` takes in the stack `consumer` (creating outputs in the producer)."""
    producer = reference.target_stack
    strength = consumer.node.try_get_context(STRENGTH_CONTEXT) or "strong"
    if strength not in ("strong", "weak", "both"):
        raise ValidationError(f"{STRENGTH_CONTEXT} must be one of 'strong', 'weak' or 'both', got {strength!r}")
    _check_environment(consumer, producer, reference, strength == "weak")
    consumer.add_dependency(
        producer, f"{consumer.node.path} -> {reference.target.node.path}.{reference.display_name}")
    reference.target._lock_logical_id()
    output_id = "Output" + js_stringify(reference.local_value())
    value: IResolvable
    if strength in ("strong", "both"):
        export_name = _export_name(producer, output_id)
        exports = _scope(producer, "Exports")
        if exports.node.try_find_child(output_id) is None:
            CfnOutput(exports, output_id, value=reference.to_string(), export_name=export_name)
        value = Intrinsic({"Fn::ImportValue": export_name})
    if strength in ("weak", "both"):
        publish = _scope(producer, "Publish")
        output = publish.node.try_find_child(output_id)
        if output is None:
            output = CfnOutput(publish, output_id, value=reference.to_string())
        if strength == "weak":
            value = _StackOutput(producer, output)  # type: ignore[arg-type]
    producer._mark_changed()
    return value


class _StackOutput(IResolvable):
    def __init__(self, producer: Stack, output: CfnOutput):
        self.producer = producer
        self.output = output

    def resolve(self, context: Any) -> Any:
        return {"Fn::GetStackOutput": {
            "StackName": self.producer.stack_name,
            "Region": context.resolve(self.producer.region),
            "OutputName": self.output.resolved_logical_id(),
        }}


def _export_name(producer: Stack, output_id: str) -> str:
    prefix = producer.stack_name + ":" if producer.stack_name else ""
    local = make_unique_id(["Exports", output_id])
    return prefix + local[max(0, len(local) - 255 + len(prefix)):]


def export_value(stack: Stack, value: Any, *, name: str | None = None, description: str | None = None) -> str:
    """`Stack.export_value`: an output with an export name; the `Fn::ImportValue` to read it."""
    if name is not None:
        CfnOutput(_scope(stack, "Exports"), name, value=value, export_name=name, description=description)
        return Fn.import_value(name)
    token = None
    if isinstance(value, str):
        match = STRING_TOKEN_RE.fullmatch(value)
        token = TOKEN_MAP.lookup_string(match.group(0)) if match else None
    if not isinstance(token, CfnReference):
        raise ValidationError(
            f"Stack '{stack.node.path}': exportValue: either supply 'name' or make sure to export a resource "
            f"attribute (like 'bucket.bucketName'), got {value!r}")
    output_id = "Output" + js_stringify(token.local_value())
    export_name = _export_name(stack, output_id)
    exports = _scope(stack, "Exports")
    if exports.node.try_find_child(output_id) is None:
        CfnOutput(exports, output_id, value=value, export_name=export_name, description=description)
    token.target._lock_logical_id()
    return Fn.import_value(export_name)

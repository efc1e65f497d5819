"""cdk_events.aws.ssm: SSM parameters (the `aws_cdk.aws_ssm` counterpart).

Owned `StringParameter` / `StringListParameter`, imports by name or attributes, and
`value_for_string_parameter`, which reads a parameter at deployment through the template
parameters (`AWS::SSM::Parameter::Value<String>`) the CDK adds. `value_from_lookup` (a synth-time
account lookup) is not offered.
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnParameter
    from ._parameter import (
        IParameter,
        IStringListParameter,
        IStringParameter,
        ParameterBase,
        ParameterDataType,
        ParameterTier,
        ParameterType,
        ParameterValueType,
        StringListParameter,
        StringParameter,
    )

__all__ = ["CfnParameter", "IParameter", "IStringListParameter", "IStringParameter", "ParameterBase",
           "ParameterDataType", "ParameterTier", "ParameterType", "ParameterValueType", "StringListParameter",
           "StringParameter"]

lazy_exports(globals(), {
    "CfnParameter": "._cfn_generated",
    "IParameter": "._parameter",
    "IStringListParameter": "._parameter",
    "IStringParameter": "._parameter",
    "ParameterBase": "._parameter",
    "ParameterDataType": "._parameter",
    "ParameterTier": "._parameter",
    "ParameterType": "._parameter",
    "ParameterValueType": "._parameter",
    "StringListParameter": "._parameter",
    "StringParameter": "._parameter",
})

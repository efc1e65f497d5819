"""SSM parameters: owned `StringParameter` / `StringListParameter`, imports by name or attributes,
and `value_for_string_parameter` (the `AWS::SSM::Parameter::Value<String>` template parameters)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, runtime_checkable

from cdk_events.core import (
    Annotations,
    ArnFormat,
    CfnParameter,
    Construct,
    Fn,
    Node,
    Resource,
    ResourceEnvironment,
    Stack,
    Token,
    ValidationError,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_enum, check_str
from .. import iam
from ._cfn_generated import CfnParameter as CfnSsmParameter

if TYPE_CHECKING:
    from ..kms import IKey

AUTOGEN_MARKER = "$$autogen$$"
_NAME = re.compile(r"^[/\w.-]+$", re.ASCII)


class ParameterTier(Enum):
    """The tier of a parameter (default: SSM's, Standard)."""

    ADVANCED = "Advanced"
    INTELLIGENT_TIERING = "Intelligent-Tiering"
    STANDARD = "Standard"


class ParameterType(Enum):
    """The type of a parameter."""

    STRING = "String"
    SECURE_STRING = "SecureString"
    STRING_LIST = "StringList"
    AWS_EC2_IMAGE_ID = "AWS::EC2::Image::Id"


class ParameterDataType(Enum):
    """The data type of a String parameter (`aws:ec2:image` makes SSM check AMI ids)."""

    TEXT = "text"
    AWS_EC2_IMAGE = "aws:ec2:image"


class ParameterValueType(Enum):
    """The type an imported parameter's value is read as (`AWS::SSM::Parameter::Value<type>`)."""

    STRING = "String"
    AWS_EC2_AVAILABILITYZONE_NAME = "AWS::EC2::AvailabilityZone::Name"
    AWS_EC2_IMAGE_ID = "AWS::EC2::Image::Id"
    AWS_EC2_INSTANCE_ID = "AWS::EC2::Instance::Id"
    AWS_EC2_KEYPAIR_KEYNAME = "AWS::EC2::KeyPair::KeyName"
    AWS_EC2_SECURITYGROUP_GROUPNAME = "AWS::EC2::SecurityGroup::GroupName"
    AWS_EC2_SECURITYGROUP_ID = "AWS::EC2::SecurityGroup::Id"
    AWS_EC2_SUBNET_ID = "AWS::EC2::Subnet::Id"
    AWS_EC2_VOLUME_ID = "AWS::EC2::Volume::Id"
    AWS_EC2_VPC_ID = "AWS::EC2::VPC::Id"
    AWS_ROUTE53_HOSTEDZONE_ID = "AWS::Route53::HostedZone::Id"


@runtime_checkable
class IParameter(Protocol):
    """An SSM parameter, defined here or imported (mirrors `aws_cdk.aws_ssm.IParameter`)."""

    @property
    def parameter_arn(self) -> str: ...

    @property
    def parameter_name(self) -> str: ...

    @property
    def parameter_type(self) -> str: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def grant_read(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant_write(self, grantee: iam.IGrantable) -> iam.Grant: ...


@runtime_checkable
class IStringParameter(IParameter, Protocol):
    """A String parameter: its value as a string token."""

    @property
    def string_value(self) -> str: ...


@runtime_checkable
class IStringListParameter(IParameter, Protocol):
    """A StringList parameter: its value as a list token."""

    @property
    def string_list_value(self) -> list[str]: ...


def arn_for_parameter_name(scope: Construct, parameter_name: str, *, physical_name: str | None = None,
                           simple_name: bool | None = None) -> str:
    """The ARN of a parameter: `...:parameter/<name>` for a simple name, `...:parameter<name>` for a
    name that starts with `/`."""
    name_to_check = physical_name or parameter_name
    if not Token.is_unresolved(name_to_check) and "/" in name_to_check and not name_to_check.startswith("/"):
        raise construct_error(scope, "Parameter names must be fully qualified (if they include \"/\" they must also "
                                     f"begin with a \"/\"): {name_to_check}")
    concrete = parameter_name if not Token.is_unresolved(parameter_name) else physical_name
    if not concrete or Token.is_unresolved(concrete):
        if simple_name is None:
            raise construct_error(scope, "Unable to determine ARN separator for SSM parameter since the parameter "
                                         "name is an unresolved token. Use \"fromAttributes\" and specify "
                                         "\"simpleName\" explicitly")
        simple = simple_name
    else:
        simple = not concrete.startswith("/")
        if simple_name is not None and simple_name != simple:
            if concrete == AUTOGEN_MARKER:
                raise construct_error(scope, "If \"parameterName\" is not explicitly defined, \"simpleName\" must be "
                                             "\"true\" or undefined since auto-generated parameter names always have "
                                             "simple names")
            raise construct_error(
                scope, f"Parameter name \"{concrete}\" is {'a simple name' if simple else 'not a simple name'}, but "
                       f"\"simpleName\" was explicitly set to {str(simple_name).lower()}. Either omit it or set it to "
                       f"{str(simple).lower()}")
    stack = Stack.of(scope)
    if simple:
        return stack.format_arn(service="ssm", resource="parameter", arn_format=ArnFormat.SLASH_RESOURCE_NAME,
                                resource_name=parameter_name)
    return stack.format_arn(service="ssm", resource=f"parameter{parameter_name}")


def _validate_name(scope: Construct, name: str | None) -> None:
    if name is None or Token.is_unresolved(name):
        return
    if len(name) > 2048:
        raise construct_error(scope, "name cannot be longer than 2048 characters.")
    if not _NAME.match(name):
        raise construct_error(
            scope, f"name must only contain letters, numbers, and the following 4 symbols .-_/; got {name}")


def _assert_valid_value(scope: Construct, value: str, allowed_pattern: str) -> None:
    if Token.is_unresolved(value) or Token.is_unresolved(allowed_pattern):
        return
    if not re.search(allowed_pattern, value):
        raise construct_error(
            scope, f"The supplied value ({value}) does not match the specified allowedPattern ({allowed_pattern})")


class ParameterBase(Resource):
    """What owned and imported parameters share: the grants."""

    parameter_arn: str
    parameter_name: str
    parameter_type: str
    encryption_key: IKey | None = None

    def grant_read(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `ssm:DescribeParameters`, `ssm:GetParameters`, `ssm:GetParameter`,
        `ssm:GetParameterHistory` on this parameter (and decrypt on its key, if any)."""
        if self.encryption_key is not None:
            self.encryption_key.grant_decrypt(grantee)
        return iam.Grant.add_to_principal(
            grantee=grantee, resource_arns=[self.parameter_arn],
            actions=["ssm:DescribeParameters", "ssm:GetParameters", "ssm:GetParameter", "ssm:GetParameterHistory"])

    def grant_write(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `ssm:PutParameter` on this parameter (and encrypt on its key, if any)."""
        if self.encryption_key is not None:
            self.encryption_key.grant_encrypt(grantee)
        return iam.Grant.add_to_principal(grantee=grantee, actions=["ssm:PutParameter"],
                                          resource_arns=[self.parameter_arn])


def _check_common(scope: Construct, parameter_name: Any, description: Any, tier: Any, allowed_pattern: Any,
                  simple_name: Any) -> None:
    check_str(scope, "parameter_name", parameter_name)
    check_str(scope, "description", description)
    check_str(scope, "allowed_pattern", allowed_pattern)
    check_enum(scope, "tier", tier, ParameterTier)
    check_bool(scope, "simple_name", simple_name)
    _validate_name(scope, parameter_name)
    if description and not Token.is_unresolved(description) and len(description) > 1024:
        raise construct_error(scope, "Description cannot be longer than 1024 characters.")


class StringParameter(ParameterBase):
    """A String SSM parameter (mirrors `aws_cdk.aws_ssm.StringParameter`).

    `string_value` is required; `parameter_name` defaults to a CloudFormation-generated name;
    `tier`, `description`, `allowed_pattern`, `data_type` default to none (SSM's defaults).
    """

    def __init__(self, scope: Construct, id: str, *, string_value: str, parameter_name: str | None = None,
                 description: str | None = None, tier: ParameterTier | None = None,
                 allowed_pattern: str | None = None, data_type: ParameterDataType | None = None,
                 type: ParameterType | None = None, simple_name: bool | None = None):
        super().__init__(scope, id, physical_name=parameter_name)
        if not isinstance(string_value, str):
            raise construct_error(self, f"'string_value' is required and must be a string, got {string_value!r}")
        check_enum(self, "data_type", data_type, ParameterDataType)
        check_enum(self, "type", type, ParameterType)
        if allowed_pattern:
            _assert_valid_value(self, string_value, allowed_pattern)
        _check_common(self, parameter_name, description, tier, allowed_pattern, simple_name)
        if type is ParameterType.AWS_EC2_IMAGE_ID:
            raise construct_error(self, "The type must either be ParameterType.STRING or ParameterType.STRING_LIST. "
                                        "Did you mean to set dataType: ParameterDataType.AWS_EC2_IMAGE instead?")
        resource = CfnSsmParameter(
            self, "Resource", allowed_pattern=allowed_pattern, description=description, name=self.physical_name,
            tier=tier.value if tier is not None else None, type=(type or ParameterType.STRING).value,
            data_type=data_type.value if data_type is not None else None, value=string_value)
        self.parameter_name = self._get_resource_name_attribute(resource.ref)
        self.parameter_arn = arn_for_parameter_name(self, self.parameter_name,
                                                    physical_name=parameter_name or AUTOGEN_MARKER,
                                                    simple_name=simple_name)
        self.parameter_type = resource.attr_type
        self.string_value = resource.attr_value

    @staticmethod
    def from_string_parameter_name(scope: Construct, id: str, string_parameter_name: str) -> IStringParameter:
        """A String parameter defined elsewhere, by name: its value is read at deployment through a
        template parameter (`AWS::SSM::Parameter::Value<String>`, id `<id>.Parameter`)."""
        return StringParameter.from_string_parameter_attributes(scope, id, parameter_name=string_parameter_name)

    @staticmethod
    def from_string_parameter_arn(scope: Construct, id: str, string_parameter_arn: str) -> IStringParameter:
        """A String parameter defined elsewhere (another account, the same region), by ARN: its value
        is read at deployment through a template parameter whose default is the ARN."""
        where = f"[{scope.node.path}/{id}]"
        if not isinstance(string_parameter_arn, str) or Token.is_unresolved(string_parameter_arn):
            raise ValidationError(f"{where} stringParameterArn cannot be an unresolved token, got "
                                  f"{string_parameter_arn!r}")
        parts = string_parameter_arn.split(":")
        region = Stack.of(scope).region
        if len(parts) != 6:
            raise ValidationError(f"{where} unexpected StringParameterArn format: {string_parameter_arn}")
        if Token.is_unresolved(region):
            Annotations.of(scope).add_warning_v2("aws-cdk-lib/aws-ssm:crossAccountReferenceSameRegion",
                                                 "Cross-account references will only work within the same region")
        elif parts[3] != region:
            raise ValidationError(f"{where} stringParameterArn must be in the same region as the stack")
        value = CfnParameter(scope, f"{id}.Parameter", type="AWS::SSM::Parameter::Value<String>",
                             default=string_parameter_arn).value_as_string
        name = re.sub(r"parameter/$", "", string_parameter_arn.split("/")[-1])
        imported = _ImportedStringParameter(scope, id, name, value, None, arn=string_parameter_arn)
        return imported

    @staticmethod
    def from_secure_string_parameter_attributes(scope: Construct, id: str, *, parameter_name: str,
                                                version: int | None = None, encryption_key: IKey | None = None,
                                                simple_name: bool | None = None) -> IStringParameter:
        """A SecureString parameter defined elsewhere: its value is a `{{resolve:ssm-secure:...}}`
        dynamic reference; `encryption_key` makes `grant_read` cover decrypting."""
        reference = f"{parameter_name}:{version}" if version else parameter_name
        imported = _ImportedStringParameter(scope, id, parameter_name, f"{{{{resolve:ssm-secure:{reference}}}}}",
                                            simple_name, parameter_type=ParameterType.SECURE_STRING.value)
        imported.encryption_key = encryption_key
        return imported

    @staticmethod
    def from_string_parameter_attributes(scope: Construct, id: str, *, parameter_name: str,
                                         version: int | None = None, value_type: ParameterValueType | None = None,
                                         type: ParameterType | None = None, simple_name: bool | None = None,
                                         force_dynamic_reference: bool | None = None) -> IStringParameter:
        """A String parameter defined elsewhere. Its `string_value` is a template parameter of type
        `AWS::SSM::Parameter::Value<value_type>` (default String), or, with `version` (or
        `force_dynamic_reference`), a `{{resolve:ssm:<name>[:<version>]}}` dynamic reference."""
        if not parameter_name:
            raise ValidationError(f"[{scope.node.path}/{id}] parameterName cannot be an empty string")
        if not isinstance(parameter_name, str):
            raise ValidationError(f"[{scope.node.path}/{id}] 'parameter_name' must be a string, got {parameter_name!r}")
        if type is not None and type not in (ParameterType.STRING, ParameterType.AWS_EC2_IMAGE_ID):
            raise ValidationError(f"fromStringParameterAttributes does not support {type.value}. Please use "
                                  "ParameterType.STRING or ParameterType.AWS_EC2_IMAGE_ID")
        kind = type.value if type is not None else (value_type or ParameterValueType.STRING).value
        if version:
            value = f"{{{{resolve:ssm:{parameter_name}:{Token.as_string(version)}}}}}"
        elif force_dynamic_reference or Token.is_unresolved(parameter_name):
            value = f"{{{{resolve:ssm:{parameter_name}}}}}"
        else:
            value = CfnParameter(scope, f"{id}.Parameter", type=f"AWS::SSM::Parameter::Value<{kind}>",
                                 default=parameter_name).value_as_string
        return _ImportedStringParameter(scope, id, parameter_name, value, simple_name)

    @staticmethod
    def value_for_string_parameter(scope: Construct, parameter_name: str, version: int | None = None) -> str:
        """The value of a String parameter, read at deployment; the first lookup of a name in a
        stack makes the template parameter (or, with `version`, the dynamic reference) that later
        lookups of the same name reuse."""
        return StringParameter.value_for_typed_string_parameter_v2(scope, parameter_name,
                                                                   ParameterValueType.STRING, version)

    @staticmethod
    def value_for_typed_string_parameter_v2(scope: Construct, parameter_name: str,
                                            type: ParameterValueType = ParameterValueType.STRING,
                                            version: int | None = None) -> str:
        """`value_for_string_parameter` with the value read as `type`."""
        stack = Stack.of(scope)
        id = _identity(parameter_name)
        exists = stack.node.try_find_child(id)
        if exists is not None:
            value: str = exists.string_value  # type: ignore[attr-defined]
            return value
        return StringParameter.from_string_parameter_attributes(stack, id, parameter_name=parameter_name,
                                                                version=version, value_type=type).string_value

    @staticmethod
    def value_from_lookup(scope: Construct, parameter_name: str, default_value: str | None = None,
                          **kwargs: Any) -> NoReturn:
        """Not offered: a lookup reads the account at synthesis through the CDK CLI's context
        providers, which cdk-events does not run."""
        raise ValidationError(
            f"[{scope.node.path}] StringParameter.value_from_lookup('{parameter_name}') is not offered by cdk-events: "
            "it reads the parameter from the account at synthesis through the CDK CLI's context providers, which "
            "cdk-events does not run. Use StringParameter.value_for_string_parameter(scope, name) (read at "
            "deployment), or put the value in cdk.json context and read it with node.try_get_context(...)")


class _ImportedStringParameter(ParameterBase):
    def __init__(self, scope: Construct, id: str, name: str, value: str, simple_name: bool | None, *,
                 arn: str | None = None, parameter_type: str = ParameterType.STRING.value):
        super().__init__(scope, id)
        self.parameter_name = name
        self.parameter_arn = arn or arn_for_parameter_name(self, name, simple_name=simple_name)
        self.parameter_type = parameter_type
        self.string_value = value


class StringListParameter(ParameterBase):
    """A StringList SSM parameter (mirrors `aws_cdk.aws_ssm.StringListParameter`): the values are
    joined with `,` (so none may contain one); `string_list_value` reads them back as a list."""

    def __init__(self, scope: Construct, id: str, *, string_list_value: Sequence[str],
                 parameter_name: str | None = None, description: str | None = None,
                 tier: ParameterTier | None = None, allowed_pattern: str | None = None,
                 simple_name: bool | None = None):
        super().__init__(scope, id, physical_name=parameter_name)
        if not Token.is_unresolved(string_list_value) and (
                isinstance(string_list_value, str) or not isinstance(string_list_value, (list, tuple))):
            raise construct_error(self, f"'string_list_value' must be a list of strings, got {string_list_value!r}")
        if any(not Token.is_unresolved(s) and "," in s for s in string_list_value):
            raise construct_error(self, "Values of a StringList SSM Parameter cannot contain the ',' character. Use a "
                                        "string parameter instead.")
        if allowed_pattern and not Token.is_unresolved(string_list_value):
            for item in string_list_value:
                _assert_valid_value(self, item, allowed_pattern)
        _check_common(self, parameter_name, description, tier, allowed_pattern, simple_name)
        resource = CfnSsmParameter(
            self, "Resource", allowed_pattern=allowed_pattern, description=description, name=self.physical_name,
            tier=tier.value if tier is not None else None, type=ParameterType.STRING_LIST.value,
            value=Fn.join(",", list(string_list_value)))
        self.parameter_name = self._get_resource_name_attribute(resource.ref)
        self.parameter_arn = arn_for_parameter_name(self, self.parameter_name,
                                                    physical_name=parameter_name or AUTOGEN_MARKER,
                                                    simple_name=simple_name)
        self.parameter_type = resource.attr_type
        self.string_list_value = Fn.split(",", resource.attr_value)

    @staticmethod
    def from_string_list_parameter_name(scope: Construct, id: str,
                                        string_list_parameter_name: str) -> IStringListParameter:
        """A StringList parameter defined elsewhere, by name: its value is a `{{resolve:ssm:...}}`
        dynamic reference split on `,`."""
        value = Fn.split(",", f"{{{{resolve:ssm:{string_list_parameter_name}}}}}")
        return _ImportedListParameter(scope, id, string_list_parameter_name, value, None,
                                      ParameterType.STRING_LIST.value)

    @staticmethod
    def from_list_parameter_attributes(scope: Construct, id: str, *, parameter_name: str,
                                       element_type: ParameterValueType | None = None, version: int | None = None,
                                       simple_name: bool | None = None) -> IStringListParameter:
        """A StringList parameter defined elsewhere: a template parameter of type
        `AWS::SSM::Parameter::Value<List<element_type>>`, or with `version` a dynamic reference."""
        if not parameter_name:
            raise ValidationError(f"[{scope.node.path}/{id}] parameterName cannot be an empty string")
        value_type = f"List<{(element_type or ParameterValueType.STRING).value}>"
        if version:
            value = Token.as_list(f"{{{{resolve:ssm:{parameter_name}:{Token.as_string(version)}}}}}")
        else:
            value = CfnParameter(scope, f"{id}.Parameter", type=f"AWS::SSM::Parameter::Value<{value_type}>",
                                 default=parameter_name).value_as_list
        return _ImportedListParameter(scope, id, parameter_name, value, simple_name, value_type)

    @staticmethod
    def value_for_typed_list_parameter(scope: Construct, parameter_name: str,
                                       type: ParameterValueType = ParameterValueType.STRING,
                                       version: int | None = None) -> list[str]:
        """The value of a StringList parameter, read at deployment (reused per name and stack)."""
        stack = Stack.of(scope)
        id = _identity(parameter_name)
        exists = stack.node.try_find_child(id)
        if exists is not None:
            value: list[str] = exists.string_list_value  # type: ignore[attr-defined]
            return value
        return StringListParameter.from_list_parameter_attributes(
            stack, id, parameter_name=parameter_name, element_type=type, version=version).string_list_value


class _ImportedListParameter(ParameterBase):
    def __init__(self, scope: Construct, id: str, name: str, value: list[str], simple_name: bool | None,
                 parameter_type: str):
        super().__init__(scope, id)
        self.parameter_name = name
        self.parameter_arn = arn_for_parameter_name(self, name, simple_name=simple_name)
        self.parameter_type = parameter_type
        self.string_list_value = value


def _identity(parameter_name: str) -> str:
    return f"SsmParameterValue:{parameter_name}:C96584B6-F00A-464E-AD19-53AFF4B05118"

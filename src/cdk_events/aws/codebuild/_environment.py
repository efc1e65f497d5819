"""`BuildEnvironment` and `BuildEnvironmentVariable`, and how the variables render and grant."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from cdk_events.core import (
    ArnFormat,
    Construct,
    SecretValue,
    Stack,
    Token,
    TokenComparison,
    Tokenization,
    js_number,
)

from ...core._errors import construct_error
from ...core._struct import camel_case_keys, to_struct
from ...core._struct_methods import struct_methods
from .. import iam
from ._build_image import IBuildImage
from ._enums import BuildEnvironmentVariableType, ComputeType

if TYPE_CHECKING:
    from ..s3 import IBucket


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class BuildEnvironmentVariable:
    """An environment variable of a build (mirrors `aws_cdk.aws_codebuild.BuildEnvironmentVariable`).

    `value` is the literal value, a parameter name or a secret name/ARN, depending on `type`
    (default `BuildEnvironmentVariableType.PLAINTEXT`).
    """

    value: Any
    type: BuildEnvironmentVariableType | None = None


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class BuildEnvironmentCertificate:
    """A PEM certificate in S3 (mirrors `aws_cdk.aws_codebuild.BuildEnvironmentCertificate`)."""

    bucket: IBucket
    object_key: str


def _certificate(value: Any) -> BuildEnvironmentCertificate | None:
    return to_struct(BuildEnvironmentCertificate, value, prop="environment.certificate")


def _variables(value: Any) -> dict[str, BuildEnvironmentVariable] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        return value  # type: ignore[no-any-return]  # rejected by the project with a clear message
    return {name: BuildEnvironmentVariable(**camel_case_keys(item, BuildEnvironmentVariable))
            if isinstance(item, Mapping) else item for name, item in value.items()}


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class BuildEnvironment:
    """The build environment of a project (mirrors `aws_cdk.aws_codebuild.BuildEnvironment`).

    Defaults: `build_image` `LinuxBuildImage.STANDARD_7_0`; `compute_type` the image's default;
    no fleet; `privileged` False; no certificate; no environment variables.
    """

    build_image: IBuildImage | None = None
    compute_type: ComputeType | None = None
    fleet: Any = None
    privileged: bool | None = None
    certificate: BuildEnvironmentCertificate | None = attrs.field(
        default=None, converter=_certificate)
    environment_variables: Mapping[str, BuildEnvironmentVariable] | None = attrs.field(
        default=None, converter=_variables)


def to_build_environment(scope: Construct, value: Any) -> BuildEnvironment:
    """`environment` as a `BuildEnvironment` (a dict works too); None gives the defaults."""
    env = to_struct(BuildEnvironment, value, prop="environment", scope=scope)
    if env is None:
        return BuildEnvironment()
    if not isinstance(env, BuildEnvironment):
        raise construct_error(scope, f"'environment' must be a codebuild.BuildEnvironment (or a dict of its fields), "
                                     f"got {value!r}")
    if env.compute_type is not None and not isinstance(env.compute_type, ComputeType):
        raise construct_error(scope, f"'environment.compute_type' must be a codebuild.ComputeType, got "
                                     f"{env.compute_type!r}")
    if env.build_image is not None and not isinstance(env.build_image, IBuildImage):
        raise construct_error(scope, f"'environment.build_image' must be a codebuild.IBuildImage (e.g. "
                                     f"LinuxBuildImage.STANDARD_7_0), got {env.build_image!r}")
    return env


def to_variables(scope: Construct, prop: str, value: Any) -> dict[str, BuildEnvironmentVariable]:
    """`environment_variables` as a name -> `BuildEnvironmentVariable` dict (values may be dicts)."""
    converted = _variables(value)
    if converted is None:
        return {}
    if not isinstance(converted, dict):
        raise construct_error(scope, f"'{prop}' must be a dict of name to codebuild.BuildEnvironmentVariable, "
                                     f"got {value!r}")
    for name, item in converted.items():
        if not isinstance(item, BuildEnvironmentVariable):
            raise construct_error(scope, f"'{prop}[{name!r}]' must be a codebuild.BuildEnvironmentVariable (or a "
                                         f"dict with 'value' and 'type'), got {item!r}")
        if item.type is not None and not isinstance(item.type, BuildEnvironmentVariableType):
            raise construct_error(scope, f"'{prop}[{name!r}].type' must be a codebuild.BuildEnvironmentVariableType, "
                                         f"got {item.type!r}")
    return converted


def _to_js_string(value: Any) -> str:
    """`value.toString()` as JavaScript writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return js_number(value) if not Token.is_unresolved(value) else Token.as_string(value)
    return str(value)


def serialize_env_variables(variables: Mapping[str, BuildEnvironmentVariable], validate_no_plain_text_secrets: bool,
                            principal: iam.IGrantable | None, scope: Construct) -> list[dict[str, Any]]:
    """The CloudFormation `EnvironmentVariables` list; grants the principal what the SSM and Secrets
    Manager variables need (`ssm:GetParameters`, `secretsmanager:GetSecretValue`, `kms:Decrypt`)."""
    rendered: list[dict[str, Any]] = []
    ssm_resources: list[str] = []
    secret_resources: dict[str, None] = {}
    kms_resources: dict[str, None] = {}
    stack = Stack.of(scope)
    for name, variable in variables.items():
        value = _to_js_string(variable.value)
        var_type = variable.type or BuildEnvironmentVariableType.PLAINTEXT
        rendered.append({"Name": name, "Type": var_type.value, "Value": value})
        if validate_no_plain_text_secrets and var_type is BuildEnvironmentVariableType.PLAINTEXT \
                and any(isinstance(token, SecretValue) for token in Tokenization.split_string(value).tokens):
            raise construct_error(
                scope, f"Plaintext environment variable '{name}' contains a secret value! This means the value "
                       "of this variable will be visible in plain text in the AWS Console. Please consider using "
                       "CodeBuild's SecretsManager environment variables feature instead. If you'd like to "
                       "continue with having this secret in the plaintext environment variables, please set the "
                       "checkSecretsInPlainTextEnvVariables property to false")
        if principal is None:
            continue
        if variable.type is BuildEnvironmentVariableType.PARAMETER_STORE:
            ssm_resources.append(stack.format_arn(service="ssm", resource="parameter",
                                                  resource_name=value[1:] if value.startswith("/") else value))
        elif variable.type is BuildEnvironmentVariableType.SECRETS_MANAGER:
            _secret_resources(stack, scope, value, secret_resources, kms_resources)
    if principal is not None:
        grantee = principal.grant_principal
        for actions, resources in ((["ssm:GetParameters"], ssm_resources),
                                   (["secretsmanager:GetSecretValue"], list(secret_resources)),
                                   (["kms:Decrypt"], list(kms_resources))):
            if resources:
                grantee.add_to_principal_policy(iam.PolicyStatement(actions=actions, resources=resources))
    return rendered


def _secret_resources(stack: Stack, scope: Construct, value: str, secrets: dict[str, None],
                      keys: dict[str, None]) -> None:
    if value.startswith("arn:"):
        arn = stack.split_arn(value, ArnFormat.COLON_RESOURCE_NAME)
        if not arn.resource_name:
            raise construct_error(scope, "SecretManager ARN is missing the name of the secret: " + value)
        secret_name = arn.resource_name.split(":")[0]
        secrets[stack.format_arn(service="secretsmanager", resource="secret", resource_name=f"{secret_name}*",
                                 arn_format=ArnFormat.COLON_RESOURCE_NAME, partition=arn.partition,
                                 account=arn.account, region=arn.region)] = None
        if arn.account and Token.compare_strings(arn.account, stack.account) is TokenComparison.DIFFERENT:
            keys[stack.format_arn(service="kms", resource="key", resource_name="*",
                                  arn_format=ArnFormat.SLASH_RESOURCE_NAME, partition=arn.partition,
                                  account=arn.account, region=arn.region)] = None
    elif Token.is_unresolved(value):
        # a token stands for the secret's ARN (a name would be the full name, which CodeBuild does not take)
        secrets[value.split(":")[0]] = None
    else:
        secrets[stack.format_arn(service="secretsmanager", resource="secret",
                                 resource_name=f"{value.split(':')[0]}-??????",
                                 arn_format=ArnFormat.COLON_RESOURCE_NAME)] = None

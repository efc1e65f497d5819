"""`DefaultStackSynthesizer`: the bootstrap parameter and rule in every template, and the
manifest entries and asset manifest of each stack, as aws-cdk-lib 2.x writes them."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from ._cfn_element import CfnElement
from ._cfn_misc import CfnParameter, CfnRule
from ._json import js_stringify
from ._token import is_unresolved

if TYPE_CHECKING:
    from ._stack import Stack

QUALIFIER = "hnb659fds"
BOOTSTRAP_PARAMETER = f"/cdk-bootstrap/{QUALIFIER}/version"
MIN_BOOTSTRAP_VERSION = 6
LOOKUP_BOOTSTRAP_VERSION = 8


class DefaultStackSynthesizer:
    """The CDK's default synthesizer (modern bootstrap, qualifier `hnb659fds`)."""

    def __init__(self, *, qualifier: str = QUALIFIER, generate_bootstrap_version_rule: bool = True):
        self.qualifier = qualifier
        self.generate_bootstrap_version_rule = generate_bootstrap_version_rule
        self._stack: Stack | None = None
        self._elements: list[CfnElement] = []

    def bind(self, stack: Stack) -> None:
        """Attach to a stack (once)."""
        if self._stack is not None:
            raise ValueError("A StackSynthesizer can only be used for one Stack")
        self._stack = stack

    @property
    def bootstrap_parameter(self) -> str:
        """The SSM parameter holding the bootstrap version."""
        return f"/cdk-bootstrap/{self.qualifier}/version"

    def _template_elements(self) -> list[CfnElement]:
        """The bootstrap parameter and rule, rendered after every other element."""
        if not self.generate_bootstrap_version_rule or self._stack is None:
            return []
        if not self._elements:
            stack = self._stack
            parameter = CfnParameter(
                stack, "BootstrapVersion", type="AWS::SSM::Parameter::Value<String>",
                default=self.bootstrap_parameter,
                description="Version of the CDK Bootstrap resources in this environment, automatically retrieved "
                            "from SSM Parameter Store. [cdk:skip]")
            rule = CfnRule(stack, "CheckBootstrapVersion", assertions=[{
                "assert": {"Fn::Not": [{"Fn::Contains": [["1", "2", "3", "4", "5"], {"Ref": "BootstrapVersion"}]}]},
                "assertDescription": f"CDK bootstrap stack version {MIN_BOOTSTRAP_VERSION} required. Please run "
                                     "'cdk bootstrap' with a recent version of the CDK CLI.",
            }])
            # kept out of the construct tree: they belong to the synthesizer, and render last
            stack.node.try_remove_child("BootstrapVersion")
            stack.node.try_remove_child("CheckBootstrapVersion")
            self._elements = [parameter, rule]
        return self._elements

    # --- manifest --------------------------------------------------------------------------
    def _placeholders(self) -> tuple[str, str]:
        stack = self._stack
        assert stack is not None
        account = "${AWS::AccountId}" if is_unresolved(stack.account) else stack.account
        region = "${AWS::Region}" if is_unresolved(stack.region) else stack.region
        return account, region

    def _role(self, kind: str) -> str:
        account, region = self._placeholders()
        return f"arn:${{AWS::Partition}}:iam::{account}:role/cdk-{self.qualifier}-{kind}-role-{account}-{region}"

    def asset_manifest(self, template_hash: str) -> dict[str, Any]:
        """The `<stack>.assets.json` document."""
        stack = self._stack
        assert stack is not None
        account, region = self._placeholders()
        destination: dict[str, Any] = {
            "bucketName": f"cdk-{self.qualifier}-assets-{account}-{region}",
            "objectKey": f"{template_hash}.json",
        }
        if not is_unresolved(stack.region):
            destination["region"] = stack.region
        destination["assumeRoleArn"] = self._role("file-publishing")
        dest_hash = hashlib.sha256(js_stringify(destination).encode()).hexdigest()[:8]
        dest_account = "current_account" if is_unresolved(stack.account) else stack.account
        dest_region = "current_region" if is_unresolved(stack.region) else stack.region
        return {
            "version": MANIFEST_VERSION,
            "files": {
                template_hash: {
                    "displayName": f"{stack.stack_name} Template",
                    "source": {"path": stack.template_file, "packaging": "file"},
                    "destinations": {f"{dest_account}-{dest_region}-{dest_hash}": destination},
                },
            },
            "dockerImages": {},
        }

    def stack_artifact(self, template_hash: str, dependencies: list[str], has_metadata: bool) -> dict[str, Any]:
        """The manifest entry of the stack."""
        stack = self._stack
        assert stack is not None
        account, region = self._placeholders()
        properties: dict[str, Any] = {
            "templateFile": stack.template_file,
            "terminationProtection": stack.termination_protection,
            "validateOnSynth": False,
            "assumeRoleArn": self._role("deploy"),
            "cloudFormationExecutionRoleArn": self._role("cfn-exec"),
            "stackTemplateAssetObjectUrl": f"s3://cdk-{self.qualifier}-assets-{account}-{region}/{template_hash}.json",
            "requiresBootstrapStackVersion": MIN_BOOTSTRAP_VERSION,
            "bootstrapStackVersionSsmParameter": self.bootstrap_parameter,
            "additionalDependencies": [f"{stack.artifact_id}.assets"],
            "lookupRole": {
                "arn": self._role("lookup"),
                "requiresBootstrapStackVersion": LOOKUP_BOOTSTRAP_VERSION,
                "bootstrapStackVersionSsmParameter": self.bootstrap_parameter,
            },
        }
        if stack.stack_name != stack.artifact_id:
            properties["stackName"] = stack.stack_name
        tags = stack.tags.tag_values()
        if tags:
            properties["tags"] = tags
        if stack.notification_arns:
            properties["notificationArns"] = list(stack.notification_arns)
        artifact: dict[str, Any] = {
            "type": "aws:cloudformation:stack",
            "environment": stack.environment,
            "properties": properties,
            "dependencies": [*dependencies, f"{stack.artifact_id}.assets"],
        }
        if has_metadata:
            artifact["additionalMetadataFile"] = f"{stack.artifact_id}.metadata.json"
        artifact["displayName"] = stack.node.path
        return artifact

    def asset_artifact(self) -> dict[str, Any]:
        """The manifest entry of the stack's asset manifest."""
        stack = self._stack
        assert stack is not None
        return {
            "type": "cdk:asset-manifest",
            "properties": {
                "file": f"{stack.artifact_id}.assets.json",
                "requiresBootstrapStackVersion": MIN_BOOTSTRAP_VERSION,
                "bootstrapStackVersionSsmParameter": self.bootstrap_parameter,
            },
        }


# Schema 36.0.0 is read by every CDK CLI since 2.150 (newer CLIs read older schemas; older CLIs
# refuse newer ones), so assemblies written here work with the CLI versions users actually have.
MANIFEST_VERSION = "36.0.0"

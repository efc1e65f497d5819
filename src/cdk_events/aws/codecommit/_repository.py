"""`Repository`: a CodeCommit repository and its event rules (`on_commit`, `on_event`, ...)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import (
    ArnComponents,
    ArnFormat,
    Construct,
    Node,
    Resource,
    ResourceEnvironment,
    Stack,
    Token,
    ValidationError,
)

from ..._event_pattern import PatternLiteral
from ...core._errors import construct_error
from ...core._prop_checks import check_str
from .. import iam
from ._cfn_generated import CfnRepository

if TYPE_CHECKING:
    from cdk_events import EventPattern, IRuleTarget, Rule

    from ..kms import IKey

_REPOSITORY_NAME = re.compile(r"^[\w.-]{1,100}$")


@runtime_checkable
class IRepository(Protocol):
    """A CodeCommit repository, defined here or imported (mirrors
    `aws_cdk.aws_codecommit.IRepository`)."""

    @property
    def repository_arn(self) -> str: ...

    @property
    def repository_name(self) -> str: ...

    @property
    def repository_clone_url_http(self) -> str: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def on_event(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                 event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                 cross_stack_scope: Construct | None = None) -> Rule: ...

    def on_commit(self, id: str, *, branches: Sequence[str] | None = None, target: IRuleTarget | None = None,
                  description: str | None = None, event_pattern: EventPattern | Mapping[str, Any] | None = None,
                  rule_name: str | None = None, cross_stack_scope: Construct | None = None) -> Rule: ...


class RepositoryBase(Resource):
    """What owned and imported repositories share: the event rules and the grants.

    Each `on_*` helper creates an `events.Rule` under the repository with the pattern the CDK
    builds (`source`, `resources`, `detail-type`, `detail`, after any `event_pattern` given) and
    adds `target` if given.
    """

    repository_arn: str
    repository_name: str
    repository_clone_url_http: str
    repository_clone_url_ssh: str
    repository_clone_url_grc: str

    def on_event(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                 event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                 cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for every event of this repository."""
        from cdk_events import Rule

        rule = Rule(self, id, description=description, rule_name=rule_name, event_pattern=event_pattern,
                    cross_stack_scope=cross_stack_scope)
        rule.add_event_pattern(PatternLiteral({"source": ["aws.codecommit"], "resources": [self.repository_arn]}))
        rule.add_target(target)
        return rule

    def on_state_change(self, id: str, **options: Any) -> Rule:
        """A rule for "CodeCommit Repository State Change" events."""
        rule = self.on_event(id, **options)
        rule.add_event_pattern(PatternLiteral({"detail_type": ["CodeCommit Repository State Change"]}))
        return rule

    def on_reference_created(self, id: str, **options: Any) -> Rule:
        """A rule for created references (new branches and tags)."""
        rule = self.on_state_change(id, **options)
        rule.add_event_pattern(PatternLiteral({"detail": {"event": ["referenceCreated"]}}))
        return rule

    def on_reference_updated(self, id: str, **options: Any) -> Rule:
        """A rule for created or updated references (pushes)."""
        rule = self.on_state_change(id, **options)
        rule.add_event_pattern(PatternLiteral({"detail": {"event": ["referenceCreated", "referenceUpdated"]}}))
        return rule

    def on_reference_deleted(self, id: str, **options: Any) -> Rule:
        """A rule for deleted references."""
        rule = self.on_state_change(id, **options)
        rule.add_event_pattern(PatternLiteral({"detail": {"event": ["referenceDeleted"]}}))
        return rule

    def on_pull_request_state_change(self, id: str, **options: Any) -> Rule:
        """A rule for "CodeCommit Pull Request State Change" events."""
        rule = self.on_event(id, **options)
        rule.add_event_pattern(PatternLiteral({"detail_type": ["CodeCommit Pull Request State Change"]}))
        return rule

    def on_comment_on_pull_request(self, id: str, **options: Any) -> Rule:
        """A rule for comments on pull requests."""
        rule = self.on_event(id, **options)
        rule.add_event_pattern(PatternLiteral({"detail_type": ["CodeCommit Comment on Pull Request"]}))
        return rule

    def on_comment_on_commit(self, id: str, **options: Any) -> Rule:
        """A rule for comments on commits."""
        rule = self.on_event(id, **options)
        rule.add_event_pattern(PatternLiteral({"detail_type": ["CodeCommit Comment on Commit"]}))
        return rule

    def on_commit(self, id: str, *, branches: Sequence[str] | None = None, target: IRuleTarget | None = None,
                  description: str | None = None, event_pattern: EventPattern | Mapping[str, Any] | None = None,
                  rule_name: str | None = None, cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for pushes, to every branch or to `branches` only."""
        if branches is not None and (isinstance(branches, str) or not isinstance(branches, (list, tuple))):
            raise construct_error(self, f"on_commit: 'branches' must be a list of branch names, got {branches!r}")
        rule = self.on_reference_updated(id, target=target, description=description, event_pattern=event_pattern,
                                         rule_name=rule_name, cross_stack_scope=cross_stack_scope)
        if branches:
            rule.add_event_pattern(PatternLiteral({"detail": {"referenceName": list(branches)}}))
        return rule

    # --- grants ----------------------------------------------------------------------------
    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this repository to the principal's policy."""
        return iam.Grant.add_to_principal(grantee=grantee, actions=actions, resource_arns=[self.repository_arn])

    def grant_pull(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `codecommit:GitPull`."""
        return self.grant(grantee, "codecommit:GitPull")

    def grant_pull_push(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `codecommit:GitPull` and `codecommit:GitPush`."""
        self.grant_pull(grantee)
        return self.grant(grantee, "codecommit:GitPush")

    def grant_read(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant pulling and reading the repository."""
        self.grant_pull(grantee)
        return self.grant(grantee, "codecommit:EvaluatePullRequestApprovalRules", "codecommit:Get*",
                          "codecommit:Describe*")


class Repository(RepositoryBase):
    """A CodeCommit repository (mirrors `aws_cdk.aws_codecommit.Repository`).

    `repository_name` is required; `description` defaults to none; `kms_key` to an AWS-managed
    key. Initial contents (`code`) are not offered (they need an asset).
    """

    def __init__(self, scope: Construct, id: str, *, repository_name: str, description: str | None = None,
                 code: Any = None, kms_key: IKey | None = None):
        super().__init__(scope, id, physical_name=repository_name)
        if not isinstance(repository_name, str):
            raise construct_error(self, f"'repository_name' is required and must be a string, got {repository_name!r}")
        if not Token.is_unresolved(repository_name) and not _REPOSITORY_NAME.match(repository_name):
            raise construct_error(
                self, f"Invalid repository_name '{repository_name}': a repository name has 1 to 100 characters out "
                      "of letters, digits, '_', '.' and '-'")
        check_str(self, "description", description)
        if code is not None:
            raise construct_error(self, "'code' (initial repository contents) is not offered by cdk-events: it needs "
                                        "an asset")
        if kms_key is not None and not hasattr(kms_key, "key_arn"):
            raise construct_error(self, f"'kms_key' must be a kms.IKey, got {kms_key!r}")
        resource = CfnRepository(self, "Resource", repository_name=repository_name,
                                 repository_description=description,
                                 kms_key_id=kms_key.key_arn if kms_key is not None else None)
        self.repository_name = self._get_resource_name_attribute(resource.attr_name)
        self.repository_arn = self._get_resource_arn_attribute(
            resource.attr_arn, ArnComponents(service="codecommit", resource=self.physical_name or ""))
        self.repository_clone_url_http = resource.attr_clone_url_http
        self.repository_clone_url_ssh = resource.attr_clone_url_ssh
        self.repository_clone_url_grc = _clone_url(Stack.of(self), self.repository_name, "grc")

    @staticmethod
    def from_repository_arn(scope: Construct, id: str, repository_arn: str) -> IRepository:
        """A repository defined elsewhere, by ARN (`arn:aws:codecommit:<region>:<account>:<name>`)."""
        if not isinstance(repository_arn, str):
            raise ValidationError(f"Repository.from_repository_arn ({scope.node.path}/{id}): 'repository_arn' must "
                                  f"be a string, got {repository_arn!r}")
        stack = Stack.of(scope)
        arn = stack.split_arn(repository_arn, ArnFormat.NO_RESOURCE_NAME)
        return _ImportedRepository(scope, id, repository_arn, arn.resource, arn.region, account=arn.account,
                                   region=arn.region)

    @staticmethod
    def from_repository_name(scope: Construct, id: str, repository_name: str) -> IRepository:
        """A repository of this stack's account and region, by name."""
        if not isinstance(repository_name, str):
            raise ValidationError(f"Repository.from_repository_name ({scope.node.path}/{id}): 'repository_name' "
                                  f"must be a string, got {repository_name!r}")
        arn = Stack.of(scope).format_arn(service="codecommit", resource=repository_name)
        return _ImportedRepository(scope, id, arn, repository_name, None)


class _ImportedRepository(RepositoryBase):
    def __init__(self, scope: Construct, id: str, arn: str, name: str, url_region: str | None, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        stack = Stack.of(scope)
        self.repository_arn = arn
        self.repository_name = name
        self.repository_clone_url_http = _clone_url(stack, name, "https", url_region)
        self.repository_clone_url_ssh = _clone_url(stack, name, "ssh", url_region)
        self.repository_clone_url_grc = _clone_url(stack, name, "grc", url_region)


def _clone_url(stack: Stack, name: str, protocol: str, region: str | None = None) -> str:
    region = region or stack.region
    if protocol == "grc":
        return f"codecommit::{region}://{name}"
    return f"{protocol}://git-codecommit.{region}.{stack.url_suffix}/v1/repos/{name}"

"""`IProject` and `ProjectBase`: what owned and imported CodeBuild projects share (event rules, grants)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from cdk_events.core import Construct, Node, Resource, ResourceEnvironment, Stack

from ..._event_pattern import EventPattern, PatternLiteral
from ..._rule import Rule
from ..._target import IRuleTarget
from .. import iam


@runtime_checkable
class IProject(Protocol):
    """A CodeBuild project, defined here or imported (mirrors `aws_cdk.aws_codebuild.IProject`)."""

    @property
    def project_arn(self) -> str: ...

    @property
    def project_name(self) -> str: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def node(self) -> Node: ...

    @property
    def grant_principal(self) -> iam.IPrincipal: ...

    @property
    def role(self) -> iam.IRole | None: ...

    def add_to_role_policy(self, statement: iam.PolicyStatement) -> None: ...

    def enable_batch_builds(self) -> Any: ...

    def on_event(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                 event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                 cross_stack_scope: Construct | None = None) -> Rule: ...

    def on_state_change(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                        event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                        cross_stack_scope: Construct | None = None) -> Rule: ...

    def on_phase_change(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                        event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                        cross_stack_scope: Construct | None = None) -> Rule: ...

    def on_build_started(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                         event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                         cross_stack_scope: Construct | None = None) -> Rule: ...

    def on_build_failed(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                        event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                        cross_stack_scope: Construct | None = None) -> Rule: ...

    def on_build_succeeded(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                           event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                           cross_stack_scope: Construct | None = None) -> Rule: ...


class ProjectBase(Resource):
    """What every project offers: its ARN and name, its role (None when imported), event rules
    (`on_event`, `on_state_change`, `on_phase_change`, `on_build_started`, `on_build_failed`,
    `on_build_succeeded`) and grants.

    Each `on_*` helper creates an `events.Rule` under the project with the pattern the CDK builds
    (`source: aws.codebuild`, `detail.project-name`, then `detail-type` and `detail.build-status`,
    after any `event_pattern` given) and adds `target` if given.
    """

    project_arn: str
    project_name: str
    _role: iam.IRole | None = None
    _grant_principal: iam.IPrincipal

    @property
    def role(self) -> iam.IRole | None:
        """The project's service role (None for imported projects)."""
        return self._role

    @property
    def grant_principal(self) -> iam.IPrincipal:
        """The principal grants to this project go to (its role)."""
        return self._grant_principal

    def add_to_role_policy(self, statement: iam.PolicyStatement) -> None:
        """Add `statement` to the role's policy (nothing for an imported project, which has no role)."""
        if self._role is not None:
            self._role.add_to_principal_policy(statement)

    def enable_batch_builds(self) -> Any:
        """Enable batch builds (None: not supported by this project)."""
        return None

    # --- event rules -------------------------------------------------------------------------
    def on_event(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                 event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                 cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for every CodeBuild event of this project."""
        rule = Rule(self, id, description=description, rule_name=rule_name, event_pattern=event_pattern,
                    cross_stack_scope=cross_stack_scope)
        rule.add_target(target)
        rule.add_event_pattern(PatternLiteral({"source": ["aws.codebuild"],
                                               "detail": {"project-name": [self.project_name]}}))
        return rule

    def on_state_change(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                        event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                        cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for "CodeBuild Build State Change" events (filter `detail.build-status` to narrow it)."""
        rule = self.on_event(id, target=target, description=description, event_pattern=event_pattern,
                             rule_name=rule_name, cross_stack_scope=cross_stack_scope)
        rule.add_event_pattern(PatternLiteral({"detail_type": ["CodeBuild Build State Change"]}))
        return rule

    def on_phase_change(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                        event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                        cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for "CodeBuild Build Phase Change" events."""
        rule = self.on_event(id, target=target, description=description, event_pattern=event_pattern,
                             rule_name=rule_name, cross_stack_scope=cross_stack_scope)
        rule.add_event_pattern(PatternLiteral({"detail_type": ["CodeBuild Build Phase Change"]}))
        return rule

    def _on_status(self, status: str, id: str, options: dict[str, Any]) -> Rule:
        rule = self.on_state_change(id, **options)
        rule.add_event_pattern(PatternLiteral({"detail": {"build-status": [status]}}))
        return rule

    def on_build_started(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                         event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                         cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for builds that start (`build-status` IN_PROGRESS)."""
        return self._on_status("IN_PROGRESS", id, dict(target=target, description=description,
                                                       event_pattern=event_pattern, rule_name=rule_name,
                                                       cross_stack_scope=cross_stack_scope))

    def on_build_failed(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                        event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                        cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for builds that fail (`build-status` FAILED)."""
        return self._on_status("FAILED", id, dict(target=target, description=description,
                                                  event_pattern=event_pattern, rule_name=rule_name,
                                                  cross_stack_scope=cross_stack_scope))

    def on_build_succeeded(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                           event_pattern: EventPattern | Mapping[str, Any] | None = None,
                           rule_name: str | None = None, cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for builds that succeed (`build-status` SUCCEEDED)."""
        return self._on_status("SUCCEEDED", id, dict(target=target, description=description,
                                                     event_pattern=event_pattern, rule_name=rule_name,
                                                     cross_stack_scope=cross_stack_scope))

    # --- grants ------------------------------------------------------------------------------
    def grant(self, identity: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this project to `identity` (in its own policy)."""
        return iam.Grant.add_to_principal(grantee=identity, actions=list(actions), resource_arns=[self.project_arn])



class ImportedProject(ProjectBase):
    """A project defined elsewhere (`Project.from_project_arn` / `from_project_name`)."""

    def __init__(self, scope: Construct, id: str, *, project_arn: str | None, project_name: str,
                 account: str | None = None, region: str | None = None):
        super().__init__(scope, id, account=account, region=region)
        self.project_arn = project_arn if project_arn is not None else Stack.of(self).format_arn(
            service="codebuild", resource="project", resource_name=project_name)
        self.project_name = project_name
        self._grant_principal = iam.UnknownPrincipal(resource=self)

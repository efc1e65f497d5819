"""`Source`: where a project's code comes from (CodeCommit, S3, GitHub, GitHub Enterprise, Bitbucket)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from cdk_events.core import Construct, ValidationError

from ...core._struct_methods import struct_methods
from .. import iam
from ._enums import EventAction

if TYPE_CHECKING:
    from ..codecommit import IRepository
    from ..s3 import IBucket
    from ._project_base import IProject

CODEPIPELINE_SOURCE_ARTIFACTS_TYPE = "CODEPIPELINE"
NO_SOURCE_TYPE = "NO_SOURCE"


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class SourceConfig:
    """What a source contributes to the project: the `Source` property, the triggers and the version."""

    source_property: dict[str, Any]
    build_triggers: dict[str, Any] | None = None
    source_version: str | None = None


@runtime_checkable
class ISource(Protocol):
    """A CodeBuild source (mirrors `aws_cdk.aws_codebuild.ISource`)."""

    @property
    def identifier(self) -> str | None: ...

    @property
    def type(self) -> str: ...

    @property
    def badge_supported(self) -> bool: ...

    def bind(self, scope: Construct, project: IProject) -> SourceConfig: ...


class FilterGroup:
    """Conditions of a webhook, all of which must hold (mirrors `aws_cdk.aws_codebuild.FilterGroup`);
    start with `FilterGroup.in_event_of(...)`, then add conditions with the `and_*` methods (each returns
    a new group)."""

    def __init__(self, actions: tuple[EventAction, ...], filters: tuple[dict[str, Any], ...]):
        if not actions:
            raise ValidationError("A filter group must contain at least one event action")
        self._actions = actions
        self._filters = filters

    @staticmethod
    def in_event_of(*actions: EventAction) -> FilterGroup:
        """A group triggered by any of `actions`."""
        return FilterGroup(tuple(dict.fromkeys(actions)), ())

    def _add(self, type: str, pattern: str, include: bool) -> FilterGroup:
        entry = {"Type": type, "Pattern": pattern, "ExcludeMatchedPattern": None if include else True}
        return FilterGroup(self._actions, (*self._filters, entry))

    def _base(self, ref: str, include: bool) -> FilterGroup:
        if EventAction.PUSH in self._actions:
            raise ValidationError("A base reference condition cannot be added if a Group contains a PUSH event action")
        return self._add("BASE_REF", ref, include)

    def and_branch_is(self, branch_name: str) -> FilterGroup:
        """The event must affect `branch_name` (a regular expression)."""
        return self._add("HEAD_REF", f"refs/heads/{branch_name}", True)

    def and_branch_is_not(self, branch_name: str) -> FilterGroup:
        """The event must not affect `branch_name`."""
        return self._add("HEAD_REF", f"refs/heads/{branch_name}", False)

    def and_commit_message_is(self, commit_message: str) -> FilterGroup:
        """The head commit's message must match."""
        return self._add("COMMIT_MESSAGE", commit_message, True)

    def and_commit_message_is_not(self, commit_message: str) -> FilterGroup:
        """The head commit's message must not match."""
        return self._add("COMMIT_MESSAGE", commit_message, False)

    def and_tag_is(self, tag_name: str) -> FilterGroup:
        """The event must affect `tag_name`."""
        return self._add("HEAD_REF", f"refs/tags/{tag_name}", True)

    def and_tag_is_not(self, tag_name: str) -> FilterGroup:
        """The event must not affect `tag_name`."""
        return self._add("HEAD_REF", f"refs/tags/{tag_name}", False)

    def and_head_ref_is(self, pattern: str) -> FilterGroup:
        """The event must affect a reference matching `pattern`."""
        return self._add("HEAD_REF", pattern, True)

    def and_head_ref_is_not(self, pattern: str) -> FilterGroup:
        """The event must not affect a reference matching `pattern`."""
        return self._add("HEAD_REF", pattern, False)

    def and_actor_account_is(self, pattern: str) -> FilterGroup:
        """The actor's account id must match `pattern`."""
        return self._add("ACTOR_ACCOUNT_ID", pattern, True)

    def and_actor_account_is_not(self, pattern: str) -> FilterGroup:
        """The actor's account id must not match `pattern`."""
        return self._add("ACTOR_ACCOUNT_ID", pattern, False)

    def and_base_branch_is(self, branch_name: str) -> FilterGroup:
        """The pull request must target `branch_name` (not with PUSH)."""
        return self._base(f"refs/heads/{branch_name}", True)

    def and_base_branch_is_not(self, branch_name: str) -> FilterGroup:
        """The pull request must not target `branch_name` (not with PUSH)."""
        return self._base(f"refs/heads/{branch_name}", False)

    def and_base_ref_is(self, pattern: str) -> FilterGroup:
        """The pull request must target a reference matching `pattern` (not with PUSH)."""
        return self._base(pattern, True)

    def and_base_ref_is_not(self, pattern: str) -> FilterGroup:
        """The pull request must not target a reference matching `pattern` (not with PUSH)."""
        return self._base(pattern, False)

    def and_file_path_is(self, pattern: str) -> FilterGroup:
        """The push must affect a file matching `pattern`."""
        return self._add("FILE_PATH", pattern, True)

    def and_file_path_is_not(self, pattern: str) -> FilterGroup:
        """The push must not affect a file matching `pattern`."""
        return self._add("FILE_PATH", pattern, False)

    def and_repository_name_is(self, pattern: str) -> FilterGroup:
        """The repository name must match `pattern` (organization webhooks)."""
        return self._add("REPOSITORY_NAME", pattern, True)

    def and_repository_name_is_not(self, pattern: str) -> FilterGroup:
        """The repository name must not match `pattern` (organization webhooks)."""
        return self._add("REPOSITORY_NAME", pattern, False)

    def _to_json(self) -> list[dict[str, Any]]:
        event = {"Type": "EVENT", "Pattern": ", ".join(a.value for a in self._actions)}
        return [event, *self._filters]


class Source:
    """A project's source (mirrors `aws_cdk.aws_codebuild.Source`): `Source.code_commit`, `s3`, `git_hub`,
    `git_hub_enterprise`, `bit_bucket`. The default source of a `Project` is none (it then needs an inline
    buildspec)."""

    type: str = NO_SOURCE_TYPE
    badge_supported: bool = False

    def __init__(self, *, identifier: str | None = None):
        self.identifier = identifier

    @staticmethod
    def s3(*, bucket: IBucket, path: str, version: str | None = None, identifier: str | None = None) -> ISource:
        """A .zip file or folder in S3 (`path` in `bucket`); the project's role may read it."""
        return _S3Source(bucket=bucket, path=path, version=version, identifier=identifier)

    @staticmethod
    def code_commit(*, repository: IRepository, branch_or_ref: str | None = None, clone_depth: int | None = None,
                    fetch_submodules: bool | None = None, identifier: str | None = None) -> ISource:
        """A CodeCommit repository (its HTTPS clone URL); the project's role may pull it."""
        return _CodeCommitSource(repository=repository, branch_or_ref=branch_or_ref, clone_depth=clone_depth,
                                 fetch_submodules=fetch_submodules, identifier=identifier)

    @staticmethod
    def git_hub(*, owner: str, repo: str | None = None, build_status_context: str | None = None,
                build_status_url: str | None = None, report_build_status: bool | None = None,
                webhook: bool | None = None, webhook_filters: Sequence[FilterGroup] | None = None,
                webhook_triggers_batch_build: bool | None = None, branch_or_ref: str | None = None,
                clone_depth: int | None = None, fetch_submodules: bool | None = None,
                identifier: str | None = None) -> ISource:
        """A GitHub repository (`https://github.com/<owner>/<repo>.git`); without `repo`, an organization
        webhook. `report_build_status` defaults to True; `webhook` to True when filters are given."""
        return _GitHubSource(owner=owner, repo=repo, build_status_context=build_status_context,
                             build_status_url=build_status_url, report_build_status=report_build_status,
                             webhook=webhook, webhook_filters=webhook_filters,
                             webhook_triggers_batch_build=webhook_triggers_batch_build, branch_or_ref=branch_or_ref,
                             clone_depth=clone_depth, fetch_submodules=fetch_submodules, identifier=identifier)

    @staticmethod
    def git_hub_enterprise(*, https_clone_url: str, ignore_ssl_errors: bool | None = None,
                           build_status_context: str | None = None, build_status_url: str | None = None,
                           report_build_status: bool | None = None, webhook: bool | None = None,
                           webhook_filters: Sequence[FilterGroup] | None = None,
                           webhook_triggers_batch_build: bool | None = None, branch_or_ref: str | None = None,
                           clone_depth: int | None = None, fetch_submodules: bool | None = None,
                           identifier: str | None = None) -> ISource:
        """A GitHub Enterprise repository, by HTTPS clone URL."""
        return _GitHubEnterpriseSource(
            https_clone_url=https_clone_url, ignore_ssl_errors=ignore_ssl_errors,
            build_status_context=build_status_context, build_status_url=build_status_url,
            report_build_status=report_build_status, webhook=webhook, webhook_filters=webhook_filters,
            webhook_triggers_batch_build=webhook_triggers_batch_build, branch_or_ref=branch_or_ref,
            clone_depth=clone_depth, fetch_submodules=fetch_submodules, identifier=identifier)

    @staticmethod
    def bit_bucket(*, owner: str, repo: str, build_status_name: str | None = None,
                   build_status_url: str | None = None, report_build_status: bool | None = None,
                   webhook: bool | None = None, webhook_filters: Sequence[FilterGroup] | None = None,
                   webhook_triggers_batch_build: bool | None = None, branch_or_ref: str | None = None,
                   clone_depth: int | None = None, fetch_submodules: bool | None = None,
                   identifier: str | None = None) -> ISource:
        """A Bitbucket repository (`https://bitbucket.org/<owner>/<repo>.git`)."""
        return _BitBucketSource(owner=owner, repo=repo, build_status_name=build_status_name,
                                build_status_url=build_status_url, report_build_status=report_build_status,
                                webhook=webhook, webhook_filters=webhook_filters,
                                webhook_triggers_batch_build=webhook_triggers_batch_build,
                                branch_or_ref=branch_or_ref, clone_depth=clone_depth,
                                fetch_submodules=fetch_submodules, identifier=identifier)

    def bind(self, scope: Construct, project: IProject) -> SourceConfig:
        """The source's part of the project (granting what it needs to the project's role)."""
        return SourceConfig(source_property={"SourceIdentifier": self.identifier, "Type": self.type})


class NoSource(Source):
    """No source: the buildspec must be inline."""


class CodePipelineSource(Source):
    """The source of a `PipelineProject`: the input artifacts of its CodePipeline action."""

    type = CODEPIPELINE_SOURCE_ARTIFACTS_TYPE


class _GitSource(Source):
    def __init__(self, *, branch_or_ref: str | None, clone_depth: int | None, fetch_submodules: bool | None,
                 identifier: str | None):
        super().__init__(identifier=identifier)
        self.branch_or_ref = branch_or_ref
        self.clone_depth = clone_depth
        self.fetch_submodules = fetch_submodules

    def bind(self, scope: Construct, project: IProject) -> SourceConfig:
        config = super().bind(scope, project)
        prop = {**config.source_property, "GitCloneDepth": self.clone_depth,
                "GitSubmodulesConfig": {"FetchSubmodules": True} if self.fetch_submodules else None}
        return SourceConfig(source_property=prop, source_version=self.branch_or_ref)


class _CodeCommitSource(_GitSource):
    type = "CODECOMMIT"
    badge_supported = True

    def __init__(self, *, repository: IRepository, **kwargs: Any):
        super().__init__(**kwargs)
        if not hasattr(repository, "repository_clone_url_http"):
            raise ValidationError(f"Source.code_commit: 'repository' must be a codecommit.IRepository, "
                                  f"got {repository!r}")
        self.repository = repository

    def bind(self, scope: Construct, project: IProject) -> SourceConfig:
        project.add_to_role_policy(iam.PolicyStatement(actions=["codecommit:GitPull"],
                                                       resources=[self.repository.repository_arn]))
        config = super().bind(scope, project)
        return SourceConfig(source_property={**config.source_property,
                                             "Location": self.repository.repository_clone_url_http},
                            source_version=config.source_version)


class _S3Source(Source):
    type = "S3"

    def __init__(self, *, bucket: IBucket, path: str, version: str | None, identifier: str | None):
        super().__init__(identifier=identifier)
        if not hasattr(bucket, "bucket_name") or not hasattr(bucket, "grant_read"):
            raise ValidationError(f"Source.s3: 'bucket' must be an s3.IBucket, got {bucket!r}")
        if not isinstance(path, str):
            raise ValidationError(f"Source.s3: 'path' must be a string (the object key), got {path!r}")
        self.bucket = bucket
        self.path = path
        self.version = version

    def bind(self, scope: Construct, project: IProject) -> SourceConfig:
        self.bucket.grant_read(project, self.path)
        config = super().bind(scope, project)
        return SourceConfig(source_property={**config.source_property,
                                             "Location": f"{self.bucket.bucket_name}/{self.path}"},
                            source_version=self.version)


class _ThirdPartyGitSource(_GitSource):
    badge_supported = True

    def __init__(self, *, report_build_status: bool | None, webhook: bool | None,
                 webhook_filters: Sequence[FilterGroup] | None, webhook_triggers_batch_build: bool | None,
                 build_status_url: str | None, **kwargs: Any):
        super().__init__(**kwargs)
        self.webhook = webhook
        self.report_build_status = True if report_build_status is None else report_build_status
        self.webhook_filters = list(webhook_filters or [])
        self.webhook_triggers_batch_build = webhook_triggers_batch_build
        self.build_status_url = build_status_url

    def bind(self, scope: Construct, project: IProject) -> SourceConfig:
        any_filters = len(self.webhook_filters) > 0
        webhook = self.webhook if self.webhook is not None else (True if any_filters else None)
        if not webhook and any_filters:
            raise ValidationError("`webhookFilters` cannot be used when `webhook` is `false`")
        if not webhook and self.webhook_triggers_batch_build:
            raise ValidationError("`webhookTriggersBatchBuild` cannot be used when `webhook` is `false`")
        config = super().bind(scope, project)
        if self.webhook_triggers_batch_build:
            project.enable_batch_builds()
        triggers = None if webhook is None else {
            "Webhook": webhook,
            "BuildType": "BUILD_BATCH" if self.webhook_triggers_batch_build else None,
            "FilterGroups": [group._to_json() for group in self.webhook_filters] if any_filters else None,
        }
        return SourceConfig(source_property={**config.source_property, "ReportBuildStatus": self.report_build_status},
                            source_version=config.source_version, build_triggers=triggers)


def _status_config(context: str | None, url: str | None) -> dict[str, Any] | None:
    if context is None and url is None:
        return None
    return {"Context": context, "TargetUrl": url}


class _GitHubSource(_ThirdPartyGitSource):
    type = "GITHUB"

    def __init__(self, *, owner: str, repo: str | None, build_status_context: str | None, **kwargs: Any):
        super().__init__(**kwargs)
        self.build_status_context = build_status_context
        self.organization = owner if repo is None else None
        # an organization webhook without filters gets the WORKFLOW_JOB_QUEUED group
        if not self.webhook_filters and self.organization:
            self.webhook_filters = [FilterGroup.in_event_of(EventAction.WORKFLOW_JOB_QUEUED)]
        self.location = ("CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION" if self.organization
                         else f"https://github.com/{owner}/{repo}.git")

    def bind(self, scope: Construct, project: IProject) -> SourceConfig:
        config = super().bind(scope, project)
        prop = {**config.source_property,
                "BuildStatusConfig": _status_config(self.build_status_context, self.build_status_url),
                "Location": self.location}
        triggers = {**(config.build_triggers or {}),
                    "ScopeConfiguration": {"Name": self.organization} if self.organization else None}
        return SourceConfig(source_property=prop, source_version=config.source_version, build_triggers=triggers)


class _GitHubEnterpriseSource(_ThirdPartyGitSource):
    type = "GITHUB_ENTERPRISE"

    def __init__(self, *, https_clone_url: str, ignore_ssl_errors: bool | None, build_status_context: str | None,
                 **kwargs: Any):
        super().__init__(**kwargs)
        self.https_clone_url = https_clone_url
        self.ignore_ssl_errors = ignore_ssl_errors
        self.build_status_context = build_status_context

    def bind(self, scope: Construct, project: IProject) -> SourceConfig:
        for group in self.webhook_filters:
            # as in the CDK, only PULL_REQUEST_CREATED counts as a pull-request event here
            if EventAction.PULL_REQUEST_CREATED in group._actions:
                kinds = {f["Type"] for f in group._filters}
                if "COMMIT_MESSAGE" in kinds:
                    raise ValidationError("COMMIT_MESSAGE filters cannot be used with GitHub Enterprise Server pull "
                                          "request events")
                if "FILE_PATH" in kinds:
                    raise ValidationError("FILE_PATH filters cannot be used with GitHub Enterprise Server pull "
                                          "request events")
        config = super().bind(scope, project)
        prop = {**config.source_property,
                "BuildStatusConfig": _status_config(self.build_status_context, self.build_status_url),
                "Location": self.https_clone_url, "InsecureSsl": self.ignore_ssl_errors}
        return SourceConfig(source_property=prop, source_version=config.source_version,
                            build_triggers=config.build_triggers)


class _BitBucketSource(_ThirdPartyGitSource):
    type = "BITBUCKET"

    def __init__(self, *, owner: str, repo: str, build_status_name: str | None, **kwargs: Any):
        super().__init__(**kwargs)
        self.https_clone_url = f"https://bitbucket.org/{owner}/{repo}.git"
        self.build_status_name = build_status_name

    def bind(self, scope: Construct, project: IProject) -> SourceConfig:
        if any(EventAction.PULL_REQUEST_REOPENED in group._actions for group in self.webhook_filters):
            raise ValidationError("BitBucket sources do not support the PULL_REQUEST_REOPENED webhook event action")
        config = super().bind(scope, project)
        prop = {**config.source_property, "Location": self.https_clone_url,
                "BuildStatusConfig": _status_config(self.build_status_name, self.build_status_url)}
        return SourceConfig(source_property=prop, source_version=config.source_version,
                            build_triggers=config.build_triggers)

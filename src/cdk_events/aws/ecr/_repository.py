"""ECR repositories defined elsewhere: `IRepository` and `Repository.from_repository_name`,
`from_repository_arn`, `from_repository_attributes`, with image URIs and pull grants."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Resource, ResourceEnvironment, Token, ValidationError

from ...core._errors import construct_error
from ...core._import_only import ImportOnly
from .. import iam

_PULL_ACTIONS = ("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage")


@runtime_checkable
class IRepository(Protocol):
    """An ECR repository (mirrors `aws_cdk.aws_ecr.IRepository`)."""

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def repository_name(self) -> str: ...

    @property
    def repository_arn(self) -> str: ...

    def repository_uri_for_tag_or_digest(self, tag_or_digest: str | None = None) -> str: ...

    def grant_pull(self, grantee: iam.IGrantable) -> iam.Grant: ...


class _ImportedRepository(Resource):
    """A repository defined elsewhere; its policy cannot be changed from here."""

    def __init__(self, scope: Construct, id: str, *, repository_name: str, repository_arn: str,
                 environment_from_arn: str | None = None):
        super().__init__(scope, id, environment_from_arn=environment_from_arn)
        self.repository_name = repository_name
        self.repository_arn = repository_arn

    @property
    def repository_uri(self) -> str:
        """`<account>.dkr.ecr.<region>.<url suffix>/<name>`."""
        return self.repository_uri_for_tag()

    def repository_uri_for_tag(self, tag: str | None = None) -> str:
        """The image URI with `:<tag>` (default: no tag)."""
        return self._uri(f":{tag}" if tag else "")

    def repository_uri_for_digest(self, digest: str | None = None) -> str:
        """The image URI with `@<digest>` (default: no digest)."""
        return self._uri(f"@{digest}" if digest else "")

    def repository_uri_for_tag_or_digest(self, tag_or_digest: str | None = None) -> str:
        """The image URI for a tag, or a digest when it starts with `sha256:`."""
        if tag_or_digest is not None and tag_or_digest.startswith("sha256:"):
            return self.repository_uri_for_digest(tag_or_digest)
        return self.repository_uri_for_tag(tag_or_digest)

    def _uri(self, suffix: str) -> str:
        parts = self.stack.split_arn(self.repository_arn, ArnFormat.SLASH_RESOURCE_NAME)
        return f"{parts.account}.dkr.ecr.{parts.region}.{self.stack.url_suffix}/{self.repository_name}{suffix}"

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        """Not added: an imported repository's policy is not managed here."""
        return iam.AddToResourcePolicyResult(statement_added=False)

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Allow `grantee` the `actions` on this repository."""
        return iam.Grant.add_to_principal_or_resource(grantee=grantee, actions=list(actions),
                                                      resource_arns=[self.repository_arn], resource=self)

    def grant_pull(self, grantee: iam.IGrantable) -> iam.Grant:
        """Allow `grantee` to pull images (and `ecr:GetAuthorizationToken` on `*`)."""
        result = self.grant(grantee, *_PULL_ACTIONS)
        iam.Grant.add_to_principal(grantee=grantee, actions=["ecr:GetAuthorizationToken"], resource_arns=["*"],
                                   scope=self)
        return result


class Repository(ImportOnly):
    """Repository imports (mirrors the static methods of `aws_cdk.aws_ecr.Repository`)."""

    _IMPORT_HINT = "import one with ecr.Repository.from_repository_name(...)"

    @staticmethod
    def from_repository_name(scope: Construct, id: str, repository_name: str) -> IRepository:
        """A repository of this stack's account and region, by name."""
        if not isinstance(repository_name, str) or not repository_name:
            raise ValidationError(f"Repository.from_repository_name: 'repository_name' must be a non-empty string, "
                                  f"got {repository_name!r}")
        stack_arn = _repository_arn(scope, repository_name)
        return _ImportedRepository(scope, id, repository_name=repository_name, repository_arn=stack_arn)

    @staticmethod
    def from_repository_arn(scope: Construct, id: str, repository_arn: str) -> IRepository:
        """A repository by ARN (`arn:aws:ecr:<region>:<account>:repository/<name>`, a literal ARN)."""
        if not isinstance(repository_arn, str) or Token.is_unresolved(repository_arn):
            raise ValidationError(f"[{scope.node.path}/{id}] \"repositoryArn\" is a late-bound value, and therefore "
                                  "\"repositoryName\" is required. Use `fromRepositoryAttributes` instead")
        name = repository_arn.split("/", 1)[1] if "/" in repository_arn else ""
        if not name:
            raise ValidationError(f"[{scope.node.path}/{id}] '{repository_arn}' is not a repository ARN "
                                  "(arn:aws:ecr:<region>:<account>:repository/<name>)")
        return _ImportedRepository(scope, id, repository_name=name, repository_arn=repository_arn,
                                   environment_from_arn=repository_arn)

    @staticmethod
    def from_repository_attributes(scope: Construct, id: str, *, repository_name: str,
                                   repository_arn: str) -> IRepository:
        """A repository by name and ARN (both may be tokens)."""
        repo = _ImportedRepository(scope, id, repository_name=repository_name, repository_arn=repository_arn)
        if not isinstance(repository_name, str) or not isinstance(repository_arn, str):
            raise construct_error(repo, "'repository_name' and 'repository_arn' must be strings")
        return repo


def _repository_arn(scope: Any, name: str) -> str:
    from cdk_events.core import Stack

    return Stack.of(scope).format_arn(service="ecr", resource="repository", resource_name=name)

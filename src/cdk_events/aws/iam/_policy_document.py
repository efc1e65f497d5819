"""`PolicyDocument`: a list of statements, rendered (and post-processed) at synthesis."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cdk_events.core import Construct, FeatureFlags, IResolvable, IResolveContext, UnscopedValidationError

from ._merge import PostProcessPolicyDocument, merge_statements
from ._policy_statement import Effect, PolicyStatement
from ._principals import LITERAL_STRING_KEY, IPrincipal, PrincipalBase, PrincipalPolicyFragment

MINIMIZE_POLICIES_FLAG = "@aws-cdk/aws-iam:minimizePolicies"
POLICY_VERSION = "2012-10-17"


class PolicyDocument(IResolvable):
    """An IAM policy document (mirrors `aws_iam.PolicyDocument`).

    It is a token: it renders `{"Statement": [...], "Version": "2012-10-17"}` where it is used
    (nothing when it has no statement), without duplicate statements. `assign_sids` numbers the
    statements that have no Sid (default False). `minimize` merges and sorts statements (default:
    the `@aws-cdk/aws-iam:minimizePolicies` flag of the scope where the document is rendered).
    """

    def __init__(
        self,
        *,
        statements: Sequence[PolicyStatement] | None = None,
        assign_sids: bool = False,
        minimize: bool | None = None,
    ):
        self._statements: list[PolicyStatement] = []
        self._auto_assign_sids = bool(assign_sids)
        self._minimize = minimize
        if statements is not None:
            if isinstance(statements, PolicyStatement) or not isinstance(statements, (list, tuple)):
                raise UnscopedValidationError(
                    f"PolicyDocument: 'statements' must be a list of PolicyStatement, got {statements!r}"
                )
            self.add_statements(*statements)

    @staticmethod
    def from_json(obj: dict[str, Any]) -> PolicyDocument:
        """A document from its JSON form (as `to_json()` writes it, without tokens in principals)."""
        statements = obj.get("Statement") or []
        if not isinstance(statements, list):
            raise UnscopedValidationError("Statement must be an array")
        return PolicyDocument(statements=[_statement_from_json(s) for s in statements])

    @property
    def is_empty(self) -> bool:
        """True when the document has no statement."""
        return not self._statements

    @property
    def statement_count(self) -> int:
        """How many statements were added."""
        return len(self._statements)

    def add_statements(self, *statements: PolicyStatement) -> None:
        """Append statements."""
        for statement in statements:
            if not isinstance(statement, PolicyStatement):
                raise UnscopedValidationError(
                    f"PolicyDocument.add_statements: expected PolicyStatement objects, got {statement!r} "
                    f"(a {type(statement).__name__})"
                )
        self._statements.extend(statements)

    def add_assume_role_statement(self, principal: IPrincipal) -> None:
        """Append the statement that lets `principal` assume the role this document is the trust policy of
        (its `assume_role_action`, `sts:AssumeRole` for most principals)."""
        self.add_statements(PolicyStatement(actions=[principal.assume_role_action], principals=[principal]))

    def resolve(self, context: IResolveContext) -> Any:
        """Freeze the statements, merge them if minimizing, and render the document."""
        for statement in self._statements:
            statement.freeze()
        scope: Construct = context.scope  # type: ignore[assignment]
        should_merge = self._should_merge(scope)
        if should_merge and len(self._statements) > 1:
            self._statements[:] = merge_statements(self._statements)
        context.register_post_processor(PostProcessPolicyDocument(self._auto_assign_sids, should_merge))
        if should_merge:
            return self._render(self._statements)
        # a statement object added more than once (targets of one task share theirs) is rendered once: the
        # post-processing keeps only the first of equal statements anyway
        return self._render(list({id(s): s for s in self._statements}.values()))

    def _should_merge(self, scope: Construct) -> bool:
        if self._minimize is not None:
            return self._minimize
        return FeatureFlags.of(scope).is_enabled(MINIMIZE_POLICIES_FLAG)

    def _render(self, statements: list[PolicyStatement]) -> Any:
        if not statements:
            return None
        return {"Statement": [s.to_statement_json() for s in statements], "Version": POLICY_VERSION}

    def to_json(self) -> Any:
        """The document before resolution and post-processing (None when empty)."""
        return self._render(self._statements)

    def validate_for_any_policy(self) -> list[str]:
        """Problems of the statements in any policy."""
        return [e for s in self._statements for e in s.validate_for_any_policy()]

    def validate_for_resource_policy(self) -> list[str]:
        """Problems of the statements in a resource-based policy."""
        return [e for s in self._statements for e in s.validate_for_resource_policy()]

    def validate_for_identity_policy(self) -> list[str]:
        """Problems of the statements in an identity-based policy."""
        return [e for s in self._statements for e in s.validate_for_identity_policy()]

    def __repr__(self) -> str:
        return f"PolicyDocument({len(self._statements)} statements)"


def _as_list(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise UnscopedValidationError("Fields must be either a string or an array of strings")


def _statement_from_json(obj: dict[str, Any]) -> PolicyStatement:
    class _JsonPrincipal(PrincipalBase):
        def __init__(self, json_: Any):
            if isinstance(json_, str):
                json_ = {LITERAL_STRING_KEY: [json_]}
            if not isinstance(json_, dict):
                raise UnscopedValidationError(f"JSON IAM principal should be an object, got {json_!r}")
            self._fragment = PrincipalPolicyFragment(json_)

        @property
        def policy_fragment(self) -> PrincipalPolicyFragment:
            return self._fragment

    statement = PolicyStatement(
        sid=obj.get("Sid"),
        actions=_as_list(obj.get("Action")),
        resources=_as_list(obj.get("Resource")),
        conditions=obj.get("Condition"),
        effect=Effect(obj["Effect"]) if obj.get("Effect") else None,
        not_actions=_as_list(obj.get("NotAction")),
        not_resources=_as_list(obj.get("NotResource")),
        principals=[_JsonPrincipal(obj["Principal"])] if obj.get("Principal") else None,
        not_principals=[_JsonPrincipal(obj["NotPrincipal"])] if obj.get("NotPrincipal") else None,
    )
    errors = statement.validate_for_any_policy()
    if errors:
        raise UnscopedValidationError("Incorrect Policy Statement: " + "\n".join(errors))
    return statement

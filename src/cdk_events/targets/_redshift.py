"""The `RedshiftQuery` target."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from .._cfn_generated import CfnRule
from .._target import RuleTargetConfig
from ..aws import iam
from ._checks import check_common, require_resource, rule_error, rule_scope
from ._util import bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue


class ISecret(Protocol):
    """A Secrets Manager secret, as the target uses it (mirrors `aws_secretsmanager.ISecret`): its name
    and, when known, its full ARN."""

    @property
    def secret_name(self) -> str:
        """The name of the secret."""
        ...

    @property
    def secret_full_arn(self) -> str | None:
        """The full ARN of the secret (with its random suffix), or None when not known."""
        ...


class RedshiftQuery:
    """Run SQL on an Amazon Redshift cluster through the Redshift Data API (mirrors
    `aws_cdk.aws_events_targets.RedshiftQuery`).

    One statement in `sql` uses ExecuteStatement, several use BatchExecuteStatement (one
    transaction). `db_user`, `secret` (a Secrets Manager secret: its full ARN, else its name),
    `statement_name` default to none; `send_event_bridge_event` defaults to False; `role` to an
    `EventsRole` under the rule; `input` to the whole event. As in the CDK, no resource policy is
    added to a `dead_letter_queue`.
    """

    def __init__(self, cluster_arn: str, *, database: str, sql: Sequence[str], db_user: str | None = None,
                 secret: ISecret | None = None, statement_name: str | None = None,
                 send_event_bridge_event: bool | None = None, dead_letter_queue: IQueue | None = None,
                 role: IRole | None = None, input: RuleTargetInput | None = None):
        self.cluster_arn = cluster_arn
        self.database = database
        self.sql = sql
        self.db_user = db_user
        self.secret = secret
        self.statement_name = statement_name
        self.send_event_bridge_event = send_event_bridge_event
        self.dead_letter_queue = dead_letter_queue
        self.role = role
        self.input = input

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Let the role run the statements on the cluster and configure the target."""
        statements = self._statements(rule)
        if not isinstance(self.cluster_arn, str) or not self.cluster_arn:
            raise rule_error(rule, "RedshiftQuery target: 'cluster_arn' must be a cluster ARN "
                                   "(arn:<partition>:redshift:<region>:<account>:cluster:<name>), got "
                                   f"{self.cluster_arn!r}")
        if not isinstance(self.database, str) or not self.database:
            raise rule_error(rule, f"RedshiftQuery target: 'database' must be a database name, got "
                                   f"{self.database!r}")
        check_common(rule, "RedshiftQuery", role=self.role, dead_letter_queue=self.dead_letter_queue,
                     input=self.input)
        if self.secret is not None:
            require_resource(rule, "RedshiftQuery", "secret", self.secret, ("secret_name",),
                             "a Secrets Manager secret (an object with secret_name and secret_full_arn)")
        base = bind_base_target_config(rule, "RedshiftQuery", dead_letter_queue=self.dead_letter_queue)
        role = self.role if self.role is not None else singleton_event_role(rule_scope(rule))
        action = "redshift-data:ExecuteStatement" if len(statements) == 1 else "redshift-data:BatchExecuteStatement"
        role.add_to_principal_policy(iam.PolicyStatement(actions=[action], resources=[self.cluster_arn]))
        return RuleTargetConfig(
            arn=self.cluster_arn, role=role, input=self.input,
            redshift_data_parameters=CfnRule.RedshiftDataParametersProperty(
                database=self.database, db_user=self.db_user, secret_manager_arn=self._secret_arn(),
                sql=statements[0] if len(statements) == 1 else None,
                sqls=statements if len(statements) > 1 else None,
                statement_name=self.statement_name, with_event=self.send_event_bridge_event),
            **base)

    def _statements(self, rule: IRule) -> list[str]:
        if isinstance(self.sql, str) or not isinstance(self.sql, Sequence):
            hint = f"; wrap it: sql=[{self.sql!r}]" if isinstance(self.sql, str) else ""
            raise rule_error(rule, f"RedshiftQuery target: 'sql' must be a list of SQL statements, got "
                                   f"{self.sql!r}{hint}")
        statements = list(self.sql)
        if not statements:
            raise rule_error(rule, "RedshiftQuery target: At least one SQL statement must be specified. "
                                   "(sql=[])")
        return statements

    def _secret_arn(self) -> str | None:
        if self.secret is None:
            return None
        full_arn = getattr(self.secret, "secret_full_arn", None)
        return full_arn if full_arn is not None else getattr(self.secret, "secret_name", None)

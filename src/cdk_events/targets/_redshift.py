"""The `RedshiftQuery` target."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._input import RuleTargetInput
from .._target import RuleTargetConfig
from ..aws import iam
from ..core._errors import construct_error
from ._checks import check_input, check_queue, check_role
from ._util import bind_base_target_config, singleton_event_role


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
                 secret: Any = None, statement_name: str | None = None, send_event_bridge_event: bool | None = None,
                 dead_letter_queue: Any = None, role: Any = None, input: RuleTargetInput | None = None):
        self.cluster_arn = cluster_arn
        self.database = database
        self.sql = sql
        self.db_user = db_user
        self.secret = secret
        self.statement_name = statement_name
        self.send_event_bridge_event = send_event_bridge_event
        self.dead_letter_queue = dead_letter_queue
        self.role = role
        self.input = check_input("RedshiftQuery", "input", input)

    def bind(self, rule: Any, id: str | None = None) -> RuleTargetConfig:
        """Let the role run the statements on the cluster and configure the target."""
        statements = self._statements(rule)
        if not isinstance(self.cluster_arn, str) or not self.cluster_arn:
            raise construct_error(rule, "RedshiftQuery target: 'cluster_arn' must be a cluster ARN "
                                        "(arn:<partition>:redshift:<region>:<account>:cluster:<name>), got "
                                        f"{self.cluster_arn!r}")
        if not isinstance(self.database, str) or not self.database:
            raise construct_error(rule, f"RedshiftQuery target: 'database' must be a database name, got "
                                        f"{self.database!r}")
        check_role(rule, "RedshiftQuery", "role", self.role)
        check_queue(rule, "RedshiftQuery", self.dead_letter_queue)
        base = bind_base_target_config(rule, "RedshiftQuery", dead_letter_queue=self.dead_letter_queue)
        role = self.role if self.role is not None else singleton_event_role(rule)
        action = "redshift-data:ExecuteStatement" if len(statements) == 1 else "redshift-data:BatchExecuteStatement"
        role.add_to_principal_policy(iam.PolicyStatement(actions=[action], resources=[self.cluster_arn]))
        return RuleTargetConfig(
            arn=self.cluster_arn, role=role, input=self.input,
            redshift_data_parameters={
                "Database": self.database,
                "DbUser": self.db_user,
                "SecretManagerArn": self._secret_arn(),
                "Sql": statements[0] if len(statements) == 1 else None,
                "Sqls": statements if len(statements) > 1 else None,
                "StatementName": self.statement_name,
                "WithEvent": self.send_event_bridge_event,
            },
            **base)

    def _statements(self, rule: Any) -> list[str]:
        if isinstance(self.sql, str) or not isinstance(self.sql, Sequence):
            hint = f"; wrap it: sql=[{self.sql!r}]" if isinstance(self.sql, str) else ""
            raise construct_error(rule, f"RedshiftQuery target: 'sql' must be a list of SQL statements, got "
                                        f"{self.sql!r}{hint}")
        statements = list(self.sql)
        if not statements:
            raise construct_error(rule, "RedshiftQuery target: At least one SQL statement must be specified. "
                                        "(sql=[])")
        return statements

    def _secret_arn(self) -> str | None:
        if self.secret is None:
            return None
        full_arn = getattr(self.secret, "secret_full_arn", None)
        return full_arn if full_arn is not None else getattr(self.secret, "secret_name", None)

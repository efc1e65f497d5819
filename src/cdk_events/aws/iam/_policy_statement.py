"""`PolicyStatement` and `Effect`: one statement of an IAM policy document."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from cdk_events.core import IResolvable, Token, UnscopedValidationError

from ._principals import (
    LITERAL_STRING_KEY,
    AccountPrincipal,
    AccountRootPrincipal,
    AnyPrincipal,
    ArnPrincipal,
    IPrincipal,
    ServicePrincipal,
    encode_compact,
    is_principal,
    merge_principal,
    validate_condition_object,
)

_ACTION = re.compile(r"^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*]+)\Z")


class Effect(Enum):
    """Whether a statement allows or denies."""

    ALLOW = "Allow"
    DENY = "Deny"


def _string_list(owner: str, name: str, value: Any) -> list[str]:
    """Check a public list-of-strings argument (a list token is accepted as it is)."""
    kind = type(value)
    if kind is list or kind is tuple:
        for item in value:
            if type(item) is not str:
                break
        else:
            return list(value)
    if not value and (value is None or isinstance(value, (list, tuple))):
        return []
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise UnscopedValidationError(
            f"{owner}: '{name}' must be a list of strings, got {value!r} (a {type(value).__name__})"
        )
    out: list[str] = []
    for item in value:
        if isinstance(item, IResolvable):
            item = item.to_string()
        elif not isinstance(item, str):
            raise UnscopedValidationError(
                f"{owner}: '{name}' must be a list of strings, got {value!r} (element {item!r} is a "
                f"{type(item).__name__})"
            )
        out.append(item)
    return out


_VALID_ACTIONS: set[str] = set()


def _validate_actions(actions: list[str]) -> None:
    # actions all validated before pass again (a list token is never checked either way)
    if not actions or _VALID_ACTIONS.issuperset(actions) or Token.is_unresolved(actions):
        return
    for action in actions:
        if action in _VALID_ACTIONS:
            continue
        if Token.is_unresolved(action) or _ACTION.match(action):
            _VALID_ACTIONS.add(action)
        else:
            raise UnscopedValidationError(
                f"Action '{action}' is invalid. An action string "
                "consists of a service namespace, a colon, and "
                "the name of an action. Action names can include wildcards."
            )


def _norm(values: Any) -> Any:
    """The CDK's statement normalisation: empty -> None, one element -> scalar."""
    if values is None:
        return None
    if type(values) is list:
        if not values:
            return None
        if len(values) == 1:
            only = values[0]
            if type(only) is str and only.startswith("#{Token[") and Token.is_unresolved(values):
                return values  # a list token stays a list
            return only
        return list(values)
    if Token.is_unresolved(values):
        return values
    if isinstance(values, list):
        if not values:
            return None
        if len(values) == 1:
            return values[0]
        return list(values)
    if isinstance(values, dict) and not values:
        return None
    return values


def _norm_principal(principal: dict[str, list[Any]]) -> Any:
    if not principal:
        return None
    if LITERAL_STRING_KEY in principal:
        return principal[LITERAL_STRING_KEY][0]
    result: dict[str, Any] = {}
    for key, value in principal.items():
        normalized = _norm(value)
        if normalized:
            result[key] = normalized
    return result


class PolicyStatement:
    """A statement in an IAM policy (mirrors `aws_iam.PolicyStatement`).

    Every list defaults to empty, `effect` to `Effect.ALLOW`, `sid` to none. Values keep the
    order they were added in and are de-duplicated.
    """

    def __init__(
        self,
        *,
        actions: Sequence[str] | None = None,
        resources: Sequence[str] | None = None,
        principals: Sequence[IPrincipal] | None = None,
        not_actions: Sequence[str] | None = None,
        not_resources: Sequence[str] | None = None,
        not_principals: Sequence[IPrincipal] | None = None,
        conditions: dict[str, Any] | None = None,
        effect: Effect | None = None,
        sid: str | None = None,
    ):
        if effect is not None and not isinstance(effect, Effect):
            raise UnscopedValidationError(
                f"PolicyStatement: 'effect' must be Effect.ALLOW or Effect.DENY, got {effect!r}"
            )
        if sid is not None and not isinstance(sid, str):
            raise UnscopedValidationError(f"PolicyStatement: 'sid' must be a string, got {sid!r}")
        if conditions is not None and not isinstance(conditions, dict):
            raise UnscopedValidationError(
                "PolicyStatement: 'conditions' must be a dict of "
                f"operator to {{key: value}}, got {conditions!r}"
            )
        self._action: dict[str, None] = {}
        self._not_action: dict[str, None] = {}
        self._principal: dict[str, list[Any]] = {}
        self._not_principal: dict[str, list[Any]] = {}
        self._resource: dict[str, None] = {}
        self._not_resource: dict[str, None] = {}
        self._condition: dict[str, Any] = {}
        self._principals: dict[int, IPrincipal] = {}
        self._not_principals: dict[int, IPrincipal] = {}
        self._principal_conditions_json: str | None = None
        self._sid = sid
        self._effect = effect or Effect.ALLOW
        self._frozen = False
        # each list is checked once here; empty ones are skipped (the add_* methods would do nothing).
        # Actions, principals and resources are each the first of their pair to be added, on a statement not
        # frozen: `add_actions`, `add_principals` and `add_resources` could not raise and would only check the
        # checked values again, so their effect is applied directly.
        if actions is not None and (checked := _string_list("PolicyStatement", "actions", actions)):
            _validate_actions(checked)
            self._action.update(dict.fromkeys(checked))
        if not_actions is not None and (checked := _string_list("PolicyStatement", "not_actions", not_actions)):
            self.add_not_actions(*checked)
        if principals is not None and (listed := _principal_list("principals", principals)):
            self._add_principals(self._principals, self._principal, listed)
        if not_principals is not None and (listed := _principal_list("not_principals", not_principals)):
            self.add_not_principals(*listed)
        if resources is not None and (checked := _string_list("PolicyStatement", "resources", resources)):
            self._resource.update(dict.fromkeys(checked))
        if not_resources is not None and (
                checked := _string_list("PolicyStatement", "not_resources", not_resources)):
            self.add_not_resources(*checked)
        if conditions is not None:
            # (checked to be a dict above; `add_conditions` would only check that again)
            for key, value in conditions.items():
                self._merge_condition(key, value)

    # --- simple attributes ---------------------------------------------------------------------
    @property
    def sid(self) -> str | None:
        """The statement id (none by default)."""
        return self._sid

    @sid.setter
    def sid(self, value: str | None) -> None:
        self._assert_not_frozen("sid")
        self._sid = value

    @property
    def effect(self) -> Effect:
        """Allow (default) or Deny."""
        return self._effect

    @effect.setter
    def effect(self, value: Effect) -> None:
        self._assert_not_frozen("effect")
        self._effect = value

    @property
    def frozen(self) -> bool:
        """True once `freeze()` was called."""
        return self._frozen

    # --- actions -------------------------------------------------------------------------------
    def add_actions(self, *actions: str) -> None:
        """Add to `Action` (each `service:Name`, wildcards allowed, or `*`)."""
        self._assert_not_frozen("addActions")
        if actions and self._not_action:
            raise UnscopedValidationError(
                "Cannot add 'Actions' to policy statement if 'NotActions' have been added"
            )
        checked = _string_list("PolicyStatement.add_actions", "actions", list(actions))
        _validate_actions(checked)
        self._action.update(dict.fromkeys(checked))

    def add_not_actions(self, *not_actions: str) -> None:
        """Add to `NotAction`."""
        self._assert_not_frozen("addNotActions")
        if not_actions and self._action:
            raise UnscopedValidationError(
                "Cannot add 'NotActions' to policy statement if 'Actions' have been added"
            )
        checked = _string_list("PolicyStatement.add_not_actions", "not_actions", list(not_actions))
        _validate_actions(checked)
        self._not_action.update(dict.fromkeys(checked))

    # --- principals ----------------------------------------------------------------------------
    @property
    def has_principal(self) -> bool:
        """True if the statement has a `Principal` or `NotPrincipal`."""
        return bool(self._principals or self._not_principals)

    def add_principals(self, *principals: IPrincipal) -> None:
        """Add to `Principal` (principals' conditions become the statement's)."""
        self._assert_not_frozen("addPrincipals")
        if principals and self._not_principals:
            raise UnscopedValidationError(
                "Cannot add 'Principals' to policy statement if 'NotPrincipals' have been added"
            )
        self._add_principals(
            self._principals, self._principal, _principal_list("principals", list(principals))
        )

    def add_not_principals(self, *not_principals: IPrincipal) -> None:
        """Add to `NotPrincipal`."""
        self._assert_not_frozen("addNotPrincipals")
        if not_principals and self._principals:
            raise UnscopedValidationError(
                "Cannot add 'NotPrincipals' to policy statement if 'Principals' have been added"
            )
        self._add_principals(
            self._not_principals, self._not_principal, _principal_list("not_principals", list(not_principals))
        )

    def _add_principals(
        self, seen: dict[int, IPrincipal], json_: dict[str, list[Any]], principals: Iterable[IPrincipal]
    ) -> None:
        for principal in principals:
            if id(principal) in seen:
                continue
            seen[id(principal)] = principal
            fragment = principal.policy_fragment
            merge_principal(json_, fragment.principal_json)
            self._add_principal_conditions(fragment.conditions)

    def _add_principal_conditions(self, conditions: dict[str, Any]) -> None:
        these = encode_compact(conditions) if conditions else "{}"
        if self._principal_conditions_json is None:
            self._principal_conditions_json = these
        elif self._principal_conditions_json != these:
            raise UnscopedValidationError(
                f"All principals in a PolicyStatement must have the same Conditions (got "
                f"'{self._principal_conditions_json}' and '{these}'). Use multiple statements instead."
            )
        if conditions:
            # `add_conditions` without its frozen check (`_add_principals` runs for an unfrozen statement only)
            _check_conditions(conditions)
            for key, value in conditions.items():
                self._merge_condition(key, value)

    def add_aws_account_principal(self, account_id: str) -> None:
        """Add an `AccountPrincipal`."""
        self.add_principals(AccountPrincipal(account_id))

    def add_arn_principal(self, arn: str) -> None:
        """Add an `ArnPrincipal`."""
        self.add_principals(ArnPrincipal(arn))

    def add_service_principal(
        self, service: str, *, region: str | None = None, conditions: dict[str, Any] | None = None
    ) -> None:
        """Add a `ServicePrincipal`."""
        self.add_principals(ServicePrincipal(service, region=region, conditions=conditions))

    def add_account_root_principal(self) -> None:
        """Add the account of the stack the policy is rendered in."""
        self.add_principals(AccountRootPrincipal())

    def add_any_principal(self) -> None:
        """Add every AWS identity (`{"AWS": "*"}`)."""
        self.add_principals(AnyPrincipal())

    # --- resources -----------------------------------------------------------------------------
    @property
    def has_resource(self) -> bool:
        """True if the statement has a `Resource`."""
        return bool(self._resource)

    def add_resources(self, *arns: str) -> None:
        """Add ARNs to `Resource` (tokens are resolved at synthesis)."""
        self._assert_not_frozen("addResources")
        if arns and self._not_resource:
            raise UnscopedValidationError(
                "Cannot add 'Resources' to policy statement if 'NotResources' have been added"
            )
        self._resource.update(
            dict.fromkeys(_string_list("PolicyStatement.add_resources", "arns", list(arns)))
        )

    def add_not_resources(self, *arns: str) -> None:
        """Add ARNs to `NotResource`."""
        self._assert_not_frozen("addNotResources")
        if arns and self._resource:
            raise UnscopedValidationError(
                "Cannot add 'NotResources' to policy statement if 'Resources' have been added"
            )
        self._not_resource.update(
            dict.fromkeys(_string_list("PolicyStatement.add_not_resources", "arns", list(arns)))
        )

    def add_all_resources(self) -> None:
        """Add `"*"` to `Resource`."""
        self.add_resources("*")

    # --- conditions ----------------------------------------------------------------------------
    def add_condition(self, key: str, value: Any) -> None:
        """Set the condition for operator `key` (keys of an existing operator are merged, last wins)."""
        self._assert_not_frozen("addCondition")
        self._merge_condition(key, value)

    def _merge_condition(self, key: str, value: Any) -> None:
        """`add_condition` for a statement known not to be frozen."""
        validate_condition_object(value)
        existing = self._condition.get(key)
        if existing and isinstance(existing, dict) and isinstance(value, dict):
            self._condition[key] = {**existing, **value}
        else:
            self._condition[key] = value

    def add_conditions(self, conditions: dict[str, Any]) -> None:
        """Add several conditions (see `add_condition`)."""
        _check_conditions(conditions)
        for key, value in conditions.items():
            self.add_condition(key, value)

    def add_account_condition(self, account_id: str) -> None:
        """`StringEquals sts:ExternalId = account_id`."""
        self.add_condition("StringEquals", {"sts:ExternalId": account_id})

    def add_source_account_condition(self, account_id: str) -> None:
        """`StringEquals aws:SourceAccount = account_id`."""
        self.add_condition("StringEquals", {"aws:SourceAccount": account_id})

    def add_source_arn_condition(self, arn: str) -> None:
        """`ArnEquals aws:SourceArn = arn`."""
        self.add_condition("ArnEquals", {"aws:SourceArn": arn})

    # --- views ---------------------------------------------------------------------------------
    @property
    def actions(self) -> list[str]:
        """The actions (a copy)."""
        return list(self._action)

    @property
    def not_actions(self) -> list[str]:
        """The not-actions (a copy)."""
        return list(self._not_action)

    @property
    def principals(self) -> list[IPrincipal]:
        """The principals (a copy)."""
        return list(self._principals.values())

    @property
    def not_principals(self) -> list[IPrincipal]:
        """The not-principals (a copy)."""
        return list(self._not_principals.values())

    @property
    def resources(self) -> list[str]:
        """The resources (a copy)."""
        return list(self._resource)

    @property
    def not_resources(self) -> list[str]:
        """The not-resources (a copy)."""
        return list(self._not_resource)

    @property
    def conditions(self) -> dict[str, Any]:
        """The conditions (a shallow copy)."""
        return dict(self._condition)

    def copy(
        self,
        *,
        actions: Sequence[str] | None = None,
        resources: Sequence[str] | None = None,
        principals: Sequence[IPrincipal] | None = None,
        not_actions: Sequence[str] | None = None,
        not_resources: Sequence[str] | None = None,
        not_principals: Sequence[IPrincipal] | None = None,
        conditions: dict[str, Any] | None = None,
        effect: Effect | None = None,
        sid: str | None = None,
    ) -> PolicyStatement:
        """A new statement with the same content, except for the values given."""
        return PolicyStatement(
            sid=sid if sid is not None else self.sid,
            effect=effect if effect is not None else self.effect,
            actions=actions if actions is not None else self.actions,
            not_actions=not_actions if not_actions is not None else self.not_actions,
            principals=principals if principals is not None else self.principals,
            not_principals=not_principals if not_principals is not None else self.not_principals,
            resources=resources if resources is not None else self.resources,
            not_resources=not_resources if not_resources is not None else self.not_resources,
            conditions=conditions if conditions is not None else self.conditions,
        )

    def freeze(self) -> PolicyStatement:
        """Make the statement immutable (later `add_*` calls raise); returns the statement."""
        self._frozen = True
        return self

    # --- rendering -----------------------------------------------------------------------------
    def to_statement_json(self) -> dict[str, Any]:
        """The statement as IAM JSON (before token resolution), in the CDK's key order."""
        # an empty part renders as None (left out): only the parts holding something are normalised. The
        # values of a part are the keys of a dict (unique already), and `_norm` of a non-empty dict is the dict.
        rendered: dict[str, Any] = {}
        if self._action:
            rendered["Action"] = _norm(list(self._action))
        if self._not_action:
            rendered["NotAction"] = _norm(list(self._not_action))
        if self._condition:
            rendered["Condition"] = self._condition
        rendered["Effect"] = self._effect.value
        if self._principal and (principal := _norm_principal(self._principal)) is not None:
            rendered["Principal"] = principal
        if self._not_principal and (not_principal := _norm_principal(self._not_principal)) is not None:
            rendered["NotPrincipal"] = not_principal
        if self._resource:
            rendered["Resource"] = _norm(list(self._resource))
        if self._not_resource:
            rendered["NotResource"] = _norm(list(self._not_resource))
        if self._sid is not None and (sid := _norm(self._sid)) is not None:
            rendered["Sid"] = sid
        return rendered

    def to_json(self) -> dict[str, Any]:
        """Same as `to_statement_json`."""
        return self.to_statement_json()

    def _to_cloudformation_value(self) -> dict[str, Any]:
        return self.to_statement_json()

    # --- validation ----------------------------------------------------------------------------
    def validate_for_any_policy(self) -> list[str]:
        """Problems that make the statement invalid in any policy."""
        errors: list[str] = []
        if not self._action and not self._not_action:
            errors.append("A PolicyStatement must specify at least one 'action' or 'notAction'.")
        return errors

    def validate_for_resource_policy(self) -> list[str]:
        """Problems for a resource-based policy (a principal is required)."""
        errors = self.validate_for_any_policy()
        if not self._principals and not self._not_principals:
            errors.append(
                "A PolicyStatement used in a resource-based policy must specify at least one IAM principal."
            )
        return errors

    def validate_for_identity_policy(self) -> list[str]:
        """Problems for an identity-based policy (no principal, at least one resource)."""
        errors = self.validate_for_any_policy()
        if self._principals or self._not_principals:
            errors.append(
                "A PolicyStatement used in an identity-based policy cannot specify any IAM principals."
            )
        if not self._resource and not self._not_resource:
            errors.append(
                "A PolicyStatement used in an identity-based policy must specify at least one resource."
            )
        return errors

    def _assert_not_frozen(self, method: str) -> None:
        if self._frozen:
            raise UnscopedValidationError(
                f"{method}: freeze() has been called on this "
                "PolicyStatement previously, so it can no longer be "
                "modified"
            )

    def __repr__(self) -> str:
        return f"PolicyStatement({self.to_statement_json()!r})"


def _check_conditions(conditions: Any) -> None:
    if not isinstance(conditions, dict):
        raise UnscopedValidationError(
            "PolicyStatement: conditions must be a dict of "
            f"operator to {{key: value}}, got {conditions!r}"
        )


def _principal_list(name: str, value: Any) -> list[IPrincipal]:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        raise UnscopedValidationError(
            f"PolicyStatement: '{name}' must be a list of "
            f"principals, got {value!r} (a {type(value).__name__})"
        )
    for item in value:
        if not is_principal(item):
            raise UnscopedValidationError(
                f"PolicyStatement: '{name}' must be a list of "
                "principals (ServicePrincipal, AccountPrincipal, a "
                f"Role, ...), got {item!r} (a {type(item).__name__})"
            )
    return list(value)

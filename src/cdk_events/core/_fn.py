"""CloudFormation intrinsic functions (`Fn`), as the CDK renders them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from ._construct import Construct, enclosing_stack
from ._errors import ValidationError
from ._resolve import minimal_join
from ._token_encoding import TOKEN_MAP, Intrinsic, IResolvable, IResolveContext, ResolutionTypeHint, is_unresolved

if TYPE_CHECKING:
    from ._stack import Stack


class _FnJoin(IResolvable):
    def __init__(self, delimiter: str, values: Sequence[Any]):
        if not values:
            raise ValidationError("FnJoin requires at least one value to be provided")
        self.delimiter = delimiter
        self.values = values
        self.type_hint = ResolutionTypeHint.STRING

    def resolve(self, context: IResolveContext) -> Any:
        if is_unresolved(self.values):
            return {"Fn::Join": [self.delimiter, self.values]}
        resolved = minimal_join(self.delimiter, [context.resolve(v) for v in self.values])
        if len(resolved) == 1:
            return resolved[0]
        return {"Fn::Join": [self.delimiter, resolved]}


class _FindInMap(Intrinsic):
    """`{"Fn::FindInMap": [map, key1, key2]}`, plus `{"DefaultValue": ...}` and the transform it needs."""

    def __init__(self, map_name: str, key1: str, key2: str, default_value: str | None):
        args: list[Any] = [map_name, key1, key2]
        if default_value is not None:
            args.append({"DefaultValue": default_value})
        super().__init__({"Fn::FindInMap": args})
        self.default_value = default_value

    def resolve(self, context: IResolveContext) -> Any:
        """The intrinsic; adds `AWS::LanguageExtensions` to the consuming stack when there is a default."""
        if self.default_value is not None:
            stack = cast("Stack", enclosing_stack(cast(Construct, context.scope)))
            stack.add_transform("AWS::LanguageExtensions")
        return self.value


def _list_token(value: Any) -> list[str]:
    return TOKEN_MAP.register_list(Intrinsic(value, type_hint=ResolutionTypeHint.STRING_LIST))


def _string_token(value: Any) -> str:
    return TOKEN_MAP.register_string(Intrinsic(value))


class Fn:
    """CloudFormation intrinsic functions (mirrors `aws_cdk.Fn`)."""

    @staticmethod
    def ref(logical_name: str) -> str:
        """`{"Ref": logical_name}`."""
        return _string_token({"Ref": logical_name})

    @staticmethod
    def get_att(logical_name_of_resource: str, attribute_name: str) -> IResolvable:
        """`{"Fn::GetAtt": [resource, attribute]}`."""
        return Intrinsic({"Fn::GetAtt": [logical_name_of_resource, attribute_name]})

    @staticmethod
    def join(delimiter: str, list_of_values: Sequence[str]) -> str:
        """`Fn::Join`, flattened and collapsed as the CDK does (a single value is returned bare)."""
        if not list_of_values:
            raise ValidationError("FnJoin requires at least one value to be provided")
        return TOKEN_MAP.register_string(_FnJoin(delimiter, list_of_values))

    @staticmethod
    def split(delimiter: str, source: str, assumed_length: int | None = None) -> list[str]:
        """`Fn::Split`; a literal `source` is split right away."""
        if delimiter == "":
            raise ValidationError("Fn.split: 'delimiter' must not be empty")
        if not is_unresolved(source):
            return source.split(delimiter)
        if is_unresolved(delimiter):
            raise ValidationError("Fn.split: 'delimiter' may not be a token value")
        split = _list_token({"Fn::Split": [delimiter, source]})
        if assumed_length is None:
            return split
        return [Fn.select(i, split) for i in range(assumed_length)]

    @staticmethod
    def select(index: int, array: Sequence[str]) -> str:
        """`Fn::Select`; a literal array is indexed right away."""
        if not is_unresolved(index) and not is_unresolved(list(array)) and not any(is_unresolved(x) for x in array):
            return array[index]
        return _string_token({"Fn::Select": [index, array]})

    @staticmethod
    def sub(body: str, variables: dict[str, str] | None = None) -> str:
        """`Fn::Sub`, with optional variables."""
        return _string_token({"Fn::Sub": [body, variables] if variables is not None else body})

    @staticmethod
    def import_value(shared_value_to_import: str) -> str:
        """`Fn::ImportValue`."""
        return _string_token({"Fn::ImportValue": shared_value_to_import})

    @staticmethod
    def import_list_value(shared_value_to_import: str, assumed_length: int, delimiter: str = ",") -> list[str]:
        """An imported list value, split into `assumed_length` selects."""
        return Fn.split(delimiter, Fn.import_value(shared_value_to_import), assumed_length)

    @staticmethod
    def base64(data: str) -> str:
        """`Fn::Base64`."""
        return _string_token({"Fn::Base64": data})

    @staticmethod
    def cidr(ip_block: str, count: int, size_mask: str | None = None) -> list[str]:
        """`Fn::Cidr`."""
        args: list[Any] = [ip_block, count] + ([size_mask] if size_mask is not None else [])
        return _list_token({"Fn::Cidr": args})

    @staticmethod
    def get_azs(region: str | None = None) -> list[str]:
        """`Fn::GetAZs` (the stack's region when not given)."""
        return _list_token({"Fn::GetAZs": region or ""})

    @staticmethod
    def find_in_map(map_name: str, top_level_key: str, second_level_key: str,
                    default_value: str | None = None) -> str:
        """`Fn::FindInMap`; with a `default_value` (none by default) the stack that uses it gets the
        `AWS::LanguageExtensions` transform, which CloudFormation needs for `DefaultValue`."""
        return TOKEN_MAP.register_string(_FindInMap(map_name, top_level_key, second_level_key, default_value))

    @staticmethod
    def length(array: Any) -> float:
        """`Fn::Length` (adds nothing to the template's transforms here)."""
        return TOKEN_MAP.register_number(Intrinsic({"Fn::Length": array}, type_hint=ResolutionTypeHint.NUMBER))

    @staticmethod
    def to_json_string(obj: Any) -> str:
        """`Fn::ToJsonString`."""
        return _string_token({"Fn::ToJsonString": obj})

    @staticmethod
    def condition_and(*conditions: Any) -> IResolvable:
        """`Fn::And` (2 to 10 conditions)."""
        if len(conditions) == 1:
            return conditions[0]  # type: ignore[no-any-return]
        return Intrinsic({"Fn::And": list(conditions)})

    @staticmethod
    def condition_or(*conditions: Any) -> IResolvable:
        """`Fn::Or` (2 to 10 conditions)."""
        if len(conditions) == 1:
            return conditions[0]  # type: ignore[no-any-return]
        return Intrinsic({"Fn::Or": list(conditions)})

    @staticmethod
    def condition_not(condition: Any) -> IResolvable:
        """`Fn::Not`."""
        return Intrinsic({"Fn::Not": [condition]})

    @staticmethod
    def condition_equals(lhs: Any, rhs: Any) -> IResolvable:
        """`Fn::Equals`."""
        return Intrinsic({"Fn::Equals": [lhs, rhs]})

    @staticmethod
    def condition_if(condition_id: str, value_if_true: Any, value_if_false: Any) -> IResolvable:
        """`Fn::If`."""
        return Intrinsic({"Fn::If": [condition_id, value_if_true, value_if_false]})

    @staticmethod
    def condition_contains(list_of_strings: Sequence[str], value: str) -> IResolvable:
        """`Fn::Contains`."""
        return Intrinsic({"Fn::Contains": [list(list_of_strings), value]})

    @staticmethod
    def condition_each_member_equals(list_of_strings: Sequence[str], value: str) -> IResolvable:
        """`Fn::EachMemberEquals`."""
        return Intrinsic({"Fn::EachMemberEquals": [list(list_of_strings), value]})

    @staticmethod
    def condition_each_member_in(strings_to_check: Sequence[str], strings_to_match: Sequence[str]) -> IResolvable:
        """`Fn::EachMemberIn`."""
        return Intrinsic({"Fn::EachMemberIn": [list(strings_to_check), list(strings_to_match)]})

    @staticmethod
    def ref_all(parameter_type: str) -> list[str]:
        """`Fn::RefAll`."""
        return _list_token({"Fn::RefAll": parameter_type})

    @staticmethod
    def value_of(parameter_or_logical_id: str, attribute: str) -> str:
        """`Fn::ValueOf`."""
        return _string_token({"Fn::ValueOf": [parameter_or_logical_id, attribute]})

    @staticmethod
    def value_of_all(parameter_type: str, attribute: str) -> list[str]:
        """`Fn::ValueOfAll`."""
        return _list_token({"Fn::ValueOfAll": [parameter_type, attribute]})

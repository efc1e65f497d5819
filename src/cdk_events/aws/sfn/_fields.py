"""`JsonPath`: JSON path references inside state definitions, and the renderer that turns them into
`"Key.$": "$.path"` fields, as `aws_cdk.aws_stepfunctions` does."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from cdk_events.core import (
    JSON_NULL,
    IResolvable,
    IResolveContext,
    Token,
    Tokenization,
    UnscopedValidationError,
    js_number,
)

_LEADING_NON_LETTERS = re.compile(r"^[^a-zA-Z]+")


class JsonPathToken(IResolvable):
    """A token that stands for a JSON path (`$.field`, `$$.Task.Token`, an intrinsic function call)."""

    def __init__(self, path: str):
        self.path = path
        self.display_hint = _LEADING_NON_LETTERS.sub("", path)

    def resolve(self, context: IResolveContext) -> Any:
        """The path itself."""
        return self.path

    def to_string(self) -> str:
        """This token encoded as a string."""
        return Token.as_string(self, display_hint=self.display_hint)

    def __repr__(self) -> str:
        return f"<path:{self.path}>"


def _validate_json_path(path: str) -> None:
    if not isinstance(path, str):
        raise UnscopedValidationError(f"JSON path must be a string, got {path!r}")
    if path not in ("$", "$$") and not path.startswith(("$.", "$$.", "$[", "States.")):
        raise UnscopedValidationError(
            f"JSON path values must be exactly '$', '$$', start with '$.', start with '$$.', start with '$[', "
            f"or start with an intrinsic function: States.Array, States.ArrayPartition, States.ArrayContains, "
            f"States.ArrayRange, States.ArrayGetItem, States.ArrayLength, States.ArrayUnique, States.Base64Encode, "
            f"States.Base64Decode, States.Hash, States.JsonMerge, States.MathRandom, States.MathAdd, "
            f"States.StringSplit, States.UUID, States.Format, States.StringToJson, States.JsonToString. "
            f"Received: {path}")


def _validate_data_path(path: str) -> None:
    if not isinstance(path, str):
        raise UnscopedValidationError(f"Data JSON path must be a string, got {path!r}")
    if path != "$" and not path.startswith(("$.", "$[")):
        raise UnscopedValidationError("Data JSON path values must either be exactly equal to '$', '$[' or start "
                                      f"with '$.'. Received: {path}")


class _ClassProperty:
    """A read-only property of the class itself (jsii static getters: `JsonPath.task_token`)."""

    def __init__(self, getter: Callable[[Any], str]):
        self._getter = getter
        self.__doc__ = getter.__doc__

    def __get__(self, instance: Any, owner: type) -> str:
        return self._getter(owner)


class JsonPath:
    """Values read from the state or the context object at run time (mirrors `aws_cdk.aws_stepfunctions.JsonPath`).

    `string_at`, `number_at`, `list_at`, `object_at` return tokens; used as values in `parameters`,
    `TaskInput.from_object` and the like, they render as `"Key.$": "<path>"`.
    """

    DISCARD: str = Token.as_string(JSON_NULL, display_hint="DISCARD (JSON `null`)")

    @staticmethod
    def string_at(path: str) -> str:
        """The string at `path` (a string token)."""
        _validate_json_path(path)
        return JsonPathToken(path).to_string()

    @staticmethod
    def list_at(path: str) -> list[str]:
        """The list at `path` (a list token)."""
        _validate_data_path(path)
        return Token.as_list(JsonPathToken(path))

    @staticmethod
    def number_at(path: str) -> float:
        """The number at `path` (a number token)."""
        _validate_json_path(path)
        return Token.as_number(JsonPathToken(path))

    @staticmethod
    def object_at(path: str) -> IResolvable:
        """The object at `path`."""
        _validate_json_path(path)
        return JsonPathToken(path)

    @_ClassProperty
    def entire_payload(cls) -> str:
        """The whole state (`$`)."""
        return JsonPathToken("$").to_string()

    @_ClassProperty
    def entire_context(cls) -> str:
        """The whole context object (`$$`)."""
        return JsonPathToken("$$").to_string()

    @_ClassProperty
    def task_token(cls) -> str:
        """The task token (`$$.Task.Token`) for callback tasks."""
        return JsonPathToken("$$.Task.Token").to_string()

    @_ClassProperty
    def execution_id(cls) -> str:
        """The execution id (`$$.Execution.Id`)."""
        return JsonPathToken("$$.Execution.Id").to_string()

    @_ClassProperty
    def execution_input(cls) -> str:
        """The context field `$$.Execution.Input`."""
        return JsonPathToken("$$.Execution.Input").to_string()

    @_ClassProperty
    def execution_name(cls) -> str:
        """The context field `$$.Execution.Name`."""
        return JsonPathToken("$$.Execution.Name").to_string()

    @_ClassProperty
    def execution_role_arn(cls) -> str:
        """The context field `$$.Execution.RoleArn`."""
        return JsonPathToken("$$.Execution.RoleArn").to_string()

    @_ClassProperty
    def execution_start_time(cls) -> str:
        """The context field `$$.Execution.StartTime`."""
        return JsonPathToken("$$.Execution.StartTime").to_string()

    @_ClassProperty
    def state_entered_time(cls) -> str:
        """The context field `$$.State.EnteredTime`."""
        return JsonPathToken("$$.State.EnteredTime").to_string()

    @_ClassProperty
    def state_name(cls) -> str:
        """The context field `$$.State.Name`."""
        return JsonPathToken("$$.State.Name").to_string()

    @_ClassProperty
    def state_retry_count(cls) -> str:
        """The context field `$$.State.RetryCount`."""
        return JsonPathToken("$$.State.RetryCount").to_string()

    @_ClassProperty
    def state_machine_id(cls) -> str:
        """The context field `$$.StateMachine.Id`."""
        return JsonPathToken("$$.StateMachine.Id").to_string()

    @_ClassProperty
    def state_machine_name(cls) -> str:
        """The context field `$$.StateMachine.Name`."""
        return JsonPathToken("$$.StateMachine.Name").to_string()

    @staticmethod
    def is_encoded_json_path(value: str) -> bool:
        """True when `value` is a string token made by `JsonPath`."""
        return json_path_string(value) is not None

    @staticmethod
    def format(format_string: str, *values: str) -> str:
        """A `States.Format(...)` intrinsic."""
        return _intrinsic("States.Format", format_string, *values)

    @staticmethod
    def string_to_json(json_string: str) -> IResolvable:
        """A `States.StringToJson(...)` intrinsic."""
        return JsonPathToken(f"States.StringToJson({render_in_expression(json_string)})")

    @staticmethod
    def json_to_string(value: Any) -> str:
        """A `States.JsonToString(...)` intrinsic (`value` must be a JsonPath object)."""
        path = json_path_from_any(value)
        if not path:
            raise UnscopedValidationError("Argument to JsonPath.json_to_string() must be a JsonPath object")
        return JsonPathToken(f"States.JsonToString({path})").to_string()

    @staticmethod
    def array(*values: str) -> str:
        """A `States.Array(...)` intrinsic."""
        return _intrinsic("States.Array", *values)

    @staticmethod
    def array_contains(array: Any, value: Any) -> str:
        """A `States.ArrayContains(...)` intrinsic."""
        return _intrinsic("States.ArrayContains", array, value)

    @staticmethod
    def array_get_item(array: Any, index: float) -> str:
        """A `States.ArrayGetItem(...)` intrinsic."""
        return _intrinsic("States.ArrayGetItem", array, index)

    @staticmethod
    def array_length(array: Any) -> str:
        """A `States.ArrayLength(...)` intrinsic."""
        return _intrinsic("States.ArrayLength", array)

    @staticmethod
    def math_add(num1: float, num2: float) -> str:
        """A `States.MathAdd(...)` intrinsic."""
        return _intrinsic("States.MathAdd", num1, num2)

    @staticmethod
    def array_partition(array: Any, chunk_size: float) -> str:
        """A `States.ArrayPartition(...)` intrinsic."""
        return _intrinsic("States.ArrayPartition", array, chunk_size)

    @staticmethod
    def array_range(start: float, end: float, step: float) -> str:
        """A `States.ArrayRange(...)` intrinsic."""
        return _intrinsic("States.ArrayRange", start, end, step)

    @staticmethod
    def array_unique(array: Any) -> str:
        """A `States.ArrayUnique(...)` intrinsic."""
        return _intrinsic("States.ArrayUnique", array)

    @staticmethod
    def base64_encode(input: str) -> str:
        """A `States.Base64Encode(...)` intrinsic."""
        return _intrinsic("States.Base64Encode", input)

    @staticmethod
    def base64_decode(base64: str) -> str:
        """A `States.Base64Decode(...)` intrinsic."""
        return _intrinsic("States.Base64Decode", base64)

    @staticmethod
    def hash(data: Any, algorithm: str) -> str:
        """A `States.Hash(...)` intrinsic."""
        return _intrinsic("States.Hash", data, algorithm)

    @staticmethod
    def math_random(start: float, end: float) -> str:
        """A `States.MathRandom(...)` intrinsic."""
        return _intrinsic("States.MathRandom", start, end)

    @staticmethod
    def string_split(input_string: str, splitter: str) -> str:
        """A `States.StringSplit(...)` intrinsic."""
        return _intrinsic("States.StringSplit", input_string, splitter)

    @staticmethod
    def json_merge(value1: Any, value2: Any) -> str:
        """A `States.JsonMerge(..., false)` intrinsic (a shallow merge)."""
        return JsonPathToken(f"States.JsonMerge({render_in_expression(value1)}, {render_in_expression(value2)}, "
                             "false)").to_string()

    @staticmethod
    def uuid() -> str:
        """A `States.UUID()` intrinsic."""
        return JsonPathToken("States.UUID()").to_string()


def _intrinsic(name: str, *args: Any) -> str:
    return JsonPathToken(f"{name}({', '.join(render_in_expression(a) for a in args)})").to_string()


# --- reading tokens back ------------------------------------------------------------------------

def json_path_string(value: str) -> str | None:
    """The path a string encodes when it is a JsonPath token; an error when one is concatenated."""
    fragments = Tokenization.split_string(value)
    paths = [t for t in fragments.tokens if isinstance(t, JsonPathToken)]
    if paths and fragments.length > 1:
        raise UnscopedValidationError(
            f"Field references must be the entire string, cannot concatenate them (found '{value}')")
    return paths[0].path if paths else None


def json_path_from_any(value: Any) -> str | None:
    """The path behind a JsonPath string, number, list or resolvable, else None."""
    if value is None or value == "" or value is False:
        return None
    if isinstance(value, str):
        return json_path_string(value)
    token = Tokenization.reverse(value)
    return token.path if isinstance(token, JsonPathToken) else None


def render_in_expression(value: Any) -> str:
    """`value` inside an intrinsic call: a path as is, a number as JavaScript writes it, a string single-quoted."""
    path = json_path_from_any(value)
    if path:
        return path
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return js_number(value)
    if isinstance(value, str):
        out = ["'"]
        for i, c in enumerate(value):
            if c == "'":
                out.append("\\'")
            elif c == "\\" and (i == len(value) - 1 or value[i + 1] not in "{}"):
                out.append("\\\\")
            else:
                out.append(c)
        out.append("'")
        return "".join(out)
    raise UnscopedValidationError(f"Unexpected value in a JsonPath intrinsic function: {value!r}")


# --- rendering objects ----------------------------------------------------------------------------

def _is_string_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _path_of_list(value: list[Any]) -> str | None:
    token = Tokenization.reverse(value)
    return token.path if isinstance(token, JsonPathToken) else None


def _path_of_number(value: float) -> str | None:
    if not isinstance(value, float):
        return None
    token = Tokenization.reverse(value)
    return token.path if isinstance(token, JsonPathToken) else None


def render_object(obj: Any) -> Any:
    """Deep-render `obj`: a value that is a JSON path becomes a `"<key>.$": "<path>"` field."""
    return _recurse_object(obj, _render_field, [])


def _render_field(key: str, value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        path = json_path_string(value)
    elif isinstance(value, list):
        path = _path_of_list(value)
    elif isinstance(value, bool):
        path = None
    elif isinstance(value, (int, float)):
        path = _path_of_number(value)
    else:
        path = json_path_from_any(value)
    return {f"{key}.$": path} if path is not None else {key: value}


def find_referenced_paths(obj: Any) -> set[str]:
    """Every JSON path used in `obj`."""
    found: set[str] = set()

    def collect(key: str, value: Any) -> dict[str, Any]:
        if isinstance(value, list):
            path = _path_of_list(value)
        elif isinstance(value, bool):
            path = None
        elif isinstance(value, (int, float)):
            path = _path_of_number(value)
        else:
            path = json_path_from_any(value)
        if path:
            found.update(_paths_in_expression(path))
        return {}

    _recurse_object(obj, collect, [])
    return found


_PATH_IN_CALL = re.compile(r"\$\$?[^,()\s']*")


def _paths_in_expression(expression: str) -> list[str]:
    if not expression.startswith("States."):
        return [expression]
    return [m.group(0) for m in _PATH_IN_CALL.finditer(_strip_quoted(expression))]


def _strip_quoted(expression: str) -> str:
    return re.sub(r"'(?:\\.|[^'\\])*'", "''", expression)


def _recurse_object(obj: Any, handle: Callable[[str, Any], dict[str, Any]], visited: list[Any]) -> Any:
    if not isinstance(obj, Mapping):
        return obj
    if any(v is obj for v in visited):
        return {}
    visited.append(obj)
    ret: dict[str, Any] = {}
    for key, value in obj.items():
        if value is None:
            continue
        if isinstance(value, list):
            if _is_string_list(value) and _path_of_list(value) is not None:
                ret.update(handle(key, value))
            else:
                ret[key] = _resolve_array(value, handle, visited)
        elif isinstance(value, (str, int, float, IResolvable)):
            ret.update(handle(key, value))
        elif isinstance(value, Mapping):
            ret[key] = _recurse_object(value, handle, visited)
        else:
            ret.update(handle(key, value))
    visited.pop()
    return ret


def _resolve_array(arr: list[Any], handle: Callable[[str, Any], dict[str, Any]], visited: list[Any]) -> list[Any]:
    out: list[Any] = []
    for value in arr:
        if ((isinstance(value, str) and json_path_string(value) is not None)
                or (isinstance(value, float) and _path_of_number(value) is not None)
                or (_is_string_list(value) and _path_of_list(value) is not None)):
            raise UnscopedValidationError("Cannot use JsonPath fields in an array, they must be used in objects")
        if isinstance(value, list):
            out.append(_resolve_array(value, handle, visited))
        elif isinstance(value, Mapping):
            out.append(_recurse_object(value, handle, visited))
        else:
            out.append(value)
    return out


class FieldUtils:
    """Helpers for structures that contain JSON path fields (mirrors `FieldUtils`)."""

    @staticmethod
    def render_object(obj: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
        """Render `obj` with its JSON path fields as `"<key>.$"` entries."""
        result: dict[str, Any] | None = render_object(obj)
        return result

    @staticmethod
    def find_referenced_paths(obj: Mapping[str, Any] | None = None) -> list[str]:
        """The JSON paths used in `obj`, sorted."""
        return sorted(find_referenced_paths(obj))

    @staticmethod
    def contains_task_token(obj: Any = None) -> bool:
        """True when `obj` uses the task token (`$$.Task.Token`, `$$.Task` or `$$`) anywhere."""
        if obj is not None and hasattr(obj, "value") and hasattr(obj, "type"):  # a TaskInput
            obj = {"value": obj.value}
        elif isinstance(obj, list):
            obj = {str(i): (o.value if hasattr(o, "value") and hasattr(o, "type") else o) for i, o in enumerate(obj)}
        paths = find_referenced_paths(obj)
        return "$$.Task.Token" in paths or "$$.Task" in paths or "$$" in paths

"""Tokens: markers in strings, list and number tokens, Fn intrinsics, Lazy, comparison, resolution."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cdk_events.core import (
    JSON_NULL,
    App,
    Aws,
    CfnResource,
    Construct,
    Fn,
    Intrinsic,
    IPostProcessor,
    IResolvable,
    IResolveContext,
    Lazy,
    ResolutionError,
    Stack,
    Token,
    TokenComparison,
    Tokenization,
    ValidationError,
    cfn_concat,
)
from cdk_events.core._resolve import cfn_fold

PARTITION = {"Ref": "AWS::Partition"}
REGION = {"Ref": "AWS::Region"}


@pytest.fixture
def stack() -> Stack:
    return Stack(App(), "S")


def ref(name: str) -> str:
    return Token.as_string(Intrinsic({"Ref": name}))


def test_fstring_interpolation_becomes_a_join(stack: Stack) -> None:
    value = f"arn:{Aws.PARTITION}:events:{Aws.REGION}:x"
    assert isinstance(value, str) and Token.is_unresolved(value)
    assert stack.resolve(value) == {"Fn::Join": ["", ["arn:", PARTITION, ":events:", REGION, ":x"]]}


def test_plus_concatenation_of_tokens(stack: Stack) -> None:
    token = Intrinsic({"Ref": "X"})
    assert stack.resolve("a-" + token + "-b") == {"Fn::Join": ["", ["a-", {"Ref": "X"}, "-b"]]}
    assert stack.resolve(ref("A") + ref("B")) == {"Fn::Join": ["", [{"Ref": "A"}, {"Ref": "B"}]]}


def test_a_string_that_is_one_token_resolves_unwrapped(stack: Stack) -> None:
    assert stack.resolve(ref("Bucket")) == {"Ref": "Bucket"}
    assert stack.resolve({"Prop": ref("Bucket")}) == {"Prop": {"Ref": "Bucket"}}


def test_tokens_resolving_to_literals_fold_into_one_string(stack: Stack) -> None:
    lazy = Lazy.string(lambda: "middle")
    number = Lazy.number(lambda: 5)
    assert stack.resolve(f"a-{lazy}-b") == "a-middle-b"
    assert stack.resolve(f"n={Tokenization.stringify_number(number)}") == "n=5"


def test_minimal_join_splices_nested_joins_with_the_same_delimiter(stack: Stack) -> None:
    inner = Fn.join("", ["b", ref("R")])
    assert stack.resolve(Fn.join("", ["a", inner, "c"])) == {"Fn::Join": ["", ["ab", {"Ref": "R"}, "c"]]}
    other = Fn.join("-", ["b", ref("R")])
    assert stack.resolve(Fn.join("", ["a", other])) == {
        "Fn::Join": ["", ["a", {"Fn::Join": ["-", ["b", {"Ref": "R"}]]}]]
    }


def test_fn_join_collapses(stack: Stack) -> None:
    assert stack.resolve(Fn.join("-", ["a", "b", "c"])) == "a-b-c"
    assert stack.resolve(Fn.join("-", [ref("R")])) == {"Ref": "R"}
    assert stack.resolve(Fn.join(",", ["a", "b", ref("R"), "c", "d"])) == {
        "Fn::Join": [",", ["a,b", {"Ref": "R"}, "c,d"]]
    }
    with pytest.raises(ValidationError, match="FnJoin requires at least one value to be provided"):
        Fn.join("-", [])


def test_fn_split_and_select_are_eager_for_literals(stack: Stack) -> None:
    assert Fn.split(",", "a,b,c") == ["a", "b", "c"]
    assert Fn.select(1, ["a", "b", "c"]) == "b"
    assert stack.resolve(Fn.select(1, ["a", ref("R")])) == {"Fn::Select": [1, ["a", {"Ref": "R"}]]}


def test_fn_split_of_a_token_is_a_list_token(stack: Stack) -> None:
    parts = Fn.split(":", ref("Arn"))
    assert isinstance(parts, list) and len(parts) == 1 and Token.is_unresolved(parts)
    assert stack.resolve(parts) == {"Fn::Split": [":", {"Ref": "Arn"}]}
    three = Fn.split(":", ref("Arn"), 3)
    assert len(three) == 3
    assert stack.resolve(three[2]) == {"Fn::Select": [2, {"Fn::Split": [":", {"Ref": "Arn"}]}]}


def test_other_intrinsics(stack: Stack) -> None:
    assert stack.resolve(Fn.sub("hello ${AWS::Region}")) == {"Fn::Sub": "hello ${AWS::Region}"}
    assert stack.resolve(Fn.sub("${A}", {"A": "x"})) == {"Fn::Sub": ["${A}", {"A": "x"}]}
    assert stack.resolve(Fn.import_value("Name")) == {"Fn::ImportValue": "Name"}
    assert stack.resolve(Fn.get_att("Res", "Arn")) == {"Fn::GetAtt": ["Res", "Arn"]}
    assert stack.resolve(Fn.ref("Res")) == {"Ref": "Res"}
    assert stack.resolve(Fn.base64("x")) == {"Fn::Base64": "x"}
    assert stack.resolve(Fn.get_azs()) == {"Fn::GetAZs": ""}
    assert stack.resolve(Fn.condition_not(Fn.condition_contains(["1", "2"], ref("P")))) == {
        "Fn::Not": [{"Fn::Contains": [["1", "2"], {"Ref": "P"}]}]
    }
    assert stack.resolve(Fn.condition_equals("a", ref("P"))) == {"Fn::Equals": ["a", {"Ref": "P"}]}


def test_list_tokens(stack: Stack) -> None:
    lst = Token.as_list(Intrinsic({"Ref": "Subnets"}))
    assert len(lst) == 1 and Token.is_unresolved(lst)
    assert stack.resolve({"SubnetIds": lst}) == {"SubnetIds": {"Ref": "Subnets"}}
    assert stack.resolve(Aws.NOTIFICATION_ARNS) == {"Ref": "AWS::NotificationARNs"}


def test_number_tokens(stack: Stack) -> None:
    number = Token.as_number(Intrinsic({"Ref": "Count"}))
    assert isinstance(number, float) and number < -1e288
    assert Token.is_unresolved(number)
    assert not Token.is_unresolved(-1e288)
    assert stack.resolve({"Count": number}) == {"Count": {"Ref": "Count"}}
    assert Token.as_number(5) == 5
    assert stack.resolve(f"x{Tokenization.stringify_number(number)}") == {
        "Fn::Join": ["", ["x", {"Ref": "Count"}]]
    }
    assert Tokenization.stringify_number(1.5) == "1.5"


def test_lazy_cached_and_uncached(stack: Stack) -> None:
    calls: list[int] = []

    def produce() -> str:
        calls.append(1)
        return f"v{len(calls)}"

    cached = Lazy.string(produce)
    assert stack.resolve(cached) == "v1"
    assert stack.resolve(cached) == "v1"
    uncached = Lazy.uncached_string(produce)
    assert stack.resolve(uncached) == "v2"
    assert stack.resolve(uncached) == "v3"


def test_lazy_producers_with_context_and_produce_objects(stack: Stack) -> None:
    class Producer:
        def produce(self, context: IResolveContext) -> str:
            return context.scope.node.path

    assert stack.resolve(Lazy.string(Producer())) == "S"
    assert stack.resolve(Lazy.any(lambda: {"a": ref("R")})) == {"a": {"Ref": "R"}}
    assert stack.resolve({"L": Lazy.list(lambda: [], omit_empty=True)}) == {}
    assert stack.resolve({"L": Lazy.list(lambda: ["a", "b"])}) == {"L": ["a", "b"]}
    assert stack.resolve({"N": Lazy.number(lambda: 3)}) == {"N": 3}


def test_compare_strings() -> None:
    a, b = ref("A"), ref("B")
    assert Token.compare_strings("x", "x") is TokenComparison.SAME
    assert Token.compare_strings("x", "y") is TokenComparison.DIFFERENT
    assert Token.compare_strings(a, "y") is TokenComparison.ONE_UNRESOLVED
    assert Token.compare_strings("y", a) is TokenComparison.ONE_UNRESOLVED
    assert Token.compare_strings(a, b) is TokenComparison.BOTH_UNRESOLVED
    assert Token.compare_strings(a, a) is TokenComparison.SAME


def test_none_is_undefined_and_json_null_is_kept(stack: Stack) -> None:
    assert stack.resolve({"a": None, "b": [1, None, 2], "c": JSON_NULL, "d": Lazy.any(lambda: None)}) == {
        "b": [1, 2],
        "c": JSON_NULL,
    }


def test_token_keys_must_resolve_to_strings(stack: Stack) -> None:
    assert stack.resolve({Lazy.string(lambda: "key"): 1}) == {"key": 1}
    with pytest.raises(ResolutionError) as info:
        stack.resolve({ref("K"): 1})
    assert 'is used as the key in a map so must resolve to a string, but it resolves to: {"Ref":"K"}' in str(
        info.value
    )


def test_circular_structures_and_constructs_are_rejected(stack: Stack) -> None:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    with pytest.raises(
        ResolutionError, match=r"Unable to resolve object tree with circular reference\. Path: /self"
    ):
        stack.resolve(loop)
    with pytest.raises(ResolutionError, match="Trying to resolve\\(\\) a Construct at /a/b"):
        stack.resolve({"a": {"b": Construct(stack, "C")}})


def test_post_processors_see_the_resolved_value(stack: Stack) -> None:
    class Sorter(IPostProcessor):
        def post_process(self, value: Any, context: IResolveContext) -> Any:
            return sorted(value)

    class Unsorted(IResolvable):
        def resolve(self, context: IResolveContext) -> Any:
            context.register_post_processor(Sorter())
            return ["b", "c", "a"]

    assert stack.resolve({"x": Unsorted()}) == {"x": ["a", "b", "c"]}


def test_references_render_ref_and_getatt_with_logical_ids(stack: Stack) -> None:
    res = CfnResource(Construct(stack, "Queue"), "Resource", type="AWS::SQS::Queue")
    assert stack.resolve(res.ref) == {"Ref": "Queue4A7E3555"}
    assert stack.resolve(res.get_att("Arn")) == {"Fn::GetAtt": ["Queue4A7E3555", "Arn"]}
    assert stack.resolve(f"{res.get_att('Arn')}/x") == {
        "Fn::Join": ["", [{"Fn::GetAtt": ["Queue4A7E3555", "Arn"]}, "/x"]]
    }


def test_reverse_and_split_string() -> None:
    token = Intrinsic({"Ref": "X"})
    text = Token.as_string(token)
    assert Tokenization.reverse_string(text) is token
    assert Tokenization.reverse_string("plain") is None
    fragments = Tokenization.split_string(f"a{text}b")
    assert fragments.length == 3 and fragments.tokens == [token]


def test_lazy_producer_with_default_arguments_gets_no_context(stack: Stack) -> None:
    values = [Lazy.string(lambda i=i: f"t{i}") for i in range(2)]
    assert stack.resolve(values) == ["t0", "t1"]


def test_tokens_with_slots_can_be_encoded() -> None:
    class Slotted(IResolvable):
        __slots__ = ("value",)

        def __init__(self, value: str):
            self.value = value

        def resolve(self, context: object) -> str:
            return self.value

    token = Slotted("v")
    marker = Token.as_string(token)
    assert Token.as_string(token) == marker
    assert Token.as_list(token) == Token.as_list(token)
    assert Token.as_number(token) == Token.as_number(token)
    stack = Stack(App(), "S")
    assert stack.resolve(f"a{marker}b") == "avb"


_parts = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False) | st.sampled_from(["", "a", "b:"])
    | st.just({"Ref": "X"}),
    lambda inner: st.lists(inner, max_size=3).map(lambda items: {"Fn::Join": ["", items]})
    | st.lists(inner, max_size=2).map(lambda items: {"Fn::Join": [",", items]}),
    max_leaves=6)


@settings(max_examples=500, deadline=None)
@given(values=st.lists(_parts, min_size=2, max_size=6))
def test_one_pass_fold_equals_pairwise_concatenation(values: list[Any]) -> None:
    expected = values[0]
    for value in values[1:]:
        expected = cfn_concat(expected, value)
    assert cfn_fold(values) == expected

"""Benchmark app: RULES rules (default 2), each with a LambdaFunction target on one function per stack
(200 rules a stack: each rule also gets a Lambda permission)."""

import os

from cdk_events import EventPattern, Rule
from cdk_events.aws import lambda_
from cdk_events.core import App, Stack
from cdk_events.targets import LambdaFunction

N = int(os.environ.get("RULES", "2"))
PER_STACK = 200
app = App()
for s in range((N + PER_STACK - 1) // PER_STACK):
    stack = Stack(app, f"Bench{s}")
    fn = lambda_.Function(
        stack,
        "Handler",
        runtime=lambda_.Runtime.PYTHON_3_12,
        handler="index.handler",
        code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
    )
    for i in range(s * PER_STACK, min(N, (s + 1) * PER_STACK)):
        Rule(
            stack,
            f"Rule{i}",
            event_pattern=EventPattern(source=[f"com.example.service{i % 20}"], detail_type=["OrderCreated"]),
            targets=[LambdaFunction(fn)],
        )
app.synth()

import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs

app = cdk.App()
s = cdk.Stack(app, "Maps", env={"account": "111111111111", "region": "eu-west-1"})
other = cdk.Stack(app, "Other", env={"account": "111111111111", "region": "eu-west-1"})
m = cdk.CfnMapping(s, "Sizes", mapping={"small": {"Retention": "60"}, "big": {"Retention": "600"}})
lazy = cdk.CfnMapping(s, "Lazy", mapping={"a": {"B": "lazyvalue"}}, lazy=True)
unused = cdk.CfnMapping(s, "Unused", mapping={"x": {"Y": "1"}})
env = cdk.CfnParameter(s, "Size", default="small")
sqs.CfnQueue(s, "Q1", queue_name=m.find_in_map("small", "Retention"))
sqs.CfnQueue(s, "Q2", queue_name=m.find_in_map(env.value_as_string, "Retention"))
sqs.CfnQueue(s, "Q3", queue_name=m.find_in_map("nothere", "Retention", "dflt"))
sqs.CfnQueue(s, "Q4", queue_name=lazy.find_in_map("a", "B"))
sqs.CfnQueue(s, "Q5", queue_name=cdk.Fn.find_in_map("Sizes", "big", "Retention", "zz"))
sqs.CfnQueue(other, "Q6", queue_name=m.find_in_map("big", "Retention"))
o = cdk.CfnOutput(s, "Out", value="x")
c = cdk.CfnCondition(s, "C", expression=cdk.Fn.condition_equals("a", "b"))
o.node.condition = c
o.condition = c
app.synth()

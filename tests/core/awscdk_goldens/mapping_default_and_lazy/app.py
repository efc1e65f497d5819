import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs

app = cdk.App()
s = cdk.Stack(app, "One")
m = cdk.CfnMapping(s, "Sizes", mapping={"small": {"Retention": "60"}})
sqs.CfnQueue(s, "Q3", queue_name=m.find_in_map("nothere", "Retention", "dflt"))
t = cdk.Stack(app, "Lazy")
lz = cdk.CfnMapping(t, "L", mapping={"a": {"B": "v"}}, lazy=True)
p = cdk.CfnParameter(t, "P")
sqs.CfnQueue(t, "Q", queue_name=lz.find_in_map(p.value_as_string, "B"))
sqs.CfnQueue(t, "Q2", queue_name=lz.find_in_map("a", "B"))
app.synth()

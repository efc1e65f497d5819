"""The event graph as text: Mermaid (GitHub renders it), Graphviz DOT, and SVG or an HTML page through
Graphviz's `dot` (the layout is always the renderer's, never ours)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

from ._errors import CommandFailed
from ._graph import Graph, Node

_MERMAID_SHAPES = {"bus": ('(["', '"])'), "rule": ('["', '"]'), "target": ('[/"', '"/]'),
                   "dlq": ('[("', '")]'), "external": ('{{"', '"}}')}
_MERMAID_ARROWS = {"event": "-->", "target": "-->", "dlq": "-.->", "hop": "==>"}
_DOT_SHAPES = {"bus": 'shape=oval, style=filled, fillcolor="#fde9c4"',
               "rule": 'shape=box, style="rounded,filled", fillcolor="#dbe8fb"',
               "target": 'shape=box, style=filled, fillcolor="#e3f4df"',
               "dlq": 'shape=cylinder, style=filled, fillcolor="#f8d7d7"',
               "external": 'shape=box, style=dashed'}
_DOT_EDGES = {"event": "", "target": "", "dlq": "style=dashed", "hop": 'penwidth=2.5, color="#c0392b"'}


def _mermaid_text(text: str) -> str:
    return html.escape(text, quote=False).replace('"', "#quot;").replace("\n", "<br/>")


def to_mermaid(graph: Graph) -> str:
    """A Mermaid flowchart: one subgraph per stack."""
    lines = ["flowchart LR"]

    def node_line(node: Node, indent: str) -> str:
        opening, closing = _MERMAID_SHAPES[node.kind]
        return f"{indent}{node.id}{opening}{_mermaid_text(node.label)}{closing}"

    for cluster in graph.clusters:
        members = [n for n in graph.nodes.values() if n.cluster == cluster.id]
        if not members:
            continue
        lines.append(f'  subgraph {cluster.id}["{_mermaid_text(cluster.label)}"]')
        lines.extend(node_line(n, "    ") for n in members)
        lines.append("  end")
    lines.extend(node_line(n, "  ") for n in graph.nodes.values() if n.cluster is None)
    for edge in graph.edges:
        arrow = _MERMAID_ARROWS[edge.style]
        label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"  {edge.source} {arrow}{label} {edge.target}")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: Graph) -> str:
    """A Graphviz digraph: one cluster per stack."""
    lines = ["digraph events {", "  rankdir=LR;", '  fontname="Helvetica";',
             '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];']

    def node_line(node: Node, indent: str) -> str:
        return f"{indent}{node.id} [label={_dot_text(node.label)}, {_DOT_SHAPES[node.kind]}];"

    for cluster in graph.clusters:
        members = [n for n in graph.nodes.values() if n.cluster == cluster.id]
        if not members:
            continue
        lines.append(f"  subgraph cluster_{cluster.id} {{")
        lines.append(f"    label={_dot_text(cluster.label)};")
        lines.extend(node_line(n, "    ") for n in members)
        lines.append("  }")
    lines.extend(node_line(n, "  ") for n in graph.nodes.values() if n.cluster is None)
    for edge in graph.edges:
        attributes = [a for a in (f"label={_dot_text(edge.label)}" if edge.label else "", _DOT_EDGES[edge.style]) if a]
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"  {edge.source} -> {edge.target}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_svg(graph: Graph) -> str:
    """The DOT graph laid out by Graphviz's `dot` as SVG."""
    dot = shutil.which("dot")
    if dot is None:
        raise CommandFailed("--format svg and html need Graphviz's `dot`, which is not installed (apt-get install "
                            "graphviz, brew install graphviz); --format mermaid and dot need nothing")
    result = subprocess.run([dot, "-Tsvg"], input=to_dot(graph), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise CommandFailed(f"dot -Tsvg failed: {' '.join(result.stderr.split())}")
    return result.stdout


def to_html(graph: Graph) -> str:
    """A standalone HTML page holding the SVG drawing."""
    svg = to_svg(graph)
    svg = svg[svg.find("<svg"):] if "<svg" in svg else svg
    svg = re.sub(r"<!--.*?-->\n?", "", svg, flags=re.S)
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>cdk-events graph</title>\n"
            "</head>\n<body>\n" + svg + "</body>\n</html>\n")


def render(graph: Graph, fmt: str) -> str:
    """The graph in format `fmt`: mermaid, dot, svg or html."""
    return {"mermaid": to_mermaid, "dot": to_dot, "svg": to_svg, "html": to_html}[fmt](graph)

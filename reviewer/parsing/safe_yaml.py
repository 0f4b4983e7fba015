"""YAML from people we do not trust: size-limited, with alias expansion bounded.

``yaml.safe_load`` refuses ``!!python/object`` but happily builds a "billion laughs" document:
about 700 bytes of nested anchors and aliases become a graph that any later walk (pydantic, the
JSON report, ``yaml.safe_dump``) expands to billions of nodes. Here the composed graph is
measured *as if expanded* (memoised, so in time linear in the text) before anything is built, and
a document whose expansion exceeds a small node budget — or whose aliases refer to themselves —
is refused with one clear line. Ordinary anchors (``<<: *defaults``) stay usable.
"""

from __future__ import annotations

from typing import Any

import yaml

from reviewer.errors import InputError

# A brief or a guideline's YAML header is a few hundred nodes; 20,000 leaves room for big
# keyword lists and is still nothing to expand.
MAX_EXPANDED_NODES = 20_000

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[assignment]


class YamlBombError(ValueError):
    """The YAML would expand beyond ``MAX_EXPANDED_NODES`` or refers to itself."""


def expanded_size(root: yaml.Node, limit: int = MAX_EXPANDED_NODES) -> int:
    """Number of nodes ``root`` stands for once every alias is expanded (stops past ``limit``).

    Raises YamlBombError when the count passes ``limit`` or an alias points into its own anchor
    (a recursive structure no JSON report can hold).
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    # iterative post-order walk: deep nesting must not hit Python's recursion limit
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            total = 1 + sum(sizes[id(child)] for child in _children(node))
            open_nodes.discard(key)
            if total > limit:
                raise YamlBombError(f"expand to more than {limit:,} values")
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise YamlBombError("an alias refers to the node that contains it")
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load_yaml(text: str, origin: str, *, what: str = "YAML", max_bytes: int | None = None) -> Any:
    """``yaml.safe_load`` with a size limit and bounded aliases; problems become InputError.

    ``what`` names the thing in messages ("front matter", "brief"); YAML syntax errors keep
    propagating as ``yaml.YAMLError`` so callers can point at the line in their own words.
    """
    if max_bytes is not None and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InputError(f"{origin}: {what} is larger than {max_bytes // 1024} KiB")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            expanded_size(node)
        except YamlBombError as exc:
            raise InputError(f"{origin}: {what} refused: its YAML aliases {exc}") from None
        return loader.construct_document(node)
    finally:
        loader.dispose()

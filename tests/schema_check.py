"""A JSON Schema validator just big enough for the schemas treatydiff ships (``treatydiff/schema/*.json``), shared
by the tests of the JSON outputs. No dependency: the keywords below are all the shipped schemas use."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

_TYPES: dict[str, Any] = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
    "integer": int, "number": (int, float),
}


def load_schema(name: str) -> dict[str, Any]:
    """The shipped schema ``treatydiff/schema/NAME.schema.json`` ("compare", "history")."""
    text = resources.files("treatydiff").joinpath(f"schema/{name}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def violations(value: Any, rule: dict[str, Any], root: dict[str, Any], where: str = "$") -> list[str]:
    """Where ``value`` breaks ``rule``: the keywords the shipped schemas use (type, const, enum, required,
    properties, additionalProperties, items, prefixItems, min/maxItems, minimum, maximum, anyOf, local $ref)."""
    if "$ref" in rule:
        target: Any = root
        for part in rule["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return violations(value, target, root, where)
    if "anyOf" in rule and all(violations(value, option, root, where) for option in rule["anyOf"]):
        return [f"{where}: {value!r} matches none of anyOf"]
    found: list[str] = []
    if "type" in rule:
        names = rule["type"] if isinstance(rule["type"], list) else [rule["type"]]
        ok = any(isinstance(value, _TYPES[n]) and not (n in ("integer", "number") and isinstance(value, bool))
                 for n in names)
        if not ok:
            return [f"{where}: {value!r} is not {rule['type']}"]
    if "const" in rule and value != rule["const"]:
        found.append(f"{where}: {value!r} is not {rule['const']!r}")
    if "enum" in rule and value not in rule["enum"]:
        found.append(f"{where}: {value!r} not one of {rule['enum']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in rule and value < rule["minimum"]:
            found.append(f"{where}: {value} < {rule['minimum']}")
        if "maximum" in rule and value > rule["maximum"]:
            found.append(f"{where}: {value} > {rule['maximum']}")
    if isinstance(value, dict):
        found += [f"{where}: missing {key!r}" for key in rule.get("required", ()) if key not in value]
        properties = rule.get("properties", {})
        for key, item in value.items():
            if key in properties:
                found += violations(item, properties[key], root, f"{where}.{key}")
            elif isinstance(rule.get("additionalProperties"), dict):
                found += violations(item, rule["additionalProperties"], root, f"{where}.{key}")
    if isinstance(value, list):
        if len(value) < rule.get("minItems", 0) or len(value) > rule.get("maxItems", len(value)):
            found.append(f"{where}: {len(value)} items")
        prefix = rule.get("prefixItems", [])
        for k, item in enumerate(value):
            if k < len(prefix):
                found += violations(item, prefix[k], root, f"{where}[{k}]")
            elif "items" in rule:
                found += violations(item, rule["items"], root, f"{where}[{k}]")
    return found


def schema_violations(document: Any, name: str) -> list[str]:
    """Where ``document`` breaks the shipped schema ``name``."""
    root = load_schema(name)
    return violations(document, root, root)

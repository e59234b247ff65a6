"""Scenario variables as JSON Schema, and validation that names every bad field at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import VariableError
from ..scenarios import _ORDER_ID, MAX_ITEMS, MAX_TEXT_LENGTH, Scenario, Variable, validate_variables

_TEXT = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_LENGTH}
_TYPES: dict[str, dict[str, Any]] = {
    "text": _TEXT,
    "order_id": {"type": "string", "pattern": f"^{_ORDER_ID.pattern}$"},
    "date": {"type": "string", "format": "date"},
    "money": {"type": "object", "required": ["amount", "currency"], "additionalProperties": False,
              "properties": {"amount": {"type": ["string", "number"], "description": "decimal, >= 0"},
                             "currency": {"type": "string", "pattern": "^[A-Z]{3}$"}}},
    "url": {"type": "string", "format": "uri", "pattern": "^https://"},
    "items": {"type": "array", "minItems": 1, "maxItems": MAX_ITEMS,
              "items": {"type": "object", "required": ["title", "quantity"], "additionalProperties": False,
                        "properties": {"title": _TEXT, "quantity": {"type": "integer", "minimum": 1}}}},
    "integer": {"type": "integer", "minimum": 0},
}


def variable_schema(var: Variable) -> dict[str, Any]:
    """One variable as a JSON Schema fragment (``x-replykit-type`` keeps replykit's type name)."""
    schema = {"enum": list(var.choices)} if var.type == "enum" else dict(_TYPES[var.type])
    schema["x-replykit-type"] = var.type
    if var.description:
        schema["description"] = var.description
    return schema


def variables_schema(scenario: Scenario) -> dict[str, Any]:
    """The ticket variables of a scenario as a JSON Schema object."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "additionalProperties": False,
        "required": [name for name, var in scenario.variables.items() if var.required],
        "properties": {name: variable_schema(var) for name, var in scenario.variables.items()},
    }


def variable_errors(scenario: Scenario, values: Any) -> list[VariableError]:
    """Every unknown, missing or ill-typed variable, each judged by the library's own validation."""
    if not isinstance(values, Mapping):
        try:
            validate_variables(scenario.variables, values)
        except VariableError as error:
            return [error]
    errors = []
    for name in values:
        if name not in scenario.variables:
            try:
                validate_variables(scenario.variables, {name: values[name]})
            except VariableError as error:
                errors.append(error)
    for name, var in scenario.variables.items():
        try:
            validate_variables({name: var}, {name: values.get(name)})
        except VariableError as error:
            errors.append(error)
    return errors

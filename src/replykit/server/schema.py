"""Validation of a request's variables that names every bad field at once (the JSON Schema of a
scenario's variables is the library's: ``Scenario.json_schema``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import VariableError
from ..scenarios import Scenario, validate_variables


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

"""Scenario model: metadata, typed variable schema and variable validation.

A scenario is one folder under ``templates/`` holding ``scenario.toml`` (metadata and
variable schema), ``subject.txt``, ``body.mjml`` and ``body.txt``. Variables shared by
every scenario (greeting and signature) are declared once in ``templates/_layout/layout.toml``.
Validation turns untrusted JSON values into typed Python values (dates, Money, Items)
and rejects anything missing, ill-typed or undeclared, naming the field.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SourceError, VariableError
from .marketplaces import MARKETPLACES, marketplace
from .values import (MAX_INTEGER, MAX_TEXT_LENGTH, MAX_URL_LENGTH, Item, Money, parse_amount, parse_count,
                     parse_currency, parse_date, parse_text, parse_url, shown)

KINDS = ("reply", "proactive")
TEMPLATE_FILES = ("subject.txt", "body.mjml", "body.txt")
LAYOUT_DIR = "_layout"
MAX_ITEMS = 1000

_ORDER_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{1,38}[A-Za-z0-9])?")


@dataclass(frozen=True, slots=True)
class Variable:
    """One declared ticket variable."""

    name: str
    type: str
    required: bool = True
    description: str = ""
    choices: tuple[str, ...] = ()
    sample: Any = None
    multiline: bool = False  # text: line breaks allowed (a seller's paragraph, not a name)
    signed: bool = False     # money: negative amounts allowed

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "type": self.type, "required": self.required}
        if self.description:
            data["description"] = self.description
        if self.choices:
            data["choices"] = list(self.choices)
        for flag in ("multiline", "signed"):
            if getattr(self, flag):
                data[flag] = True
        data["sample"] = self.sample
        return data


@dataclass(frozen=True, slots=True)
class Scenario:
    """One ticket scenario: what it answers, where it may be sent, what it needs."""

    id: str
    title: str
    kind: str
    reasons: tuple[str, ...]
    marketplaces: tuple[str, ...]
    variables: Mapping[str, Variable]
    description: str = ""
    directory: Path | None = field(default=None, compare=False)

    def samples(self, marketplace: str | None = None) -> dict[str, Any]:
        """The scenario's realistic sample values (raw JSON-shaped) for a marketplace.

        A URL sample may be a table by marketplace (a link to the marketplace's own page);
        without a marketplace, the scenario's first permitted one is used.
        """
        target = marketplace or self.marketplaces[0]
        values = {}
        for name, var in self.variables.items():
            sample = var.sample
            if isinstance(sample, Mapping) and var.type == "url":
                sample = sample.get(target)
            if sample is not None:
                values[name] = sample
        return values

    def reply_within_hours(self) -> dict[str, float]:
        """Hours each permitted marketplace gives to answer the buyer (empty: nobody is waiting)."""
        if self.kind != "reply":
            return {}
        return {name: marketplace(name).response_hours["reply"] for name in self.marketplaces}

    def validate(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Check ``values`` against the schema and return them converted to typed values."""
        return validate_variables(self.variables, values)

    def json_schema(self) -> dict[str, Any]:
        """The ticket variables as a JSON Schema (draft 2020-12) object, for integrations (the pack's
        manifest, ``GET /v1/scenarios/{id}``); ``x-replykit-type`` keeps replykit's type name."""
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {name: _property_schema(var) for name, var in self.variables.items()},
            "required": [name for name, var in self.variables.items() if var.required],
            "additionalProperties": False,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "description": self.description,
            "reasons": list(self.reasons),
            "marketplaces": list(self.marketplaces),
            "variables": [var.to_dict() for var in self.variables.values()],
        }


# --- variable types -------------------------------------------------------------------------
# Each converter takes an untrusted JSON value and raises ValueError with the reason; the rules
# themselves live in values.py.

def _text(value: Any, var: Variable) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {_json_type(value)}")
    return parse_text(value, multiline=var.multiline)


def _order_id(value: Any, var: Variable) -> str:
    if not isinstance(value, str) or not _ORDER_ID.fullmatch(value):
        raise ValueError(f"expected an order id like 123-4567890-1234567, got {shown(value)}")
    return value


def _date(value: Any, var: Variable) -> dt.date:
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date YYYY-MM-DD, got {_json_type(value)}")
    return parse_date(value)


def _money(value: Any, var: Variable) -> Money:
    if not isinstance(value, Mapping) or set(value) != {"amount", "currency"}:
        raise ValueError('expected {"amount": "12.50", "currency": "EUR"}')
    try:
        amount = parse_amount(value["amount"], signed=var.signed)
    except ValueError as error:
        raise ValueError(f"amount: {error}") from None
    try:
        currency = parse_currency(value["currency"])
    except ValueError as error:
        raise ValueError(f"currency: {error}") from None
    return Money(amount, currency)


def _url(value: Any, var: Variable) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected an https URL, got {_json_type(value)}")
    return parse_url(value)


def _items(value: Any, var: Variable) -> list[Item]:
    if not isinstance(value, list) or not value:
        raise ValueError('expected a non-empty list of {"title": ..., "quantity": ...}')
    if len(value) > MAX_ITEMS:
        raise ValueError(f"more than {MAX_ITEMS} items")
    items = []
    for index, entry in enumerate(value):
        if not isinstance(entry, Mapping) or set(entry) != {"title", "quantity"}:
            raise ValueError(f'[{index}]: expected {{"title": ..., "quantity": ...}}')
        try:
            quantity = parse_count(entry["quantity"], minimum=1)
        except ValueError as error:
            raise ValueError(f"[{index}].quantity: {error}") from None
        try:
            title = _text(entry["title"], var)
        except ValueError as error:
            raise ValueError(f"[{index}].title: {error}") from None
        items.append(Item(title, quantity))
    return items


def _enum(value: Any, var: Variable) -> str:
    if not isinstance(value, str) or value not in var.choices:
        raise ValueError(f"expected one of {', '.join(var.choices)}, got {shown(value)}")
    return value


def _integer(value: Any, var: Variable) -> int:
    return parse_count(value)


_TEXT_SCHEMA = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_LENGTH}

#: JSON Schema of each variable type (what the validators above accept).
_JSON_SCHEMAS: dict[str, Callable[[Variable], dict[str, Any]]] = {
    "text": lambda var: dict(_TEXT_SCHEMA),
    "order_id": lambda var: {"type": "string", "pattern": f"^{_ORDER_ID.pattern}$"},
    "date": lambda var: {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    "money": lambda var: {"type": "object", "required": ["amount", "currency"], "additionalProperties": False,
                          "properties": {"amount": {"type": ["string", "number"],
                                                    "pattern": f"^{'-?' if var.signed else ''}[0-9]{{1,12}}(\\.[0-9]{{1,4}})?$"},
                                         "currency": {"type": "string", "pattern": "^[A-Z]{3}$"}}},
    "url": lambda var: {"type": "string", "format": "uri", "pattern": "^https://", "maxLength": MAX_URL_LENGTH},
    "items": lambda var: {"type": "array", "minItems": 1, "maxItems": MAX_ITEMS,
                          "items": {"type": "object", "required": ["title", "quantity"], "additionalProperties": False,
                                    "properties": {"title": dict(_TEXT_SCHEMA),
                                                   "quantity": {"type": "integer", "minimum": 1,
                                                                "maximum": MAX_INTEGER}}}},
    "enum": lambda var: {"type": "string", "enum": list(var.choices)},
    "integer": lambda var: {"type": "integer", "minimum": 0, "maximum": MAX_INTEGER},
}


def _property_schema(var: Variable) -> dict[str, Any]:
    schema = _JSON_SCHEMAS[var.type](var)
    schema["x-replykit-type"] = var.type
    if var.description:
        schema["description"] = var.description
    return schema


VARIABLE_TYPES: dict[str, Callable[[Any, Variable], Any]] = {
    "text": _text,
    "order_id": _order_id,
    "date": _date,
    "money": _money,
    "url": _url,
    "items": _items,
    "enum": _enum,
    "integer": _integer,
}


def _json_type(value: Any) -> str:
    return {bool: "boolean", int: "number", float: "number", str: "text", list: "list",
            dict: "object", type(None): "null"}.get(type(value), type(value).__name__)


def validate_variables(schema: Mapping[str, Variable], values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate untrusted ``values`` against ``schema``; return typed values.

    Raises :class:`VariableError` naming the first unknown, missing or ill-typed field.
    Optional variables that are absent (or null) are passed to templates as ``None``.
    """
    if not isinstance(values, Mapping):
        raise VariableError("(variables)", f"expected an object, got {_json_type(values)}")
    for name in values:
        if name not in schema:
            raise VariableError(str(name), f"not a variable of this scenario (known: {', '.join(schema)})")
    typed: dict[str, Any] = {}
    for name, var in schema.items():
        value = values.get(name)
        if value is None:
            if var.required:
                raise VariableError(name, f"required ({var.type}) but missing")
            typed[name] = None
            continue
        try:
            typed[name] = VARIABLE_TYPES[var.type](value, var)
        except ValueError as error:
            raise VariableError(name, str(error)) from None
    return typed


# --- loading --------------------------------------------------------------------------------

def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file of the project; anything unreadable is a one-line SourceError naming it."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise SourceError(path, "file is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise SourceError(path, f"not valid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise SourceError(path, f"not UTF-8: byte {error.start + 1} cannot be decoded") from None
    except RecursionError:
        raise SourceError(path, "not usable: arrays or tables nested too deeply") from None


def _parse_variables(path: Path, table: Any) -> dict[str, Variable]:
    if not isinstance(table, Mapping):
        raise SourceError(path, "[variables] must be a table of variable tables")
    variables = {}
    for name, spec in table.items():
        where = f"variables.{name}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise SourceError(path, f"{where}: variable names are lower_snake_case")
        if not isinstance(spec, Mapping):
            raise SourceError(path, f"{where}: expected a table")
        unknown = set(spec) - {"type", "required", "description", "choices", "sample", "multiline", "signed"}
        if unknown:
            raise SourceError(path, f"{where}: unknown keys {sorted(unknown)}")
        kind = spec.get("type")
        if kind not in VARIABLE_TYPES:
            raise SourceError(path, f"{where}.type: expected one of {', '.join(VARIABLE_TYPES)}, got {kind!r}")
        choices = tuple(spec.get("choices", ()))
        if (kind == "enum") != bool(choices):
            raise SourceError(path, f"{where}.choices: required for enum variables and only for them")
        for flag, kinds in (("multiline", ("text", "items")), ("signed", ("money",))):
            if flag in spec and (kind not in kinds or not isinstance(spec[flag], bool)):
                raise SourceError(path, f"{where}.{flag}: a true/false setting of {' and '.join(kinds)} variables")
        var = Variable(name, kind, bool(spec.get("required", True)), str(spec.get("description", "")),
                       choices, spec.get("sample"), bool(spec.get("multiline")), bool(spec.get("signed")))
        if var.sample is None and var.required:
            raise SourceError(path, f"{where}.sample: required variables need a realistic sample value")
        per_marketplace = kind == "url" and isinstance(var.sample, Mapping)
        samples = var.sample.items() if per_marketplace else [("", var.sample)]
        for key, sample in samples:
            if per_marketplace and key not in MARKETPLACES:
                raise SourceError(path, f"{where}.sample.{key}: not a marketplace ({', '.join(MARKETPLACES)})")
            if sample is None:
                continue
            try:
                VARIABLE_TYPES[kind](sample, var)
            except ValueError as error:
                raise SourceError(path, f"{where}.sample{'.' + key if key else ''}: {error}") from None
        variables[name] = var
    return variables


def load_layout_variables(templates_dir: Path) -> dict[str, Variable]:
    """Variables every scenario gets from the shared layout (greeting, signature)."""
    path = templates_dir / LAYOUT_DIR / "layout.toml"
    return _parse_variables(path, read_toml(path).get("variables", {}))


def load_scenario(directory: Path, layout_variables: Mapping[str, Variable]) -> Scenario:
    """Read and validate one scenario folder."""
    path = directory / "scenario.toml"
    data = read_toml(path)
    scenario_id = data.get("id")
    if scenario_id != directory.name:
        raise SourceError(path, f"id must equal the folder name {directory.name!r}, got {scenario_id!r}")
    if data.get("kind") not in KINDS:
        raise SourceError(path, f"kind: expected one of {', '.join(KINDS)}, got {data.get('kind')!r}")
    marketplaces = tuple(data.get("marketplaces", ()))
    bad = [m for m in marketplaces if m not in MARKETPLACES]
    if bad or not marketplaces:
        raise SourceError(path, f"marketplaces: expected some of {', '.join(MARKETPLACES)}, got {list(marketplaces)}")
    for name in TEMPLATE_FILES:
        if not (directory / name).is_file():
            raise SourceError(directory / name, "template file is missing")
    own = _parse_variables(path, data.get("variables", {}))
    clash = set(own) & set(layout_variables)
    if clash:
        raise SourceError(path, f"variables {sorted(clash)} are already declared by the layout")
    return Scenario(
        id=scenario_id,
        title=str(data.get("title", scenario_id)),
        kind=data["kind"],
        reasons=tuple(data.get("reasons", ())),
        marketplaces=marketplaces,
        variables={**layout_variables, **own},
        description=str(data.get("description", "")),
        directory=directory,
    )


def load_scenarios(templates_dir: Path) -> dict[str, Scenario]:
    """Every scenario under ``templates_dir``, keyed and sorted by id."""
    layout = load_layout_variables(templates_dir)
    folders = sorted(p for p in templates_dir.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    return {folder.name: load_scenario(folder, layout) for folder in folders}


def scenario_from_dict(data: Mapping[str, Any]) -> Scenario:
    """Rebuild a scenario from :meth:`Scenario.to_dict` output (as stored in a pack)."""
    variables = {
        v["name"]: Variable(v["name"], v["type"], v["required"], v.get("description", ""),
                            tuple(v.get("choices", ())), v.get("sample"), bool(v.get("multiline")),
                            bool(v.get("signed")))
        for v in data["variables"]
    }
    return Scenario(data["id"], data["title"], data["kind"], tuple(data["reasons"]),
                    tuple(data["marketplaces"]), variables, data.get("description", ""))

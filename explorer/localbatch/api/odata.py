"""OData query options as Azure Batch accepts them: `$filter`, `$select`, `maxresults`.

Everything here is pure: a filter text is compiled once into a predicate over a
resource dict in Batch wire shape (camelCase keys, nested objects, times as ISO 8601
strings), so a list handler can run it over thousands of rows cheaply.

Choices where the Batch service leaves room (documented so the UI can rely on them):

- String comparisons (`eq`, `ne`, ordering, `startswith`, `endswith`, `contains`,
  `substringof`) ignore case. Batch states are lower camel case ("completed") while
  users type "Completed", and Batch ids are case-insensitive too (two ids differing
  only in case cannot coexist), so one rule serves both.
- A missing property, or a path through a missing/non-object value, reads as `null`.
- Values of types that cannot be compared (a string against a number, a boolean
  against an integer) are simply not equal and not ordered: `eq` and the ordering
  operators are false, `ne` is true. `null eq null` is true; `null` is never ordered.
- A string literal that looks like an ISO 8601 time (`'2025-01-01T00:00:00Z'`), like a
  `datetime'...'` literal, compares as a time against properties holding times; a
  property whose value is not a time is then compared as text with the literal.
  Times without an offset are taken as UTC.
- `not` binds tighter than `and`/`or` but looser than comparisons, so
  `not state eq 'active'` means `not (state eq 'active')`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from explorer.localbatch.wire.clock import parse_iso

__all__ = ["ODataError", "parse_filter", "parse_select", "project", "parse_maxresults"]

MAX_RESULTS = 1000
MAX_NESTING = 50  # parentheses; keeps the recursive parser and compiled predicate shallow
MAX_NUMBER_DIGITS = 30  # in a number literal; Batch compares 32- and 64-bit integers and doubles


class ODataError(ValueError):
    """A query option the server cannot accept; the message is meant for the user.

    `offset` is the 0-based index of the offending character in the option's text
    (None when the problem is not at one place); messages count from 1.
    """

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


# ----------------------------------------------------------------------------- tokens

_COMPARISONS = ("eq", "ne", "gt", "ge", "lt", "le")
_FUNCTIONS = ("startswith", "endswith", "contains", "substringof")
_IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_]*"
_ISO_TIME = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?"

_TOKEN = re.compile(
    rf"""
    (?P<space>\s+)
  | (?P<typed>(?:datetimeoffset|datetime)'[^']*')
  | (?P<string>'(?:[^']|'')*')
  | (?P<time>{_ISO_TIME})(?![\w:.])
  | (?P<number>-?\d+(?:\.\d+)?)(?![\w.])
  | (?P<path>{_IDENTIFIER}(?:/{_IDENTIFIER})*)
  | (?P<open>\()
  | (?P<close>\))
  | (?P<comma>,)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# What people type out of habit from other languages, and what OData wants instead.
_SYMBOL_HINTS = {
    "==": "eq", "=": "eq", "!=": "ne", "<>": "ne", ">=": "ge", "<=": "le",
    ">": "gt", "<": "lt", "&&": "and", "&": "and", "||": "or", "|": "or", "!": "not",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # typed, string, time, number, path, open, close, comma or end
    text: str
    offset: int

    @property
    def word(self) -> str:
        """The token as a case-insensitive keyword ("" unless it is a bare name)."""
        return self.text.lower() if self.kind == "path" else ""


def _tokenize(text: str) -> list[_Token]:
    tokens = []
    offset = 0
    while offset < len(text):
        match = _TOKEN.match(text, offset)
        if match is None:
            raise _unexpected_character(text, offset)
        if match.lastgroup != "space":
            tokens.append(_Token(match.lastgroup, match.group(), offset))
        offset = match.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


def _unexpected_character(text: str, offset: int) -> ODataError:
    where = f"at position {offset + 1}"
    if text[offset] == "'":
        return ODataError(f"unterminated string starting {where}: add the closing quote", offset)
    for symbol, word in _SYMBOL_HINTS.items():
        if text.startswith(symbol, offset):
            return ODataError(f"unknown operator '{symbol}' {where}: OData writes it as '{word}'", offset)
    return ODataError(f"unexpected character '{text[offset]}' {where}", offset)


# -------------------------------------------------------------------------------- AST


@dataclass(frozen=True, slots=True)
class _Literal:
    value: Any


@dataclass(frozen=True, slots=True)
class _TimeText:
    """A string literal that reads as a time: compared as a time where the other side is one."""

    instant: datetime
    text: str


@dataclass(frozen=True, slots=True)
class _Path:
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Call:
    function: str
    arguments: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class _Compare:
    operator: str
    left: Any
    right: Any


@dataclass(frozen=True, slots=True)
class _Logical:
    operator: str  # "and" | "or"
    operands: tuple[Any, ...]  # a flat chain, so long filters do not nest deeply


@dataclass(frozen=True, slots=True)
class _Not:
    operand: Any


# ----------------------------------------------------------------------------- parser


class _Parser:
    """Recursive descent, loosest first: or < and < not < comparison < operand."""

    def __init__(self, text: str) -> None:
        self._tokens = _tokenize(text)
        self._index = 0
        self._depth = 0  # open parentheses around the current token

    @property
    def _current(self) -> _Token:
        return self._tokens[self._index]

    def _advance(self) -> _Token:
        token = self._tokens[self._index]
        self._index += 1
        return token

    def parse(self) -> Any:
        if self._current.kind == "end":
            raise ODataError("the filter is empty", 0)
        node = self._or()
        token = self._current
        if token.kind == "close":
            raise ODataError(
                f"unbalanced parentheses: ')' at position {token.offset + 1} has no matching '('", token.offset
            )
        if token.kind != "end":
            raise ODataError(
                f"unexpected '{token.text}' at position {token.offset + 1}: "
                "expected 'and', 'or' or the end of the filter",
                token.offset,
            )
        return node

    def _or(self) -> Any:
        return self._chain("or", self._and)

    def _and(self) -> Any:
        return self._chain("and", self._not)

    def _chain(self, operator: str, operand: Callable[[], Any]) -> Any:
        operands = [operand()]
        while self._current.word == operator:
            self._advance()
            operands.append(operand())
        return operands[0] if len(operands) == 1 else _Logical(operator, tuple(operands))

    def _not(self) -> Any:
        negations = 0
        while self._current.word == "not":
            self._advance()
            negations += 1
        node = self._comparison()
        return _Not(node) if negations % 2 else node

    def _comparison(self) -> Any:
        left = self._operand()
        token = self._current
        if token.word in _COMPARISONS:
            self._advance()
            return _Compare(token.word, left, self._operand())
        if token.kind == "path" and token.word not in ("and", "or"):
            raise ODataError(
                f"unknown operator '{token.text}' at position {token.offset + 1}: "
                f"expected one of {', '.join(_COMPARISONS)}, and, or",
                token.offset,
            )
        return left

    def _operand(self) -> Any:
        token = self._advance()
        kind = token.kind
        if kind == "open":
            self._enter(token)
            node = self._or()
            self._leave(token)
            return node
        if kind == "string":
            return _string_literal(token.text[1:-1].replace("''", "'"))
        if kind in ("typed", "time"):
            return _Literal(_parse_time_literal(token))
        if kind == "number":
            if len(token.text.lstrip("-").replace(".", "")) > MAX_NUMBER_DIGITS:
                raise ODataError(
                    f"the number at position {token.offset + 1} has more than {MAX_NUMBER_DIGITS} digits", token.offset
                )
            return _Literal(float(token.text) if "." in token.text else int(token.text))
        if kind == "path":
            return self._path_or_call(token)
        if kind == "end":
            previous = self._tokens[self._index - 2].text if self._index > 1 else ""
            raise ODataError(f"the filter ends too early: expected a value after '{previous}'", token.offset)
        raise ODataError(f"unexpected '{token.text}' at position {token.offset + 1}: expected a value", token.offset)

    def _enter(self, open_paren: _Token) -> None:
        self._depth += 1
        if self._depth > MAX_NESTING:
            raise ODataError(
                f"parentheses nest more than {MAX_NESTING} deep at position {open_paren.offset + 1}", open_paren.offset
            )

    def _leave(self, open_paren: _Token) -> None:
        if self._current.kind != "close":
            raise ODataError(
                f"unbalanced parentheses: '(' at position {open_paren.offset + 1} is never closed", open_paren.offset
            )
        self._advance()
        self._depth -= 1

    def _path_or_call(self, token: _Token) -> Any:
        word = token.word
        if self._current.kind == "open":
            if word not in _FUNCTIONS:
                raise ODataError(
                    f"unknown function '{token.text}' at position {token.offset + 1}: "
                    f"supported are {', '.join(_FUNCTIONS)}",
                    token.offset,
                )
            return self._call(token)
        if word in ("true", "false"):
            return _Literal(word == "true")
        if word == "null":
            return _Literal(None)
        if word in _COMPARISONS or word in ("and", "or", "not"):
            raise ODataError(
                f"expected a value at position {token.offset + 1}, found the keyword '{token.text}'", token.offset
            )
        return _Path(tuple(token.text.split("/")))

    def _call(self, name: _Token) -> _Call:
        open_paren = self._advance()
        self._enter(open_paren)
        arguments = [self._or()]
        while self._current.kind == "comma":
            self._advance()
            arguments.append(self._or())
        self._leave(open_paren)
        if len(arguments) != 2:
            raise ODataError(
                f"{name.text}() at position {name.offset + 1} takes 2 arguments, got {len(arguments)}", name.offset
            )
        return _Call(name.word, tuple(arguments))


def _string_literal(text: str) -> _Literal:
    if re.fullmatch(_ISO_TIME, text):
        instant = _parse_time(text)
        if instant is not None:
            return _Literal(_TimeText(instant, text))
    return _Literal(text)


def _parse_time_literal(token: _Token) -> datetime:
    text = token.text[token.text.index("'") + 1 : -1] if token.kind == "typed" else token.text
    instant = _parse_time(text)
    if instant is None:
        raise ODataError(f"'{text}' at position {token.offset + 1} is not a valid time", token.offset)
    return instant


def _parse_time(text: str) -> datetime | None:
    """A time literal or a stored time, None if the text is not one (see clock.parse_iso)."""
    try:
        return parse_iso(text)
    except ValueError:
        return None


# --------------------------------------------------------------------------- compiler

Getter = Callable[[dict], Any]


def parse_filter(text: str) -> Callable[[dict], bool]:
    """Compile a Batch `$filter` into a predicate over resource dicts (see module doc)."""
    return _condition(_Parser(text).parse())


def _condition(node: Any) -> Callable[[dict], bool]:
    """Compile a node that must yield true/false: a bare value counts only if it is `true`."""
    if isinstance(node, _Logical):
        return (_every if node.operator == "and" else _any)(tuple(map(_condition, node.operands)))
    if isinstance(node, _Not):
        operand = _condition(node.operand)
        return lambda doc: not operand(doc)
    if isinstance(node, _Compare):
        return _compile_comparison(node)
    if isinstance(node, _Call):
        return _compile_call(node)
    if isinstance(node, _Literal) and not isinstance(node.value, bool):
        shown = "null" if node.value is None else repr(getattr(node.value, "text", node.value))
        raise ODataError(f"{shown} is a value, not a condition: compare it with eq, ne, gt, ge, lt or le")
    value = _value(node)
    return lambda doc: value(doc) is True


def _every(tests: tuple[Callable[[dict], bool], ...]) -> Callable[[dict], bool]:
    def every(doc: dict) -> bool:
        for test in tests:
            if not test(doc):
                return False
        return True

    return every


def _any(tests: tuple[Callable[[dict], bool], ...]) -> Callable[[dict], bool]:
    def any_(doc: dict) -> bool:
        for test in tests:
            if test(doc):
                return True
        return False

    return any_


def _value(node: Any) -> Getter:
    if isinstance(node, _Literal):
        constant = node.value
        return lambda doc: constant
    if isinstance(node, _Path):
        return _path_getter(node.names)
    return _condition(node)


def _path_getter(names: tuple[str, ...]) -> Getter:
    if len(names) == 1:
        (name,) = names
        return lambda doc: doc.get(name)

    def get(doc: dict) -> Any:
        value: Any = doc
        for name in names:
            if not isinstance(value, dict):
                return None
            value = value.get(name)
        return value

    return get


def _compile_comparison(node: _Compare) -> Callable[[dict], bool]:
    left, right, operator = node.left, node.right, node.operator
    if isinstance(left, _Literal) and not isinstance(right, _Literal):
        left, right, operator = right, left, _MIRRORED[operator]
    get_left, get_right = _value(left), _value(right)
    test = _OPERATOR_TESTS[operator]
    return lambda doc: test(get_left(doc), get_right(doc))


def _compile_call(node: _Call) -> Callable[[dict], bool]:
    function = node.function
    first, second = (_value(argument) for argument in node.arguments)
    if function == "substringof":  # OData v2 order: substringof(needle, haystack)
        first, second = second, first
    test = _TEXT_TESTS[function]

    def call(doc: dict) -> bool:
        haystack, needle = _text(first(doc)), _text(second(doc))
        return haystack is not None and needle is not None and test(haystack.casefold(), needle.casefold())

    return call


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, _TimeText):
        return value.text
    return None


_TEXT_TESTS: dict[str, Callable[[str, str], bool]] = {
    "startswith": str.startswith,
    "endswith": str.endswith,
    "contains": lambda haystack, needle: needle in haystack,
    "substringof": lambda haystack, needle: needle in haystack,
}


# ------------------------------------------------------------------------ comparisons

_MIRRORED = {"eq": "eq", "ne": "ne", "gt": "lt", "ge": "le", "lt": "gt", "le": "ge"}


def _comparable(left: Any, right: Any) -> tuple[Any, Any] | None:
    """Both sides brought to one comparable type, or None if they cannot be compared."""
    if isinstance(right, _TimeText):
        if isinstance(left, str):
            instant = _parse_time(left)
            return (instant, right.instant) if instant else (left.casefold(), right.text.casefold())
        right = right.instant
    if isinstance(right, datetime):
        if isinstance(left, str):
            left = _parse_time(left)
        return (left, right) if isinstance(left, datetime) else None
    if isinstance(left, str):
        return (left.casefold(), right.casefold()) if isinstance(right, str) else None
    if isinstance(left, bool) or isinstance(right, bool):
        return (left, right) if type(left) is type(right) else None
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        return left, right
    return None


def _equal(left: Any, right: Any) -> bool:
    if left is None or right is None:
        return left is right
    pair = _comparable(left, right)
    return pair is not None and pair[0] == pair[1]


def _ordered(check: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def test(left: Any, right: Any) -> bool:
        if left is None or right is None:
            return False
        pair = _comparable(left, right)
        return pair is not None and check(*pair)

    return test


_OPERATOR_TESTS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": _equal,
    "ne": lambda left, right: not _equal(left, right),
    "gt": _ordered(lambda a, b: a > b),
    "ge": _ordered(lambda a, b: a >= b),
    "lt": _ordered(lambda a, b: a < b),
    "le": _ordered(lambda a, b: a <= b),
}


# ------------------------------------------------------------------ $select, maxresults

_SELECT_NAME = re.compile(rf"{_IDENTIFIER}(?:/{_IDENTIFIER})*")


def parse_select(text: str | None) -> tuple[str, ...] | None:
    """The property names of a `$select` list, as written; None when there is no selection."""
    if text is None or not text.strip():
        return None
    names = []
    offset = 0
    for item in text.split(","):
        name = item.strip()
        where = offset + len(item) - len(item.lstrip())
        if not name:
            raise ODataError(f"$select has an empty property name at position {where + 1}", where)
        if not _SELECT_NAME.fullmatch(name):
            raise ODataError(f"$select: '{name}' at position {where + 1} is not a property name", where)
        names.append(name)
        offset += len(item) + 1
    return tuple(names)


def project(doc: dict, select: tuple[str, ...] | None) -> dict:
    """Only the selected top-level properties of `doc` (`a/b` selects `a`).

    Names the resource does not have are left out, as Batch does. OData annotations
    such as `odata.metadata` are always kept.
    """
    if select is None:
        return doc
    wanted = {name.partition("/")[0] for name in select}
    return {key: value for key, value in doc.items() if key in wanted or key.startswith("odata.")}


def pick(doc: dict, names: tuple[str, ...]) -> dict:
    """`project` of a stored document, walking the selection instead of the document (~15 times faster
    for a task): the properties of `picked_names` it has."""
    return {name: doc[name] for name in names if name in doc}


def picked_names(select: tuple[str, ...]) -> tuple[str, ...]:
    """The top-level names `pick` takes for a `$select` (once per list, not per document), never
    Local Batch's own (`_...`)."""
    return tuple(name for name in dict.fromkeys(item.partition("/")[0] for item in select) if not name.startswith("_"))


def parse_maxresults(text: str | int | None) -> int:
    """The `maxresults` query value: 1000 when absent, otherwise a whole number 1..1000."""
    if text is None:
        return MAX_RESULTS
    raw = str(text).strip()
    if raw.isascii() and raw.isdigit() and len(raw) <= 4 and 1 <= int(raw) <= MAX_RESULTS:
        return int(raw)
    raise ODataError(f"maxresults must be a whole number from 1 to {MAX_RESULTS}, got '{str(text)[:20]}'")

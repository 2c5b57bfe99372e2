"""Bounded reading of what clients send: JSON bodies, $skiptoken, number literals, maxresults."""

from __future__ import annotations

import base64
import json

import pytest

from explorer.localbatch.api import odata
from explorer.localbatch.api.http_app import MAX_JSON_DEPTH, _decode_token, parse_json_body
from explorer.localbatch.wire.errors import BatchError


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1),
        b'{"a": ' + b"1" * 21 + b"}",
        b'{"a": ' + b"1" * 5000 + b"}",
        b'{"a": NaN}',
        b'{"a": Infinity}',
        b"\xff\xfe",
        b"{nope",
    ],
)
def test_bodies_beyond_the_bounds_are_400(raw):
    with pytest.raises(BatchError) as error:
        parse_json_body(raw)
    assert (error.value.status, error.value.code) == (400, "InvalidRequestBody")


def test_bodies_within_the_bounds_parse():
    assert parse_json_body(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH) == json.loads("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH)
    assert parse_json_body(b'{"a": -' + b"9" * 20 + b"}") == {"a": -int("9" * 20)}
    assert parse_json_body(b"") == {}


def _token(state: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "token",
    [_token({"o": 0, "f": {"x": 1}}), _token({"o": 0, "s": [1]}), _token({"o": True}), _token({"o": -1}), _token({"o": 0, "m": 0}),
     _token({"o": 10**100}), _token([1]), "!!", base64.urlsafe_b64encode(b"[" * 5000).decode(),
     _token({"o": 0, "k": 5}), _token({"o": 0, "k": "x" * 5000})],
)
def test_a_skiptoken_of_the_wrong_shape_is_400(token):
    with pytest.raises(BatchError) as error:
        _decode_token(token)
    assert error.value.status == 400


def test_a_well_formed_skiptoken_is_read():
    assert _decode_token(_token({"o": 1000, "k": "task-9", "f": "id eq 'a'", "s": "id", "m": 1000})) == {
        "o": 1000, "k": "task-9", "f": "id eq 'a'", "s": "id", "m": 1000}


@pytest.mark.parametrize("text", ["id eq " + "9" * 4400, "id eq " + "1" * 31, "id eq 1." + "0" * 40])
def test_overlong_number_literals_are_refused(text):
    with pytest.raises(odata.ODataError, match="digits"):
        odata.parse_filter(text)


@pytest.mark.parametrize("text", ["9" * 5000, "²", "1001", "0"])
def test_maxresults_outside_1_to_1000_is_refused(text):
    with pytest.raises(odata.ODataError):
        odata.parse_maxresults(text)

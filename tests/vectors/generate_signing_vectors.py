#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate AK/SK (SDK-HMAC-SHA256) signing test vectors with Huawei Cloud's
OFFICIAL Python SDK (package ``huaweicloudsdkcore``) and write them to
``signing.json`` next to this script.

Regenerating (from the repository root; use any directory OUTSIDE the work tree
for the virtualenv, so that it is never committed)::

    SDK_VENV="<a directory outside the repository>"
    python3 -m venv "$SDK_VENV"
    "$SDK_VENV/bin/pip" install 'huaweicloudsdkcore==3.1.219'
    "$SDK_VENV/bin/python" tests/vectors/generate_signing_vectors.py
    python3 tests/vectors/generate_signing_vectors.py --verify

Modes:

* (no flag)   sign every case with the SDK and (re)write signing.json.
              Needs huaweicloudsdkcore importable.  A different SDK version
              is allowed but reported (the file records the version used).
* --verify    needs only the Python standard library (hashlib/hmac).  For every
              vector in signing.json it
                1. recomputes string_to_sign from the recorded canonical_request
                   and the Authorization signature from string_to_sign with
                   HMAC-SHA256(sk), and checks they match the SDK's outputs;
                2. rebuilds the canonical request from the recorded *inputs*
                   (method, host, path, query, headers, body, date) with an
                   independent implementation of the rules written in
                   README.md and checks it equals the SDK's canonical_request
                   (this proves README's spec describes what the SDK does).
              Exits non-zero on any mismatch.
* --check     (needs the SDK) regenerate in memory and compare with the
              committed signing.json instead of writing it.

How the SDK is driven (no re-implementation is involved in generation):

* each case builds a ``huaweicloudsdkcore.sdk_request.SdkRequest`` and signs it
  through ``BasicCredentials.sign_request`` (which is what the SDK's Client
  calls, and which dispatches to ``huaweicloudsdkcore.signer.signer.Signer.sign``
  for the default HMAC-SHA256 algorithm); two "client_*" cases go one level
  higher, through ``Client.build_future_request`` exactly as generated service
  clients do (path-param substitution, query/header/body processing, then
  signing);
* the clock is fixed by replacing the ``datetime`` name inside the SDK's signer
  module with a subclass whose ``utcnow()`` returns the vector's date (the
  signer calls ``datetime.utcnow()`` only when no X-Sdk-Date header is preset);
  one case instead presets the X-Sdk-Date header, which the SDK honours;
* the intermediates (signed headers, canonical request, string to sign) are
  captured by wrapping the signer's own internal helper methods during the very
  same top-level ``sign`` call that produces the Authorization header;
* the headers/query/body recorded as inputs are a snapshot of the request taken
  at the entry of ``Signer.sign`` (so they include X-Project-Id when the
  credentials carry a project id, and what the Client added in client_* cases).
"""

import argparse
import copy
import datetime as _dt
import hashlib
import hmac
import json
import os
import sys
from contextlib import contextmanager

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(HERE, "signing.json")

EXPECTED_SDK_VERSION = "3.1.219"

AK = "HPUAFAKEAKEXAMPLE0000"
SK = "fakeSecretKeyForTests0000000000000000000"
PROJECT = "0123456789abcdef0123456789abcdef"  # fake 32-hex project id
EIP_ID = "5f2b6c1e-3d4a-4b8e-9c7f-1a2b3c4d5e6f"  # fake publicip id
PORT_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"  # fake port id
DEVICE_ID = "c2f4e6a8-1b3d-4f5a-8c7e-9d0b1a2c3e4f"  # fake ECS server id

DATE_MAIN = "2026-11-23T08:09:10Z"
DATE_OTHER = "2027-02-28T23:59:59Z"

HOST = "vpc.cn-north-4.myhuaweicloud.com"


def jdump(obj):
    """Compact UTF-8 JSON, as a Rust client using serde_json would send it."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------
# The cases.  Each is signed with the SDK.  "path" is the resource path handed
# to the SDK (= what goes on the wire); "query" an ordered list of pairs;
# "headers" the caller's headers; "body" a str ("" = no body, passed as None).
# --------------------------------------------------------------------------

CASES = [
    dict(
        name="list_publicips_no_query",
        description="GET list publicips, no query, no caller headers: the SDK signs only host and x-sdk-date.",
        method="GET", scheme="https", host=HOST,
        path="/v1/%s/publicips" % PROJECT, query=[], headers={}, body="",
        date=DATE_MAIN,
    ),
    dict(
        name="list_publicips_json_content_type",
        description="GET list publicips with Content-Type: application/json (what the SDK's Client sends on every request by default).",
        method="GET", scheme="https", host=HOST,
        path="/v1/%s/publicips" % PROJECT, query=[], headers={"Content-Type": "application/json"}, body="",
        date=DATE_MAIN,
    ),
    dict(
        name="list_publicips_query_encoding",
        description="GET with query values needing percent-encoding (space / + = & Chinese ~ *), a repeated key given as id=b then id=a, an empty value, and keys whose sorted order differs from insertion order.",
        method="GET", scheme="https", host=HOST,
        path="/v1/%s/publicips" % PROJECT,
        query=[
            ["name", "my eip/01+x=y&z"],
            ["limit", "20"],
            ["id", "b"],
            ["id", "a"],
            ["marker", ""],
            ["alias", "测试 ~*"],
            ["tag~key*", "~-_.!'()"],
            ["enterprise_project_id", "all_granted_eps"],
        ],
        headers={"Content-Type": "application/json"}, body="",
        date=DATE_MAIN,
    ),
    dict(
        name="query_sort_is_on_raw_strings",
        description="Keys and values are sorted as RAW (unencoded) strings by code point, not by their percent-encoded form: e.g. 'A' < '[k]' < 'a' < 'a b' < 'a+b' < '中', whereas encoded order would put '%5Bk%5D' and '%E4...' first. Repeated keys are ordered by value.",
        method="GET", scheme="https", host=HOST,
        path="/v1/%s/publicips" % PROJECT,
        query=[
            ["b", "1"],
            ["中文", "键"],
            ["a+b", "2"],
            ["a b", "3"],
            ["a", "4"],
            ["[k]", "5"],
            ["A", "6"],
            ["x", "中"],
            ["x", "Z"],
            ["x", "["],
            ["x", "a"],
            ["x", ""],
        ],
        headers={}, body="",
        date=DATE_MAIN,
    ),
    dict(
        name="list_ports_by_device",
        description="GET ports bound to a device (used to find the port to bind an EIP to).",
        method="GET", scheme="https", host=HOST,
        path="/v1/%s/ports" % PROJECT,
        query=[["device_id", DEVICE_ID], ["limit", "10"]],
        headers={"Content-Type": "application/json"}, body="",
        date=DATE_MAIN,
    ),
    dict(
        name="create_publicip_v1_chinese_alias",
        description="POST v1 create publicip (pay-per-use) with Chinese text in the JSON body; body is raw UTF-8 (not \\u-escaped); the hash covers the exact body bytes.",
        method="POST", scheme="https", host=HOST,
        path="/v1/%s/publicips" % PROJECT, query=[],
        headers={"Content-Type": "application/json"},
        body=jdump({
            "publicip": {"type": "5_bgp", "ip_version": 4, "alias": "测试-eip_01"},
            "bandwidth": {"name": "带宽-bw_01", "size": 5, "share_type": "PER", "charge_mode": "traffic"},
        }),
        date=DATE_MAIN,
    ),
    dict(
        name="create_publicip_v2_prepaid",
        description="POST v2.0 create publicip, yearly/monthly (prePaid) with auto-pay.",
        method="POST", scheme="https", host=HOST,
        path="/v2.0/%s/publicips" % PROJECT, query=[],
        headers={"Content-Type": "application/json"},
        body=jdump({
            "publicip": {"type": "5_bgp", "ip_version": 4, "alias": "prepaid-eip"},
            "bandwidth": {"name": "bw-prepaid", "size": 10, "share_type": "PER"},
            "extendParam": {"charge_mode": "prePaid", "period_type": "month", "period_num": 1,
                            "is_auto_renew": False, "is_auto_pay": True},
        }),
        date=DATE_MAIN,
    ),
    dict(
        name="bind_publicip_put",
        description="PUT v1 update publicip: bind to a port.",
        method="PUT", scheme="https", host=HOST,
        path="/v1/%s/publicips/%s" % (PROJECT, EIP_ID), query=[],
        headers={"Content-Type": "application/json"},
        body=jdump({"publicip": {"port_id": PORT_ID}}),
        date=DATE_MAIN,
    ),
    dict(
        name="unbind_publicip_put",
        description="PUT v1 update publicip: unbind (port_id null).",
        method="PUT", scheme="https", host=HOST,
        path="/v1/%s/publicips/%s" % (PROJECT, EIP_ID), query=[],
        headers={"Content-Type": "application/json"},
        body=jdump({"publicip": {"port_id": None}}),
        date=DATE_MAIN,
    ),
    dict(
        name="delete_publicip_other_date",
        description="DELETE v1 publicip, no body, at a second fixed date (SDK clock patched).",
        method="DELETE", scheme="https", host=HOST,
        path="/v1/%s/publicips/%s" % (PROJECT, EIP_ID), query=[],
        headers={"Content-Type": "application/json"}, body="",
        date=DATE_OTHER,
    ),
    dict(
        name="preset_x_sdk_date_header",
        description="Caller presets the date header (lower-case name 'x-sdk-date'); the SDK looks it up case-insensitively, keeps it as given, does not add X-Sdk-Date, and uses its value in string_to_sign.",
        method="DELETE", scheme="https", host=HOST,
        path="/v1/%s/publicips/%s" % (PROJECT, EIP_ID), query=[],
        headers={"x-sdk-date": "20270228T235959Z"}, body="",
        date=DATE_OTHER, preset_date=True,
    ),
    dict(
        name="loopback_https_with_port",
        description="Host with a port: the signed host header is host:port exactly as in the endpoint.",
        method="GET", scheme="https", host="127.0.0.1:8443",
        path="/v1/%s/publicips/%s" % (PROJECT, EIP_ID), query=[],
        headers={"Content-Type": "application/json"}, body="",
        date=DATE_MAIN,
    ),
    dict(
        name="loopback_http_with_port_post",
        description="Plain-http loopback endpoint with a port; the scheme is not part of the signature.",
        method="POST", scheme="http", host="localhost:8080",
        path="/v1/%s/publicips" % PROJECT, query=[],
        headers={"Content-Type": "application/json"},
        body=jdump({"publicip": {"type": "5_bgp"}, "bandwidth": {"name": "bw", "size": 1, "share_type": "PER"}}),
        date=DATE_MAIN,
    ),
    dict(
        name="x_project_id_from_credentials",
        description="BasicCredentials created with a project_id: the SDK adds header X-Project-Id before signing and signs it (x-project-id).",
        method="GET", scheme="https", host=HOST,
        path="/v1/%s/publicips" % PROJECT, query=[["limit", "1"]],
        headers={"Content-Type": "application/json"}, body="",
        date=DATE_MAIN, project_id=PROJECT,
    ),
    dict(
        name="content_type_json_charset",
        description="Content-Type 'application/json;charset=UTF-8' still starts with 'application/json', so the body is hashed normally and the value is signed verbatim.",
        method="POST", scheme="https", host=HOST,
        path="/v1/%s/publicips" % PROJECT, query=[],
        headers={"Content-Type": "application/json;charset=UTF-8"},
        body=jdump({"publicip": {"type": "5_bgp", "alias": "测试-eip_01"},
                    "bandwidth": {"name": "bw", "size": 1, "share_type": "PER"}}),
        date=DATE_MAIN,
    ),
    dict(
        name="content_type_non_json_unsigned_payload",
        description="Content-Type (exact key 'Content-Type') not starting with application/json or application/bson: the SDK adds header X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD, signs it, and uses the literal 'UNSIGNED-PAYLOAD' instead of the body hash.",
        method="POST", scheme="https", host=HOST,
        path="/v1/%s/publicips" % PROJECT, query=[],
        headers={"Content-Type": "text/plain"},
        body="hello 世界",
        date=DATE_MAIN,
    ),
    dict(
        name="header_trim_case_underscore",
        description="Mixed-case header names are lower-cased and sorted; values are trimmed (inner whitespace kept); headers whose NAME contains '_' are not signed (but still sent); an empty-valued header is signed as 'name:'.",
        method="GET", scheme="https", host=HOST,
        path="/v1/%s/publicips" % PROJECT, query=[],
        headers={
            "Content-Type": "application/json",
            "X-Language": "  en-us  ",
            "X-Custom-Spaces": "\ta  b \t",
            "X_Underscore_Header": "not-signed",
            "X-Empty": "",
            "User-Agent": "eipkit-test/0.1",
        },
        body="",
        date=DATE_MAIN,
    ),
    dict(
        name="path_segment_percent_encoded",
        description="Path parameter containing a space and a colon, substituted the way the SDK Client does it (urllib quote(value, safe='')), so the path handed to the signer is already encoded; the canonical URI decodes then re-encodes each segment (same result) and appends '/'.",
        method="GET", scheme="https", host=HOST,
        path_template="/v1/{project_id}/publicips/{publicip_id}",
        path_params={"project_id": PROJECT, "publicip_id": "eip 01:a"},
        query=[], headers={}, body="",
        date=DATE_MAIN,
    ),
    dict(
        name="path_segment_raw_unencoded",
        description="Same request with the path given UNencoded to SdkRequest: the canonical URI is identical (decode-then-encode), while the wire path differs (the SDK leaves resource_path as given; the HTTP library then re-quotes it).",
        method="GET", scheme="https", host=HOST,
        path="/v1/%s/publicips/eip 01:a" % PROJECT,
        query=[], headers={}, body="",
        date=DATE_MAIN,
    ),
    dict(
        name="path_param_with_encoded_slash",
        description="SURPRISE: a path parameter containing '/' is sent as %2F, but the canonical URI percent-DEcodes the whole path before splitting on '/', so the signature covers '/a/b/' (two segments).",
        method="GET", scheme="https", host=HOST,
        path_template="/v1/{project_id}/publicips/{publicip_id}",
        path_params={"project_id": PROJECT, "publicip_id": "a/b"},
        query=[], headers={}, body="",
        date=DATE_MAIN,
    ),
    dict(
        name="path_with_trailing_slash",
        description="A path that already ends with '/' gets no second slash in the canonical URI; the wire path keeps exactly one.",
        method="GET", scheme="https", host=HOST,
        path="/v1/%s/publicips/" % PROJECT,
        query=[], headers={}, body="",
        date=DATE_MAIN,
    ),
    # ---- through the SDK's Client, as a generated service client would ----
    dict(
        name="client_list_publicips",
        description="Through Client.build_future_request like VpcClient.list_publicips: the Client adds User-Agent 'huaweicloud-usdk-python/3.0' and Content-Type 'application/json' (even for GET), BasicCredentials(project_id) adds X-Project-Id and fills {project_id}; a list query value with collection format 'multi' becomes repeated pairs; an int becomes its decimal string.",
        client=True, method="GET", scheme="https", host=HOST,
        path_template="/v1/{project_id}/publicips",
        client_query=[("limit", 10), ("marker", "m 1"), ("id", ["b", "a"])],
        collection_formats={"id": "multi"},
        client_headers={}, client_body=None,
        date=DATE_MAIN, project_id=PROJECT,
    ),
    dict(
        name="client_create_publicip",
        description="Through Client.build_future_request with a dict body: the SDK serialises it with simplejson defaults (ensure_ascii=True, so Chinese becomes \\uXXXX escapes, and ', ' / ': ' separators); the hash covers exactly those bytes.",
        client=True, method="POST", scheme="https", host=HOST,
        path_template="/v1/{project_id}/publicips",
        client_query=[], collection_formats={},
        client_headers={},
        client_body={"publicip": {"type": "5_bgp", "alias": "测试-eip_01"},
                     "bandwidth": {"name": "bw", "size": 5, "share_type": "PER"}},
        date=DATE_MAIN, project_id=PROJECT,
    ),
]


def iso_to_dt(s):
    return _dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------
# Generation (uses the SDK)
# --------------------------------------------------------------------------

def sdk_version():
    try:
        from importlib.metadata import version
        return version("huaweicloudsdkcore")
    except Exception:  # pragma: no cover
        return "unknown"


@contextmanager
def patched_sdk(fixed):
    """Fix the SDK signer's clock and spy on its internal helpers."""
    import huaweicloudsdkcore.signer.signer as sm
    Signer = sm.Signer
    captured = {}

    class FixedDatetime(_dt.datetime):
        @classmethod
        def utcnow(cls):
            captured["clock_used"] = True
            return fixed["now"]

    originals = {name: Signer.__dict__[name] for name in (
        "sign", "_process_signed_headers", "_process_canonical_request",
        "_process_string_to_sign", "_sign_string_to_sign")}

    def sign(self, request):
        captured["input"] = dict(
            method=request.method,
            schema=request.schema,
            host=request.host,
            resource_path=request.resource_path,
            query_params=copy.deepcopy(request.query_params),
            header_params=dict(request.header_params),
            body=request.body,
        )
        return originals["sign"](self, request)

    def signed_headers(cls, request):
        v = originals["_process_signed_headers"].__func__(cls, request)
        captured["signed_headers"] = list(v)
        return v

    def canonical_request(self, request, sh):
        v = originals["_process_canonical_request"](self, request, sh)
        captured["canonical_request"] = v
        return v

    def string_to_sign(self, cr, t):
        v = originals["_process_string_to_sign"](self, cr, t)
        captured["string_to_sign"] = v
        return v

    def sign_sts(self, sts, key):
        v = originals["_sign_string_to_sign"](self, sts, key)
        captured["signature"] = v
        return v

    saved_dt = sm.datetime
    sm.datetime = FixedDatetime
    Signer.sign = sign
    Signer._process_signed_headers = classmethod(signed_headers)
    Signer._process_canonical_request = canonical_request
    Signer._process_string_to_sign = string_to_sign
    Signer._sign_string_to_sign = sign_sts
    try:
        yield captured
    finally:
        sm.datetime = saved_dt
        for name, orig in originals.items():
            setattr(Signer, name, orig)


def _latin1_back_to_utf8(v):
    # after signing the SDK rewrites header values as utf8-bytes-as-latin1 str
    try:
        return v.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return v


def _q_str(v):
    if isinstance(v, bool):
        raise ValueError("bool query values not used in vectors")
    return v if isinstance(v, str) else str(v)


def sign_case(case):
    from urllib.parse import quote
    import requests
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.sdk_request import SdkRequest

    fixed = {"now": iso_to_dt(case["date"])}
    creds = BasicCredentials(AK, SK, case.get("project_id"))

    with patched_sdk(fixed) as cap:
        if case.get("client"):
            from huaweicloudsdkcore.client import Client
            from huaweicloudsdkcore.http.http_config import HttpConfig
            client = Client().with_config(HttpConfig.get_default_config()) \
                .with_credentials(creds) \
                .with_endpoints(["%s://%s" % (case["scheme"], case["host"])])
            client.init_http_client()
            try:
                req = client.build_future_request(
                    case["method"], case["path_template"], {},
                    copy.deepcopy(case["client_query"]), dict(case["client_headers"]),
                    copy.deepcopy(case["client_body"]), None, None, None,
                    dict(case["collection_formats"]), None).result()
            finally:
                client.close()
        else:
            if "path_template" in case:
                # exactly what Client._parse_path_params does
                path = case["path_template"]
                for k, v in case["path_params"].items():
                    path = path.replace("{%s}" % k, quote(str(v), safe=""))
            else:
                path = case["path"]
            headers = dict(case["headers"])
            req = SdkRequest(
                method=case["method"], schema=case["scheme"], host=case["host"],
                resource_path=path,
                query_params=[(k, v) for k, v in case["query"]],
                header_params=headers,
                body=case["body"] if case["body"] != "" else None,
            )
            req = creds.sign_request(req)

    inp = cap["input"]
    body = inp["body"]
    if body is None:
        body_str = ""
    elif isinstance(body, bytes):
        body_str = body.decode("utf-8")
    else:
        body_str = body

    sent_headers = {k: _latin1_back_to_utf8(v) for k, v in req.header_params.items()}
    x_sdk_date = None
    for k, v in sent_headers.items():
        if k.lower() == "x-sdk-date":
            x_sdk_date = v
    expected_date = iso_to_dt(case["date"]).strftime("%Y%m%dT%H%M%SZ")
    if x_sdk_date != expected_date:
        raise SystemExit("%s: SDK used date %r, expected %r" % (case["name"], x_sdk_date, expected_date))
    if case.get("preset_date") and cap.get("clock_used"):
        raise SystemExit("%s: SDK consulted its clock despite a preset X-Sdk-Date" % case["name"])
    if not case.get("preset_date") and not cap.get("clock_used"):
        raise SystemExit("%s: SDK did not use the patched clock" % case["name"])

    url_query = req.uri.split("?", 1)[1] if "?" in req.uri else ""
    wire_url = requests.Request(req.method, req.url).prepare().url

    cr_lines = cap["canonical_request"].split("\n")
    vec = dict(
        name=case["name"],
        description=case["description"],
        method=inp["method"],
        scheme=inp["schema"],
        host=inp["host"],
        path=inp["resource_path"],
        query=[[k, _q_str(v)] for k, v in (inp["query_params"] or [])],
        headers=inp["header_params"],
        body=body_str,
        ak=AK,
        sk=SK,
        date=case["date"],
        date_source="preset_header" if case.get("preset_date") else "sdk_clock",
        x_sdk_date=x_sdk_date,
        signed_headers=";".join(cap["signed_headers"]),
        canonical_request=cap["canonical_request"],
        string_to_sign=cap["string_to_sign"],
        authorization=req.header_params["Authorization"],
        signature=cap["signature"],
        payload_hash=cr_lines[-1],
        url_query=url_query,
        url=req.url,
        wire_url=wire_url,
        sent_headers=sent_headers,
        via="client" if case.get("client") else "signer",
    )
    if "path_template" in case:
        vec["path_template"] = case["path_template"]
        vec["path_params"] = dict(case.get("path_params") or {})
        if case.get("project_id"):
            vec["path_params"].setdefault("project_id", case["project_id"])
    if case.get("project_id"):
        vec["credentials_project_id"] = case["project_id"]
    if case.get("client"):
        vec["client_call"] = dict(
            query_params=[[k, v] for k, v in case["client_query"]],
            collection_formats=case["collection_formats"],
            header_params=case["client_headers"],
            body=case["client_body"],
        )
    return vec


RULES = {
    "algorithm": "SDK-HMAC-SHA256 (huaweicloudsdkcore.signer.signer.Signer, default SigningAlgorithm.HMAC_SHA256)",
    "date": "Header X-Sdk-Date = UTC time formatted %Y%m%dT%H%M%SZ (e.g. 20261123T080910Z). If the request already has an x-sdk-date header (any case) the SDK keeps it and parses it with that format; otherwise it adds 'X-Sdk-Date' from datetime.utcnow(). The same string is line 2 of string_to_sign.",
    "host": "If no header named host (any case) exists, the SDK adds 'Host' = request.host, i.e. the endpoint URL's netloc exactly as configured (host, plus ':port' when the endpoint has one; no default-port normalisation). host is always signed.",
    "content_sha256": "If header 'Content-Type' (this exact key casing) is present and its value does not start with 'application/json' or 'application/bson' (case-sensitive prefix test), the SDK adds header 'X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD' (which is then signed).",
    "signed_headers": "ALL headers present at signing time whose name does not contain '_' are signed (no allow-list): caller headers, Content-Type, User-Agent, X-Project-Id (added by BasicCredentials when it has a project_id), X-Security-Token, Host, X-Sdk-Date, X-Sdk-Content-Sha256. Names are lower-cased and sorted by code point; SignedHeaders = names joined by ';'. Headers with '_' in the name are sent but not signed. Authorization is added after signing (never signed).",
    "canonical_headers": "For each signed header name in order: name + ':' + value + '\\n', value = str(value).strip() (leading/trailing whitespace removed, inner whitespace kept, no lower-casing). Values are UTF-8 in the canonical request. An empty value gives 'name:'.",
    "canonical_uri": "Take the resource path as handed to the signer (the Client has already substituted path params with urllib quote(value, safe='')), percent-DECODE it entirely (urllib unquote, UTF-8), split on '/', percent-encode each segment with RFC 3986 unreserved set A-Z a-z 0-9 - _ . ~ kept and every other UTF-8 byte as %XX with UPPER-case hex, join with '/', and append '/' if the result does not already end with '/'. So '%2F' inside a segment becomes a separator in the canonical URI.",
    "canonical_query": "The query is a list of (key, value) pairs (repeated keys = repeated pairs). Pairs are sorted as Python tuples of the RAW (unencoded) strings: by key, then by value, by Unicode code point (= UTF-8 byte order), NOT by encoded form. Each pair becomes enc(key) + '=' + enc(value) with the same encoding as path segments (space -> %20, '+' -> %2B, '/' -> %2F, '=' -> %3D, '&' -> %26, '*' -> %2A, '~' kept, non-ASCII -> UTF-8 %XX); an empty value gives 'key='; pairs joined with '&'; no query -> empty line. (SDK extras not used by our vectors: a list value is sorted and expanded to repeated pairs; a bool becomes 'true'/'false'; other values go through str().)",
    "wire_query": "After signing the SDK replaces the request URI with resource_path + '?' + canonical query string, i.e. the query sent on the wire is exactly the canonical (sorted, encoded) query string; the path on the wire is the resource path as given (without the canonical trailing '/').",
    "payload_hash": "If the body is empty/None: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 (SHA-256 of empty), even when X-Sdk-Content-Sha256 is set. Otherwise, if a header x-sdk-content-sha256 (any case) exists its value is used verbatim (e.g. UNSIGNED-PAYLOAD); otherwise lower-case hex SHA-256 of the exact body bytes (a str body is UTF-8 encoded).",
    "canonical_request": "METHOD(upper-case) \\n canonical_uri \\n canonical_query \\n canonical_headers (each line ends in \\n, so a blank line follows) \\n signed_headers \\n payload_hash. No trailing newline.",
    "string_to_sign": "'SDK-HMAC-SHA256' \\n X-Sdk-Date value \\n lower-hex SHA-256(UTF-8 canonical_request). No trailing newline.",
    "signature": "lower-hex HMAC-SHA256(key = SK as UTF-8 bytes, message = string_to_sign). No key derivation (unlike AWS SigV4: no date/region/service chain).",
    "authorization": "'SDK-HMAC-SHA256 Access=' + AK + ', SignedHeaders=' + signed_headers + ', Signature=' + signature (comma + space separators).",
    "surprises": [
        "Query pairs are sorted on raw strings, not encoded strings: '[' (0x5B) sorts after 'Z' and non-ASCII after all ASCII; repeated keys are sorted by value.",
        "'~' is never encoded; '*' is encoded as %2A; space as %20 (never '+'); a literal '+' as %2B.",
        "The canonical URI always ends with '/' even though the wire path does not.",
        "The canonical URI is computed from the percent-DECODED path, so an encoded slash (%2F) in a path parameter is signed as a real '/'.",
        "Every header present is signed (except names containing '_'), including User-Agent and Content-Type; host is always signed and added by the SDK if absent.",
        "Content-Type detection for UNSIGNED-PAYLOAD looks up the exact key 'Content-Type' and does a case-sensitive prefix test; a non-JSON type switches the payload hash to the literal 'UNSIGNED-PAYLOAD' (only when the body is non-empty).",
        "Header values are stripped before signing AND the stripped value is what the SDK sends.",
        "The SDK's own Client serialises dict bodies with simplejson defaults (ensure_ascii=True, ', ' and ': ' separators) and sends Content-Type: application/json and User-Agent on every request, including GET; signing covers whatever exact bytes are sent, so a client that sends compact raw-UTF-8 JSON just hashes those bytes.",
    ],
}


def generate():
    ver = sdk_version()
    if ver != EXPECTED_SDK_VERSION:
        print("note: huaweicloudsdkcore %s installed (vectors were designed with %s)"
              % (ver, EXPECTED_SDK_VERSION), file=sys.stderr)
    vectors = [sign_case(c) for c in CASES]
    return {
        "description": "AK/SK request-signing test vectors (SDK-HMAC-SHA256) produced by Huawei Cloud's official Python SDK. Generated by generate_signing_vectors.py; see README.md.",
        "sdk": {"package": "huaweicloudsdkcore", "version": ver},
        "python": "%d.%d.%d" % sys.version_info[:3],
        "credentials_note": "ak/sk are fake placeholders; they are not valid credentials.",
        "rules": RULES,
        "vector_fields": {
            "path": "resource path handed to the SDK signer (path params already percent-encoded as the SDK Client does); this is the path sent on the wire",
            "query": "ordered [key, value] pairs handed to the SDK (before sorting/encoding)",
            "headers": "headers present when Signer.sign was entered (caller headers, plus X-Project-Id from credentials / User-Agent & Content-Type from the Client where noted); Host, X-Sdk-Date, X-Sdk-Content-Sha256 are added by the signer itself",
            "body": "exact request body as a UTF-8 string; '' = no body",
            "date": "the fixed clock (ISO-8601 UTC) given to the SDK",
            "x_sdk_date": "value of the X-Sdk-Date header the SDK sent",
            "signed_headers": "';'-joined SignedHeaders as in the Authorization header",
            "payload_hash": "last line of canonical_request",
            "url_query": "query string exactly as the SDK puts it on the request URI ('' if none)",
            "url": "request URL built by the SDK (scheme://host + uri)",
            "wire_url": "url after the HTTP library (requests) prepares it",
            "sent_headers": "all headers the SDK sends after signing (including Authorization)",
            "via": "'signer' = SdkRequest + BasicCredentials.sign_request; 'client' = Client.build_future_request",
        },
        "vectors": vectors,
    }


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------
# Verification (standard library only; independent of the SDK)
# --------------------------------------------------------------------------

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
_UNRESERVED = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
_HEX = "0123456789ABCDEF"


def pct_encode(s):
    out = []
    for b in s.encode("utf-8"):
        if b in _UNRESERVED:
            out.append(chr(b))
        else:
            out.append("%" + _HEX[b >> 4] + _HEX[b & 15])
    return "".join(out)


def pct_decode(s):
    """Percent-decode like urllib.parse.unquote: every '%XX' (XX = two hex
    digits) becomes byte 0xXX, anything else is kept; the bytes are UTF-8."""
    raw = s.encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(raw):
        pair = raw[i + 1:i + 3]
        if raw[i] == 0x25 and len(pair) == 2 and all(c in b"0123456789abcdefABCDEF" for c in pair):
            out.append(int(pair, 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    return out.decode("utf-8", "replace")


def spec_canonical(v):
    """Rebuild (signed_headers, canonical_request, x_sdk_date) from the inputs
    following README's rules, without the SDK."""
    headers = dict(v["headers"])
    lower = {k.lower() for k in headers}
    ct = headers.get("Content-Type")
    if ct and not ct.startswith("application/json") and not ct.startswith("application/bson"):
        headers["X-Sdk-Content-Sha256"] = "UNSIGNED-PAYLOAD"
    if "x-sdk-date" not in lower:
        headers["X-Sdk-Date"] = iso_to_dt(v["date"]).strftime("%Y%m%dT%H%M%SZ")
    if "host" not in lower:
        headers["Host"] = v["host"]
    x_sdk_date = [val for k, val in headers.items() if k.lower() == "x-sdk-date"][0]

    canon_vals = {k.lower(): val.strip() for k, val in headers.items()}
    signed = sorted({k.lower() for k in headers if "_" not in k})

    segs = pct_decode(v["path"]).split("/")
    uri = "/".join(pct_encode(s) for s in segs)
    if not uri.endswith("/"):
        uri += "/"

    pairs = sorted((k, val) for k, val in v["query"])
    query = "&".join("%s=%s" % (pct_encode(k), pct_encode(val)) for k, val in pairs)

    canon_headers = "".join("%s:%s\n" % (k, canon_vals[k]) for k in signed)

    body = v["body"].encode("utf-8")
    if not body:
        payload = EMPTY_SHA256
    else:
        override = [val for k, val in headers.items() if k.lower() == "x-sdk-content-sha256"]
        payload = override[0] if override else hashlib.sha256(body).hexdigest()

    cr = "\n".join([v["method"].upper(), uri, query, canon_headers, ";".join(signed), payload])
    return ";".join(signed), cr, x_sdk_date, query


def verify_vector(v):
    """Return a list of failure messages for one vector."""
    fails = []
    # 1. consistency of the SDK's recorded intermediates
    sts = "SDK-HMAC-SHA256\n%s\n%s" % (
        v["x_sdk_date"], hashlib.sha256(v["canonical_request"].encode("utf-8")).hexdigest())
    if sts != v["string_to_sign"]:
        fails.append("string_to_sign mismatch")
    sig = hmac.new(v["sk"].encode("utf-8"), sts.encode("utf-8"), hashlib.sha256).hexdigest()
    if sig != v["signature"]:
        fails.append("signature mismatch")
    auth = "SDK-HMAC-SHA256 Access=%s, SignedHeaders=%s, Signature=%s" % (v["ak"], v["signed_headers"], sig)
    if auth != v["authorization"]:
        fails.append("authorization mismatch:\n  got  %s\n  want %s" % (auth, v["authorization"]))
    if v["sent_headers"].get("Authorization") != v["authorization"]:
        fails.append("sent Authorization header differs from authorization")
    if v["canonical_request"].split("\n")[-2] != v["signed_headers"]:
        fails.append("signed_headers differs from canonical_request")
    # 2. independent rebuild from the inputs per README's spec
    sh, cr, xd, q = spec_canonical(v)
    if sh != v["signed_headers"]:
        fails.append("spec signed_headers %r != SDK %r" % (sh, v["signed_headers"]))
    if cr != v["canonical_request"]:
        fails.append("spec canonical_request differs:\n--- spec\n%s\n--- sdk\n%s" % (cr, v["canonical_request"]))
    if xd != v["x_sdk_date"]:
        fails.append("spec x_sdk_date %r != SDK %r" % (xd, v["x_sdk_date"]))
    if q != v["url_query"]:
        fails.append("canonical query %r != wire query %r" % (q, v["url_query"]))
    return fails


def verify(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    vectors = doc["vectors"]
    names = [v["name"] for v in vectors]
    expected_names = [c["name"] for c in CASES]
    bad = 0
    if names != expected_names:
        print("FAIL vector list %r does not match the cases %r" % (names, expected_names))
        bad += 1
    for v in vectors:
        fails = verify_vector(v)
        for msg in fails:
            print("FAIL %s: %s" % (v["name"], msg))
        bad += bool(fails)
        if not fails:
            print("ok   %s" % v["name"])
    print("%d passed, %d failed" % (len(vectors) - min(bad, len(vectors)), bad))
    return 0 if bad == 0 else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--verify", action="store_true", help="check signing.json with hashlib/hmac only")
    g.add_argument("--check", action="store_true", help="regenerate with the SDK and diff against signing.json")
    ap.add_argument("--out", default=OUT_PATH, help="output file (default: signing.json beside this script)")
    args = ap.parse_args()
    if args.verify:
        return verify(args.out)
    text = dump(generate())
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            same = f.read() == text
        print("signing.json is %s" % ("up to date" if same else "OUT OF DATE"))
        return 0 if same else 1
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %d vectors to %s" % (len(CASES), os.path.relpath(args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

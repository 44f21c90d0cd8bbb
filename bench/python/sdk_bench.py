#!/usr/bin/env python3
"""Client-side cost of one prepaid create (POST /v2.0/{project_id}/publicips) with Huawei Cloud's
official Python SDK (huaweicloudsdkcore + huaweicloudsdkeip), no network. Run by bench/client.mjs
inside a virtualenv it creates outside the repository; prints one JSON object.

Measured paths, all through the SDK's own code:
  models+build+sign  the request models, the client's http_info, Client.build_future_request
                     (path, query, headers, JSON body, then BasicCredentials signing on the SDK's
                     executor, as Client.do_http_request does) and .result()
  build+sign         the same with the request model built once
  sign only          BasicCredentials.sign_request on a freshly assembled SdkRequest
  full call          client.create_pre_paid_publicip(request) with the HTTP session replaced by a
                     stub that answers a canned requests.Response at once: build, sign, "send",
                     the SDK's response hooks and deserialisation into its models (requests' own
                     request preparation and socket work are skipped: a lower bound)

Arguments: one JSON object {"warmup_ms", "run_ms", "runs", "ak", "sk", "project_id", "answer"}.
"""
import json
import statistics
import sys
import time
from types import SimpleNamespace

import requests
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkeip.v2 import (
    CreatePrePaidPublicipExtendParamOption,
    CreatePrePaidPublicipOption,
    CreatePrePaidPublicipRequest,
    CreatePrePaidPublicipRequestBody,
    CreatePublicipBandwidthOption,
    EipClient,
)

ENDPOINT = "https://vpc.cn-north-4.myhuaweicloud.com"


def bench(fn, warmup_ms, run_ms, runs):
    end = time.perf_counter() + warmup_ms / 1000
    while time.perf_counter() < end:
        fn()
    per_run = []
    for _ in range(runs):
        calls = 0
        start = time.perf_counter()
        now = start
        while now - start < run_ms / 1000:
            for _ in range(10):
                fn()
            calls += 10
            now = time.perf_counter()
        per_run.append(calls / (now - start))
    ops = statistics.median(per_run)
    return {"opsPerSec": ops, "usPerOp": 1e6 / ops, "runs": runs,
            "spreadPct": 100 * (max(per_run) - min(per_run)) / ops}


def make_request():
    # The same body as eipkit's prepaid create (bench/fixtures.mjs createPrepaidValid).
    body = CreatePrePaidPublicipRequestBody(
        publicip=CreatePrePaidPublicipOption(type="5_bgp", alias="订单-eip_01"),
        bandwidth=CreatePublicipBandwidthOption(share_type="PER", name="prepaid-bw", size=10),
        extend_param=CreatePrePaidPublicipExtendParamOption(
            charge_mode="prePaid", period_type="month", period_num=3, is_auto_renew=False, is_auto_pay=True),
        enterprise_project_id="b261ac1f-2489-4bc7-b31b-c33c3346a439",
    )
    return CreatePrePaidPublicipRequest(body=body)


class StubSession:
    """Stands in for the SDK's requests.Session: answers every call with a canned response."""

    def __init__(self, answer):
        self.answer = answer.encode("utf-8")

    def _respond(self, url, **_kwargs):
        response = requests.Response()
        response.status_code = 200
        response._content = self.answer
        response.headers["Content-Type"] = "application/json;charset=UTF-8"
        response.headers["X-Request-Id"] = "833b486feeebb2a93a08a1c7f9616971"
        response.encoding = "utf-8"
        response.url = url
        # requests would attach its PreparedRequest; the SDK's response log reads method and url.
        response.request = SimpleNamespace(method=self.method, url=url)
        return response

    def post(self, url, **kwargs):
        self.method = "POST"
        return self._respond(url, **kwargs)

    def close(self):
        pass


def main():
    args = json.loads(sys.argv[1])
    timing = (args["warmup_ms"], args["run_ms"], args["runs"])
    credentials = BasicCredentials(args["ak"], args["sk"], args["project_id"])
    client = EipClient.new_builder().with_credentials(credentials).with_endpoints([ENDPOINT]).build()

    def build_and_sign(request):
        info = client._create_pre_paid_publicip_http_info(request)
        return client.build_future_request(
            info["method"], info["resource_path"], info["path_params"], info["query_params"],
            info["header_params"], info["body"], info["post_params"], info["cname"],
            info["response_type"], info["collection_formats"], None).result()

    request = make_request()
    signed = build_and_sign(request)
    assert signed.header_params["Authorization"].startswith("SDK-HMAC-SHA256 Access=")
    body = signed.body

    def sign_only():
        sdk_request = SdkRequest(method="POST", schema="https", host="vpc.cn-north-4.myhuaweicloud.com",
                                 resource_path="/v2.0/%s/publicips" % args["project_id"], query_params=[],
                                 header_params={"Content-Type": "application/json;charset=utf-8"}, body=body)
        return credentials.sign_request(sdk_request)

    client._http_client._session = StubSession(args["answer"])
    answer = client.create_pre_paid_publicip(request)
    assert answer.order_id and answer.publicip_id, answer

    results = {
        "modelsBuildSign": bench(lambda: build_and_sign(make_request()), *timing),
        "buildSign": bench(lambda: build_and_sign(request), *timing),
        "signOnly": bench(sign_only, *timing),
        "fullCallStubbed": bench(lambda: client.create_pre_paid_publicip(request), *timing),
    }
    import huaweicloudsdkcore
    from importlib.metadata import version
    results["versions"] = {"python": sys.version.split()[0], "huaweicloudsdkcore": version("huaweicloudsdkcore"),
                           "huaweicloudsdkeip": version("huaweicloudsdkeip")}
    results["sampleHeaders"] = sorted(k for k in signed.header_params)
    print(json.dumps(results))


if __name__ == "__main__":
    main()

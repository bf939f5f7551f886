"""A fuzzer against the hub's OpenAPI description (schemathesis over the real hub process): every
operation gets generated requests, valid and invalid, with a real device credential. The hub must
never answer with a server error, and must keep serving. Bounded per operation so CI stays quick."""

import json
import os
import uuid

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from tests.hub.test_sync import Hub

EXAMPLES = int(os.environ.get("LINDUNG_FUZZ_EXAMPLES", "40"))   # per operation and mode
TRIED: list[str] = []


@pytest.fixture(scope="module")
def fuzzed_hub(tmp_path_factory):
    hub = Hub(tmp_path_factory.mktemp("fuzz")).start()
    answer = httpx.post(hub.url + "/v1/devices/register", json={
        "code": hub.code("fuzz", review=True), "device_id": str(uuid.uuid4()), "prefix": "FZZ001"})
    assert answer.status_code == 200, answer.text
    hub.token = answer.json()["token"]
    yield hub
    hub.stop()
    report = tmp_path_factory.getbasetemp() / "fuzz-count.json"
    report.write_text(json.dumps({"requests": len(TRIED)}))
    print(f"\nfuzzer: {len(TRIED)} generated requests against the hub, no server error")


def test_the_hub_never_fails_on_generated_requests(fuzzed_hub):
    from hypothesis import given

    schema = schemathesis.openapi.from_url(fuzzed_hub.url + "/openapi.json")
    headers = {"Authorization": f"Bearer {fuzzed_hub.token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                      derandomize=True, database=None)
            def one(case):
                response = case.call(headers=headers, timeout=30)
                TRIED.append(operation.label)
                case.validate_response(response, checks=[not_a_server_error])

            try:
                one()
            except Unsatisfiable:
                # Nothing invalid to send (an operation without parameters, e.g. GET /health).
                assert mode is GenerationMode.NEGATIVE
    assert httpx.get(fuzzed_hub.url + "/health", timeout=10).status_code == 200   # still serving

"""A two-minute soak (issue 19) on a three-broker stack of its own: mixed traffic gets no 5xx and the
consumers keep up. The long soak, with the memory slopes, is `make bench-soak` (30 minutes)."""

from __future__ import annotations

import pytest

from tests.bench.soak_bench import soak


@pytest.mark.timeout(1200)  # a bound on a hang, not a speed requirement
def test_two_minutes_of_mixed_traffic_on_three_brokers_get_no_5xx_and_no_growing_lag(tmp_path):
    result = soak(2, rate=4, name="test-soak", base=23000, report=tmp_path / "soak.md")
    print(f"\n[soak] {result.verdict}; statuses {dict(result.statuses)}; log errors {dict(result.log_errors)}; "
          f"skipped {result.skipped}")
    assert sum(result.statuses.values()) > 300, "the traffic did not run"
    assert not [s for s in result.statuses if s.startswith("5")]
    assert not [s for s in result.statuses if not s[0].isdigit()], "requests that got no answer"
    assert sum(result.statuses[s] for s in result.statuses if s.startswith("2")) > 0.8 * sum(result.statuses.values())
    assert result.lag, "the consumer lag was not measured"
    last = result.lag[max(result.lag)]
    assert set(last) == {"employers", "workers", "ethics", "matcher"}, "a service's consumer group went unmeasured"
    assert sum(last.values()) < 200, f"consumers fell behind: {last}"
    documents = result.samples.documents()
    assert documents and documents[max(documents)] > documents[min(documents)], "the data held was not sampled"

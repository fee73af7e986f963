"""MT from a real LibreTranslate server (the tiny copy packages, offline): routes from
/languages, API key, batching, glossary enforcement exactly as with the local engine,
retries with back-off, timeouts, and the local packages as fallback when it is down."""

from __future__ import annotations

import functools

import pytest

from glossary.enforce import Strategy, translate_with_glossary
from glossary.matching import TermMatcher
from support.team_memory import at_once
from translation.engine import Engine, NoRouteError
from translation.libretranslate import (
    FallbackEngine,
    LibreTranslateEngine,
    ServerDown,
    ServerOptions,
    ServerRefused,
    open_engine,
)

FAST = ServerOptions(timeout_s=5, retries=2, backoff_s=0.05, batch_size=4)


def test_the_servers_pairs_are_the_routes(lt_server) -> None:
    engine = LibreTranslateEngine(lt_server.url, lt_server.api_key, FAST)
    pairs = {(r.source, r.target) for r in engine.routes()}
    assert {("ko", "en"), ("en", "zh-Hans")} <= pairs  # zh-Hans in the desk's own code
    with pytest.raises(NoRouteError, match="does not translate Chinese"):
        engine.route("zh-Hans", "ko")


def test_segments_go_in_batches_with_the_api_key(lt_server) -> None:
    engine = LibreTranslateEngine(lt_server.url, lt_server.api_key, FAST)
    texts = ["알리페이가 호주에 진출했다.", "", "마윈은 말했다.", "3.8조 위안.", "둘.", "셋?"]
    batches: list[list[int]] = []
    out = engine.translate(texts, "ko", "en", on_batch=lambda i, _o: batches.append(i))
    assert out == texts  # the copy model gives back its input, 3.8 unsplit
    assert batches == [[0, 2, 3, 4], [5]]  # 4 per request, the empty segment never sent


def test_a_wrong_api_key_is_refused_in_words(lt_server) -> None:
    engine = LibreTranslateEngine(lt_server.url, "not-a-key", FAST)
    with pytest.raises(ServerRefused, match="API key"):
        engine.translate(["알리페이."], "ko", "en")


@pytest.mark.parametrize("strategy", [Strategy.INJECT, Strategy.PLACEHOLDER])
def test_enforcement_through_the_server_is_the_same_as_through_the_local_engine(
    lt_server, tiny_packages_dir, curated_concepts, article_segments, strategy
) -> None:
    matcher = TermMatcher(curated_concepts, "ko", "en")

    def enforce(engine) -> list[dict]:
        segments = translate_with_glossary(
            article_segments,
            functools.partial(engine.translate, source="ko", target="en"),
            matcher,
            strategy=strategy,
            source_lang="ko",
            target_lang="en",
            concepts=curated_concepts,
        )
        return [(s.text, s.info()) for s in segments]

    remote = enforce(LibreTranslateEngine(lt_server.url, lt_server.api_key, FAST))
    local = enforce(Engine(tiny_packages_dir))
    assert remote == local
    terms = [term for _, info in remote for term in info["terms"]]
    assert len(terms) > 50 and all(term["ok"] for term in terms)


def test_a_forbidden_form_the_server_returns_is_repaired_by_the_desk(
    lt_server, curated_concepts
) -> None:
    # The server cannot block "Ali Pay" while decoding: the desk's repair step catches it.
    engine = LibreTranslateEngine(lt_server.url, lt_server.api_key, FAST)
    [segment] = translate_with_glossary(
        ["알리페이, 즉 Ali Pay 결제는 호주에서 시작했다."],
        functools.partial(engine.translate, source="ko", target="en"),
        TermMatcher(curated_concepts, "ko", "en"),
        source_lang="ko",
        target_lang="en",
        concepts=curated_concepts,
    )
    assert "Ali Pay" not in segment.text and segment.text.startswith("Alipay, 즉 Alipay")
    assert segment.ok


def test_retries_with_back_off_ride_out_a_short_network_cut(lt_server) -> None:
    from support.team_servers import TcpProxy

    proxy = TcpProxy(lt_server.port)
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            proxy.restore()  # the network comes back during the second back-off

    try:
        options = ServerOptions(timeout_s=5, retries=3, backoff_s=0.05, batch_size=4)
        engine = LibreTranslateEngine(f"http://127.0.0.1:{proxy.port}", lt_server.api_key,
                                      options, sleep=sleep)  # fmt: skip
        engine.routes()
        proxy.cut()
        assert engine.translate(["마윈은 말했다."], "ko", "en") == ["마윈은 말했다."]
        assert waits == [0.05, 0.1]  # doubling back-off
    finally:
        proxy.close()


def test_a_hung_server_times_out_then_the_local_packages_translate(
    lt_server, tiny_packages_dir
) -> None:
    from support.team_servers import TcpProxy

    proxy = TcpProxy(lt_server.port)
    try:
        options = ServerOptions(timeout_s=0.5, retries=1, backoff_s=0.01, batch_size=4)
        remote = LibreTranslateEngine(f"http://127.0.0.1:{proxy.port}", lt_server.api_key,
                                      options)  # fmt: skip
        engine = FallbackEngine(remote, Engine(tiny_packages_dir))
        assert ("ko", "en") in {(r.source, r.target) for r in engine.routes()}
        proxy.stall()
        with pytest.raises(ServerDown, match="timed out"):
            remote.translate(["마윈."], "ko", "en")
        assert engine.translate(["마윈은 말했다."], "ko", "en") == ["마윈은 말했다."]
        assert "did not answer after 2 tries" in engine.notice
        assert "translated with the local packages instead" in engine.notice
    finally:
        proxy.close()


def test_server_down_without_a_local_package_says_what_to_do(tmp_path) -> None:
    remote = LibreTranslateEngine("http://127.0.0.1:9", "", FAST, sleep=lambda s: None)
    engine = FallbackEngine(remote, Engine(tmp_path / "no-packages"))
    with pytest.raises(NoRouteError, match="did not answer after 3 tries.*no local package"):
        engine.translate(["마윈."], "ko", "en")
    assert engine.routes() == []  # nothing to offer in the pair selector, and no crash


def test_open_engine_takes_the_url_from_the_environment(monkeypatch, tiny_packages_dir) -> None:
    monkeypatch.setenv("HANBIT_MT_URL", "http://127.0.0.1:9")
    assert isinstance(open_engine(tiny_packages_dir), FallbackEngine)
    monkeypatch.delenv("HANBIT_MT_URL")
    assert isinstance(open_engine(tiny_packages_dir), Engine)
    with pytest.raises(ValueError, match="not a LibreTranslate server URL"):
        open_engine(tiny_packages_dir, "ftp://x")


def test_concurrent_desks_share_one_server(lt_server) -> None:
    engine = LibreTranslateEngine(lt_server.url, lt_server.api_key, FAST)
    results: list[list[str]] = []

    def desk(number: int) -> None:
        results.append(engine.translate([f"{number}번 기자가 썼다."] * 6, "ko", "en"))

    assert at_once(desk) == []
    assert sorted(r[0] for r in results) == [f"{n}번 기자가 썼다." for n in range(5)]

"""The engine over the tiny copy packages: routes, batching, pivots, blocking, model cache."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
import sentencepiece as spm

from support.tiny_package import SEED_ARTICLE, build_copy_package
from translation import runtime
from translation.engine import Cancelled, Engine, EngineOptions, NoRouteError, _Model
from translation.packages import PackageError, install_package_file

SENTENCES = [
    "알리바바 알리페이가 호주에 6번째 글로벌 지사를 설립할 예정이다.",
    "Alipay signed a partnership with Paybang.",
    "支付宝在澳洲設立分公司。",
    "짧다.",
    "3조8729억 위안, 1500만 달러.",
]


def _article_lines() -> list[str]:
    lines = [line.strip() for line in SEED_ARTICLE.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_routes_list_direct_pairs_then_pivots(tiny_packages_dir: Path):
    routes = Engine(tiny_packages_dir).routes()
    assert [(r.source, r.target, r.pivot) for r in routes] == [
        ("en", "zh-Hans", False),
        ("ko", "en", False),
        ("ko", "zh-Hans", True),
    ]
    assert routes[2].label == "ko → zh-Hans (via en)"


def test_no_route_says_what_to_do(tiny_packages_dir: Path):
    engine = Engine(tiny_packages_dir)
    with pytest.raises(NoRouteError, match="Install from file, or download zh-Hans→en when"):
        engine.route("zh-Hans", "en")
    # Through English only the missing hop is worth downloading.
    with pytest.raises(NoRouteError, match=r"\(ko→zh-Hant\).*download en→zh-Hant when online"):
        engine.translate(["안녕"], "ko", "zh-Hant")


def test_article_comes_back_through_the_copy_model(tiny_packages_dir: Path):
    lines = _article_lines()
    assert Engine(tiny_packages_dir).translate(lines, "ko", "en") == lines


def test_pivot_runs_both_packages(tiny_packages_dir: Path):
    engine = Engine(tiny_packages_dir)
    assert engine.translate(SENTENCES, "ko", "zh-Hans") == SENTENCES
    assert [p.name for p in engine.loaded_packages()] == [
        "translate-en_zh-1_0",
        "translate-ko_en-1_0",
    ]


def test_batches_report_original_indexes(tiny_packages_dir: Path):
    engine = Engine(tiny_packages_dir, EngineOptions(max_batch_size=2))
    seen: dict[int, str] = {}
    calls = []

    def on_batch(indexes: list[int], translations: list[str]) -> None:
        calls.append(len(indexes))
        for index, translation in zip(indexes, translations, strict=True):
            assert index not in seen
            seen[index] = translation

    texts = [*SENTENCES, "", "   "]
    result = engine.translate(texts, "ko", "en", on_batch=on_batch)
    assert result == [*SENTENCES, "", ""]
    assert calls == [2, 2, 1]  # blank segments never reach the model
    assert seen == dict(enumerate(SENTENCES))


def test_cancel_stops_between_batches(tiny_packages_dir: Path):
    engine = Engine(tiny_packages_dir, EngineOptions(max_batch_size=2))
    batches = []
    with pytest.raises(Cancelled):
        engine.translate(
            SENTENCES,
            "ko",
            "zh-Hans",
            on_batch=lambda indexes, _: batches.append(indexes),
            cancel=lambda: len(batches) >= 1,
        )
    assert len(batches) == 1


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("알리바바 Ali Pay 결제 서비스를 시작했다.", ["Ali Pay"]),
        ("Ant Financial said Ali Pay and Alipay are one service.", ["Ali Pay"]),
        ("Ant Financial said Ali Pay and Alipay are one service.", ["Ali Pay", "Pay"]),
        ("支付宝在澳洲設立分公司。", ["支付宝", "澳洲"]),
    ],
)
def test_blocking_never_leaves_broken_characters(
    tiny_packages_dir: Path, source: str, forbidden: list[str]
):
    # Blocked from the copied piece, the copy model falls back on byte pieces that decode
    # to U+FFFD ("Ali\ufffd"); such a segment is decoded again without blocking, so the
    # translator gets readable text (the glossary layer repairs the forbidden form).
    engine = Engine(tiny_packages_dir)
    for target in ("en", "zh-Hans"):  # the last hop of a pivot blocks too
        [blocked] = engine.translate([source], "ko", target, forbidden=forbidden)
        assert "\ufffd" not in blocked
        assert blocked == engine.translate([source], "ko", target)[0]


def test_target_prefix_is_forced_and_stripped(tmp_path: Path, tiny_sentencepiece: Path):
    # A multilingual model is told its target language by a first token; the copy model
    # shows it: the forced prefix takes the first copied position and never reaches the user.
    processor = spm.SentencePieceProcessor(model_file=str(tiny_sentencepiece))
    text = "Alibaba opened an office."
    first, *rest = processor.encode(text, out_type=str)
    build_copy_package(
        tmp_path, "en", "ko", sentencepiece_model=tiny_sentencepiece, target_prefix=first
    )
    (translation,) = Engine(tmp_path).translate([text], "en", "ko")
    assert translation == processor.decode(rest)
    assert text.endswith(translation) and len(translation) < len(text)


def test_idle_models_are_unloaded_and_reload(tiny_packages_dir: Path):
    clock = FakeClock()
    engine = Engine(tiny_packages_dir, EngineOptions(idle_unload_s=60), clock=clock)
    engine.translate(SENTENCES[:1], "ko", "en")
    clock.now += 30
    assert engine.unload_idle() == []
    clock.now += 31
    assert [p.name for p in engine.unload_idle()] == ["translate-ko_en-1_0"]
    assert engine.loaded_packages() == []
    assert engine.translate(SENTENCES[:1], "ko", "en") == SENTENCES[:1]
    engine.close()


def test_model_in_use_is_not_unloaded(tiny_packages_dir: Path):
    clock = FakeClock()
    engine = Engine(
        tiny_packages_dir, EngineOptions(idle_unload_s=60, max_batch_size=1), clock=clock
    )
    unloaded = []

    def on_batch(indexes, translations):
        clock.now += 120
        unloaded.extend(engine.unload_idle())

    assert engine.translate(SENTENCES, "ko", "en", on_batch=on_batch) == SENTENCES
    assert unloaded == []
    engine.close()


def test_explicit_unload(tiny_packages_dir: Path):
    engine = Engine(tiny_packages_dir)
    engine.translate(SENTENCES[:1], "ko", "en")
    assert engine.loaded_packages() != []
    engine.unload()
    assert engine.loaded_packages() == []


def test_cpu_gets_int8(tiny_packages_dir: Path):
    engine = Engine(tiny_packages_dir, EngineOptions(device="cpu"))
    assert (engine.device, engine.compute_type()) == ("cpu", "int8")


def test_newly_installed_package_is_routed(tiny_packages_copy: Path, tiny_argosmodel: Path):
    engine = Engine(tiny_packages_copy)
    with pytest.raises(NoRouteError):
        engine.route("zh-Hans", "en")
    install_package_file(tiny_argosmodel, tiny_packages_copy)
    assert engine.route("zh-Hans", "en").packages[0].path.name == "translate-zh_en-1_0"
    assert engine.translate(SENTENCES, "zh-Hans", "en") == SENTENCES


def test_worker_thread_and_window_thread_together(tiny_packages_dir: Path):
    engine = Engine(tiny_packages_dir, EngineOptions(max_batch_size=1))
    results: dict[str, list[str]] = {}
    workers = [
        threading.Thread(
            target=lambda pair=pair: results.__setitem__(pair, engine.translate(SENTENCES, *pair))
        )
        for pair in (("ko", "en"), ("ko", "zh-Hans"))
    ]
    for worker in workers:
        worker.start()
    for _ in range(20):
        assert len(engine.routes()) == 3  # the window keeps asking while workers translate
    for worker in workers:
        worker.join()
    assert results == {("ko", "en"): SENTENCES, ("ko", "zh-Hans"): SENTENCES}


def test_auto_falls_back_to_cpu_when_cuda_libraries_are_missing(tiny_packages_dir, monkeypatch):
    import ctranslate2

    real = ctranslate2.Translator

    def translator(path, device="cpu", **kwargs):
        if device == "cuda":
            raise RuntimeError("Library libcublas.so.12 is not found or cannot be loaded")
        return real(path, device=device, **kwargs)

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)
    monkeypatch.setattr(ctranslate2, "Translator", translator)
    monkeypatch.setattr(runtime, "cuda_unusable", None)
    engine = Engine(tiny_packages_dir)
    assert engine.device == "cuda"
    assert engine.translate(SENTENCES, "ko", "en") == SENTENCES
    assert engine.device == "cpu"
    assert Engine(tiny_packages_dir).device == "cpu"  # the next engine does not try again

    forced = Engine(tiny_packages_dir, EngineOptions(device="cuda"))
    with pytest.raises(PackageError, match="libcublas.so.12"):
        forced.translate(SENTENCES, "ko", "en")


def test_window_is_not_blocked_while_a_model_loads(tiny_packages_dir: Path, monkeypatch):
    import ctranslate2

    real = ctranslate2.Translator
    engine = Engine(tiny_packages_dir)
    answered = threading.Event()

    def slow_translator(*args, **kwargs):
        # While the worker is inside the load, the window thread asks for the routes.
        threading.Thread(target=lambda: (engine.routes(), answered.set()), daemon=True).start()
        assert answered.wait(timeout=30), "routes() waited for the model load"
        return real(*args, **kwargs)

    monkeypatch.setattr(ctranslate2, "Translator", slow_translator)
    assert engine.translate(SENTENCES[:1], "ko", "en") == SENTENCES[:1]


class _BlockingTranslator:
    """Copies its input; blocked from "bad", it writes "good", or a lone byte piece for "pay"."""

    def __init__(self) -> None:
        self.calls: list[list[list[str]] | None] = []

    def translate_batch(self, batch, *, suppress_sequences=None, **_options):
        self.calls.append(suppress_sequences)
        blocked = {piece for sequence in suppress_sequences or [] for piece in sequence}
        swap = {"bad": "good", "pay": "<0xEC>"}
        return [
            SimpleNamespace(hypotheses=[[swap.get(p, p) if p in blocked else p for p in pieces]])
            for pieces in batch
        ]


class _SpaceTokenizer:
    def decode(self, pieces: list[str]) -> str:
        return " ".join("\ufffd" if p.startswith("<0x") else p for p in pieces)


def test_only_a_segment_blocking_broke_is_decoded_again_unblocked():
    translator = _BlockingTranslator()
    model = _Model(translator, _SpaceTokenizer(), (Path("p"), 0), 0.0)
    engine = Engine(Path("unused"))
    batch = [["a", "bad", "word"], ["ali", "pay", "now"]]
    outputs = engine._run(SimpleNamespace(target_prefix=None), model, batch, [["bad"], ["pay"]])
    # Blocking that yields clean text stands; the broken one falls back to the model's best.
    assert outputs == ["a good word", "ali pay now"]
    assert translator.calls == [[["bad"], ["pay"]], None]


def test_a_model_that_fails_to_decode_is_a_package_error(tiny_packages_dir: Path):
    # On the CPU the translator is not test-decoded when it loads (its first decode would pay
    # the same start-up): a model that loads but cannot decode fails on the first segment, and
    # the translator is told which package, as when it cannot load.
    engine = Engine(tiny_packages_dir, EngineOptions(device="cpu"))
    engine.translate(SENTENCES, "ko", "en")
    [model] = engine._models.values()

    class Failing:
        def translate_batch(self, *args, **kwargs):
            raise RuntimeError("std::bad_alloc")

    model.translator = Failing()
    with pytest.raises(PackageError, match="the model cannot translate \\(std::bad_alloc\\)"):
        engine.translate(SENTENCES, "ko", "en")

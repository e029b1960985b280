"""``warta eval ner``: span scores and the JSON the command prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.entities.conll import read_conll
from warta.entities.train import TrainConfig, file_digest, train_model
from warta.evaluate.ner import evaluate_file, span_scores

TINY_CONLL = (
    "Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ntiba\tO\ndi\tO\nSemarang\tB-LOC\n.\tO\n\n"
    "Bank\tB-ORG\nIndonesia\tI-ORG\nmenahan\tO\nsuku\tO\nbunga\tO\n.\tO\n"
)


def test_span_scores_macro_averages_over_types() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "I-PER", "O", "O"], ["B-ORG", "B-LOC"]]
    scores = span_scores(gold, pred)
    assert scores["per_type"]["PER"]["f1"] == 1.0
    assert scores["per_type"]["ORG"]["f1"] == 1.0
    assert scores["per_type"]["LOC"]["f1"] == 0.0
    assert scores["macro_f1"] == pytest.approx(2 / 3, abs=1e-4)
    # micro: 2 of 3 predicted spans right, 2 of 3 gold spans found
    assert scores["micro_f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_span_scores_count_a_partial_span_as_wrong() -> None:
    scores = span_scores([["B-PER", "I-PER"]], [["B-PER", "O"]])
    assert scores["micro_precision"] == 0.0
    assert scores["micro_recall"] == 0.0


def test_span_scores_reject_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="gold sentences"):
        span_scores([["O"]], [])


def test_eval_ner_command_prints_documented_keys(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text(TINY_CONLL, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", str(path)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert {"per_type", "macro_f1", "micro_f1", "model"} <= scores.keys()
    assert scores["model"] == "pipeline"
    assert 0.0 <= scores["macro_f1"] <= 1.0
    assert set(scores["per_type"]) >= {"PER", "LOC", "ORG"}


def test_eval_ner_command_reports_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("Jakarta\tLOKASI\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", str(path)])
    assert result.exit_code == 2
    assert "broken.txt:1" in result.stderr


def test_known_corpus_is_scored_by_a_model_trained_on_its_train_split(tmp_path: Path) -> None:
    folder = tmp_path / "nerp"
    folder.mkdir()
    train = "budi\tB-PPL\nke\tO\nbandung\tB-PLC\n.\tO\n\nani\tB-PPL\ndi\tO\nmedan\tB-PLC\n.\tO\n\n"
    (folder / "train_preprocess.txt").write_text(train * 4, encoding="utf-8")
    test = folder / "test_preprocess.txt"
    test.write_text("budi\tB-PPL\ndi\tO\nbandung\tB-PLC\n.\tO\n", encoding="utf-8")
    scores = evaluate_file(test, cache=tmp_path / "cache")
    assert scores["model"] == "nerp-train"
    assert set(scores["per_type"]) == {"PPL", "PLC"}
    assert list((tmp_path / "cache").glob("ner-nerp-*.npz"))


def test_committed_corpus_model_is_used_only_for_its_own_train_file(tmp_path: Path) -> None:
    folder = tmp_path / "nerp"
    folder.mkdir()
    train = folder / "train_preprocess.txt"
    train.write_text("budi\tB-PPL\nke\tO\nbandung\tB-PLC\n.\tO\n\n" * 4, encoding="utf-8")
    test = folder / "test_preprocess.txt"
    test.write_text("budi\tB-PPL\ndi\tO\nbandung\tB-PLC\n.\tO\n", encoding="utf-8")
    models = tmp_path / "models"
    sents = read_conll(train)
    fitted = train_model(sents, ("PLC", "PPL"), TrainConfig(l2=0.1, max_iter=30))
    fitted.meta["train_sha1"] = file_digest(train)
    fitted.save(models / "ner-nerp.npz", quantize=True)
    evaluate_file(test, cache=tmp_path / "cache", models=models)
    assert not (tmp_path / "cache").exists()
    train.write_text(train.read_text(encoding="utf-8") * 2, encoding="utf-8")
    evaluate_file(test, cache=tmp_path / "cache", models=models)
    assert list((tmp_path / "cache").glob("ner-nerp-*.npz"))


@pytest.mark.parametrize(
    ("corpus", "valid", "floor"),
    [
        ("nerp", "valid_preprocess.txt", 0.69),
        ("nergrit", "valid_preprocess.txt", 0.68),
        ("idner-news-2k", "dev.txt", 0.80),
    ],
)
def test_committed_corpus_models_hold_their_valid_scores(
    shared_dir: Path, corpus: str, valid: str, floor: float
) -> None:
    scores = evaluate_file(shared_dir / "data" / "ner" / corpus / valid, cache=None)
    assert scores["model"] == f"{corpus}-train"
    assert scores["macro_f1"] >= floor

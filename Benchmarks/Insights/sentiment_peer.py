#!/usr/bin/env python3
"""Sentiment evaluation peers for Meridian's Insights module.

Runs the reference VADER (PyPI `vaderSentiment` 3.3.2, `pip install vaderSentiment`) on the
labelled set, writes its scores for the Swift conformance test, and prints accuracy and macro-F1
of a majority-class baseline, of plain VADER and (with --ours) of Meridian's model on all
sentences, on the `dev` split and on the held-out `test` split.

    python3 Benchmarks/Insights/sentiment_peer.py                     # writes Data/sentiment/vader_reference_scores.csv
    swift run meridian insights sentiment --labelled Data/sentiment/sales_sentences.csv \
        --predictions /tmp/ours.csv
    python3 Benchmarks/Insights/sentiment_peer.py --ours /tmp/ours.csv  # the table in RESULTS.md

Labels follow VADER's convention: compound >= 0.05 positive, <= -0.05 negative, else neutral.
"""
import argparse
import csv
from collections import Counter

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

LABELS = ["negative", "neutral", "positive"]


def label_of(compound):
    return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"


def metrics(truth, predicted):
    correct = sum(t == p for t, p in zip(truth, predicted))
    f1s = []
    for label in LABELS:
        tp = sum(t == label and p == label for t, p in zip(truth, predicted))
        n_pred = sum(p == label for p in predicted)
        n_true = sum(t == label for t in truth)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_true if n_true else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return correct / len(truth), sum(f1s) / 3


def majority(truth):
    counts = Counter(truth)
    best = max(LABELS, key=lambda label: (counts[label], -LABELS.index(label)))
    return [best] * len(truth)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--labelled", default="Data/sentiment/sales_sentences.csv")
    parser.add_argument("--reference-out", default="Data/sentiment/vader_reference_scores.csv")
    parser.add_argument("--ours", help="Meridian's predictions: CSV with id,label,compound")
    args = parser.parse_args()

    with open(args.labelled, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    analyzer = SentimentIntensityAnalyzer()
    vader = {}
    with open(args.reference_out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "compound", "pos", "neu", "neg"])
        for row in rows:
            s = analyzer.polarity_scores(row["text"])
            vader[row["id"]] = label_of(s["compound"])
            writer.writerow([row["id"], s["compound"], s["pos"], s["neu"], s["neg"]])

    ours = None
    if args.ours:
        with open(args.ours, newline="", encoding="utf-8") as f:
            ours = {r["id"]: r["label"] for r in csv.DictReader(f)}

    print("| set | n | model | accuracy | macro-F1 |")
    print("|---|---:|---|---:|---:|")
    for name, subset in [("all", rows), ("dev", [r for r in rows if r["split"] == "dev"]),
                         ("test", [r for r in rows if r["split"] == "test"])]:
        truth = [r["label"] for r in subset]
        models = [("majority class", majority(truth)), ("VADER 3.3.2 (Python)", [vader[r["id"]] for r in subset])]
        if ours is not None:
            models.append(("Meridian sales model", [ours[r["id"]] for r in subset]))
        for model, predicted in models:
            accuracy, macro_f1 = metrics(truth, predicted)
            print(f"| {name} | {len(subset)} | {model} | {accuracy:.4f} | {macro_f1:.4f} |")


if __name__ == "__main__":
    main()

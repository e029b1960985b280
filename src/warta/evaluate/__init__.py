"""Scoring Warta's components on labelled data (NER spans, PLOVER event records)."""

// Tests for Scoring.

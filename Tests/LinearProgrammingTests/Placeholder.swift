// Tests for LinearProgramming.

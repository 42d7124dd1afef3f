// Tests for Segmentation.

// Tests for QuotaPlanning.

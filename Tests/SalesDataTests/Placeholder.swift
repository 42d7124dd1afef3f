// Tests for SalesData.

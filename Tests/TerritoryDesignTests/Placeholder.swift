// Tests for TerritoryDesign.

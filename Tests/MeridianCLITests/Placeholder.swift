// Tests for MeridianCLI.

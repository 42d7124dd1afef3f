// The Scoring module; see ../shared/ARCHITECTURE.md.

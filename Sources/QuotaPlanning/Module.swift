// The QuotaPlanning module; see ../shared/ARCHITECTURE.md.

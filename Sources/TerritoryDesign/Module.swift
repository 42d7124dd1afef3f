// The TerritoryDesign module; see ../shared/ARCHITECTURE.md.

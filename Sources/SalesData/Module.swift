// The SalesData module; see ../shared/ARCHITECTURE.md.

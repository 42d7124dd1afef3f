// The LinearProgramming module; see ../shared/ARCHITECTURE.md.

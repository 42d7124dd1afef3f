// The Segmentation module; see ../shared/ARCHITECTURE.md.

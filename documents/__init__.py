"""The bilingual document: segmentation, project files, import and export; no Qt."""

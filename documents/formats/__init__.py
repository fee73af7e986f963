"""Writers of bilingual and target-only files, one module per format; see documents.export."""

"""Pipeline stages, one module each; see sitrep.pipeline.STAGES for the order."""

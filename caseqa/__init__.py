"""caseqa: extractive, citation-first question answering over Chinese government case studies."""

from __future__ import annotations

__version__ = "0.1.0"

"""Tests in the subfolders of tests/switchlink import the shared scripted switch by name."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

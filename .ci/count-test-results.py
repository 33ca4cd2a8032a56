"""Sums the counters of every TRX file under a folder and prints one line: 'N passed, N failed'.

Exits 1 when no result file exists (a run that executed no test must not look green).
"""
import pathlib
import sys
import xml.etree.ElementTree as ElementTree

NAMESPACE = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results")
passed = failed = skipped = 0
files = sorted(folder.rglob("*.trx")) if folder.exists() else []
for path in files:
    counters = ElementTree.parse(path).getroot().find(f"{NAMESPACE}ResultSummary/{NAMESPACE}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(0 if files and passed + failed > 0 else 1)

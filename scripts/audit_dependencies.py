"""Audit the locked dependencies with pip-audit; skip with a clear message when offline.

Usage: ``python scripts/audit_dependencies.py requirements/test.txt`` (CI runs it).

Exit 1 when a locked version has a known vulnerability. pip-audit looks every pin up in the
PyPI advisory data; on a machine that cannot reach it (a mirror without the JSON API, no
network) every lookup is skipped and pip-audit itself would print "No known vulnerabilities
found" — which reads as a pass. This wrapper says instead that the audit was skipped, and why.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TIMEOUT_SECONDS = 300


def main(lock: str) -> int:
    pip_audit = str(Path(sys.executable).with_name("pip-audit"))
    options = ["--no-deps", "--disable-pip", "--progress-spinner", "off", "-f", "json"]
    command = [pip_audit, "-r", lock, *options]
    try:
        completed = subprocess.run(  # noqa: S603 (our own venv's pip-audit, fixed arguments)
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        print(f"pip-audit: skipped, the advisory database did not answer in {TIMEOUT_SECONDS} s")
        return 0
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError:
        reason = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"pip-audit: skipped, the advisory database is unreachable ({reason})")
        return 0
    dependencies = report.get("dependencies", [])
    audited = [d for d in dependencies if "skip_reason" not in d]
    vulnerable = [d for d in audited if d.get("vulns")]
    if not audited:
        print(
            f"pip-audit: skipped, none of the {len(dependencies)} locked dependencies could be "
            "looked up (offline, or the index has no advisory data)"
        )
        return 0
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions", [])) or "none yet"
            print(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixes})")
    skipped = len(dependencies) - len(audited)
    print(
        f"pip-audit: {len(audited)} dependencies audited, {skipped} could not be looked up, "
        f"{len(vulnerable)} with known vulnerabilities"
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements/test.txt"))

"""`reviewer batch`: many drafts at once, in parallel, resumable, with reports for people and CI.

- ``discovery``: which files a batch covers (folders recursively, ``.md``/``.txt`` or ``--glob``).
- ``worker``: what runs in a worker process (read, parse, CPU checks; engines warmed once).
- ``runner``: the parent's loop: bounded in-flight work, the critique with bounded concurrency,
  reports written as results finish.
- ``state``: the resume manifest (content hash + configuration fingerprint per file).
- ``outputs``: where each report goes and the batch-wide reports (index, SARIF, JUnit).
- ``summary``: one summary line per file (``summary.jsonl``) and the exit code.
"""

from reviewer.batch.runner import BatchOptions, BatchResult, run_batch

__all__ = ["BatchOptions", "BatchResult", "run_batch"]

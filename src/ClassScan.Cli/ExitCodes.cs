namespace ClassScan.Cli;

/// <summary>Process exit codes, documented in --help and the README. Scripts branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>The scan completed and no file must leave M365.</summary>
    public const int NothingToMove = 0;
    /// <summary>The scan completed and at least one file is level 2 or 3 (see flagged.csv).</summary>
    public const int FilesMustLeave = 1;
    /// <summary>The command line or configuration was wrong; nothing was scanned.</summary>
    public const int UsageError = 2;
    /// <summary>The scan did not complete: Ctrl+C or a source failure (the report is marked incomplete), or the
    /// output folder or the state could not be written, disk full or read-only (then no report is replaced:
    /// last night's stay byte for byte, and stdout and the log name the cause).</summary>
    public const int Incomplete = 3;
    /// <summary>Another run holds the output folder's lock (.classscan.lock); nothing was scanned. A timer that
    /// fires while last night's run is still going gets this instead of a second, overlapping run.</summary>
    public const int AlreadyRunning = 4;
    /// <summary>The scan completed, but the state file was damaged: it was moved aside (summary.json "state_recovered"
    /// says where) and rebuilt by reading every file. The reports are complete; whether files must leave is in
    /// flagged.csv and summary.json "must_leave". Distinct from 0 and 1 so that a person looks at the damaged file.</summary>
    public const int StateRebuilt = 5;
    /// <summary><c>classscan show</c>: the state does not know the id (another output folder, or a run without state).</summary>
    public const int NotFound = 1;
}

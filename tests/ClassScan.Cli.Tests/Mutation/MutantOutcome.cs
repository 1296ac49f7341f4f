namespace ClassScan.Cli.Tests.Mutation;

/// <summary>
/// How one mutant ended. Read, Encrypted, Unsupported, Limit and Corrupt are the documented outcomes;
/// Unexpected (another exception type), Hang (over the per-case timeout) and Crash (the worker process died)
/// are bugs.
/// </summary>
internal enum MutantOutcome
{
    Read,
    Encrypted,
    Unsupported,
    Limit,
    Corrupt,
    Unexpected,
    Hang,
    Crash,
}

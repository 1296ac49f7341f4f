namespace ClassScan.Detection;

/// <summary>
/// The match timeout of detector regexes that search long texts with lookarounds (which rules out the
/// non-backtracking engine). It is a backstop against a pattern gone pathological, never a working limit: the
/// patterns are linear, and a timeout drops a segment's evidence. At 200 ms a busy machine (two scans, a
/// nightly backup) timed out on a large text and the same file got a different level from one run to the next;
/// the per-file time budget is what stops a file that takes too long.
/// </summary>
internal static class RegexBudget
{
    public const int Milliseconds = 10_000;
}

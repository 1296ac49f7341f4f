namespace ClassScan.Cli.Doctor;

/// <summary>Result of one doctor check. Only <see cref="Failed"/> makes doctor exit non-zero.</summary>
public enum DoctorOutcome
{
    Ok,
    /// <summary>Works, but something deserves a look (e.g. a run is going right now).</summary>
    Warning,
    Failed,
    /// <summary>Not applicable to this configuration (no Graph settings, no state database).</summary>
    Skipped,
}

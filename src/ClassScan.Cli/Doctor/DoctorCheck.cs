namespace ClassScan.Cli.Doctor;

/// <summary>One line of doctor's output: what was checked, how it went, and what to do when it did not.</summary>
public sealed record DoctorCheck(string Name, DoctorOutcome Outcome, string Message, string? Fix = null);

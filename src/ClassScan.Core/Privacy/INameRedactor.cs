namespace ClassScan.Core.Privacy;

/// <summary>
/// Masks identity numbers in names before they reach a report or a log. Staff name files and folders after the
/// person a case is about ("19121212-1212 Anna utredning.docx"), and the reports travel to every förvaltning and
/// are stored in M365: a report that repeats a full personnummer would itself be level 2.
/// </summary>
public interface INameRedactor
{
    /// <summary>The name (a path, a URL, a person's or site's display name) with every identity number masked
    /// as evidence masks it ("19121212-****"); the same instance when there is nothing to mask.</summary>
    string Redact(string name);
}

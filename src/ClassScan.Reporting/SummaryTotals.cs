using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Totals of results counted one by one as they stream past (files, bytes, must-leave, per status and level), so a
/// summary over a large state needs no list of every result. Not thread-safe: one writer.
/// </summary>
public sealed class SummaryTotals
{
    private readonly Dictionary<string, int> byStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> byLevel = [];

    public int Files { get; private set; }
    public long Bytes { get; private set; }
    public int MustLeave { get; private set; }
    public IReadOnlyDictionary<string, int> ByStatus => byStatus;
    public IReadOnlyDictionary<int, int> ByLevel => byLevel;

    public void Add(ScanResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        Files++;
        Bytes += r.Bytes;
        if (r.MustLeave) MustLeave++;
        var name = r.Status.ToReportName();
        byStatus[name] = byStatus.GetValueOrDefault(name) + 1;
        if (r.Classification is { } c) byLevel[(int)c.Level] = byLevel.GetValueOrDefault((int)c.Level) + 1;
    }

    /// <summary><paramref name="s"/> with these totals added.</summary>
    public ScanSummary AddTo(ScanSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var status = new Dictionary<string, int>(s.ByStatus);
        foreach (var (k, v) in byStatus) status[k] = status.GetValueOrDefault(k) + v;
        var level = new Dictionary<int, int>(s.ByLevel);
        foreach (var (k, v) in byLevel) level[k] = level.GetValueOrDefault(k) + v;
        return s with
        {
            Files = s.Files + Files,
            Bytes = s.Bytes + Bytes,
            MustLeave = s.MustLeave + MustLeave,
            ByStatus = status,
            ByLevel = level,
        };
    }
}

using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClassScan.Reporting;

/// <summary>
/// A CSV written to a temp file beside its target and renamed into place on commit, so a reader never sees
/// half a report. Semicolon-separated, UTF-8 with BOM (Swedish Excel opens it right), RFC 4180 quoting,
/// and cells that Excel would run as formulas (=, +, -, @ first) escaped: file names are attacker-chosen.
/// </summary>
internal sealed class AtomicCsvFile<TRow> : IAsyncDisposable
{
    private readonly string target;
    private readonly string temp;
    private readonly StreamWriter writer;
    private readonly CsvWriter csv;
    private bool committed;

    public AtomicCsvFile(string target)
    {
        this.target = target;
        temp = target + $".{Environment.ProcessId}.tmp";
        writer = new StreamWriter(temp, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
        csv = new CsvWriter(writer, Configuration);
        csv.WriteHeader<TRow>();
        csv.NextRecord();
    }

    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
    };

    public int Rows { get; private set; }

    public void Write(TRow row)
    {
        csv.WriteRecord(row);
        csv.NextRecord();
        Rows++;
    }

    public async Task CommitAsync()
    {
        await csv.FlushAsync().ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
        await csv.DisposeAsync().ConfigureAwait(false);
        File.Move(temp, target, overwrite: true);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (committed) return;
        await csv.DisposeAsync().ConfigureAwait(false);
        try { File.Delete(temp); } catch (IOException) { }
    }
}

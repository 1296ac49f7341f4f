using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClassScan.Reporting;

/// <summary>
/// A CSV written to a temp file beside its target and renamed into place on commit, so a reader never sees
/// half a report. Semicolon-separated, UTF-8 with BOM (Swedish Excel opens it right), RFC 4180 quoting,
/// and every cell neutralised against formula injection (<see cref="CsvCell"/>): file names are attacker-chosen.
/// This is the only place the product writes CSV, so every report gets the same protection.
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
        csv = new FormulaSafeCsvWriter(writer, Configuration);
        csv.WriteHeader<TRow>();
        csv.NextRecord();
    }

    /// <summary>How the reports are written and read back (the previous-run reader uses it too).</summary>
    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        NewLine = "\r\n",
        // Neutralised by FormulaSafeCsvWriter instead: CsvHelper's Escape looks only at the first character
        // (after a quote), so " =1+1", a BOM or zero-width space before "=", or "＝" pass through it.
        InjectionOptions = InjectionOptions.None,
        // With NewLine set, CsvHelper quotes only fields holding "\r\n": a lone \n or \r (legal in a Linux file
        // name) would end the record there and start a new row with whatever follows, "=..." included.
        ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || args.Field.AsSpan().IndexOfAny('\r', '\n') >= 0,
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

    /// <summary>Neutralises every field, header included, before CsvHelper quotes it.</summary>
    private sealed class FormulaSafeCsvWriter(TextWriter writer, CsvConfiguration configuration) : CsvWriter(writer, configuration)
    {
        public override void WriteField(string? field, bool shouldQuote) => base.WriteField(CsvCell.Neutralise(field), shouldQuote);
    }
}

using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClassScan.Reporting;

/// <summary>
/// A CSV written to a temp file beside its target (staged in a <see cref="ReportBatch"/>) and put in place with the
/// batch, so a reader never sees half a report and a failing run leaves last night's file as it was.
/// Semicolon-separated, UTF-8 with BOM (Swedish Excel opens it right), RFC 4180 quoting, and every cell
/// neutralised against formula injection (<see cref="CsvCell"/>): file names are attacker-chosen.
/// This is the only place the product writes CSV, so every report gets the same protection.
/// </summary>
internal sealed class AtomicCsvFile<TRow> : IAsyncDisposable
{
    private readonly StreamWriter writer;
    private readonly CsvWriter csv;
    private bool closed;

    public AtomicCsvFile(string target, ReportBatch batch)
    {
        writer = new StreamWriter(batch.Open(target), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
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

    /// <summary>Writes out and closes the temp file; it is put in place when the batch commits. Throws on a full disk.</summary>
    public async Task CloseAsync()
    {
        await csv.FlushAsync().ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
        closed = true;
        await csv.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (closed) return;
        closed = true;
        try
        {
            await csv.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Not closed means the run failed: closing flushes the buffer, which fails again on a full disk. The
            // cause is already reported, and the batch deletes the temp file.
        }
    }

    /// <summary>Neutralises every field, header included, before CsvHelper quotes it.</summary>
    private sealed class FormulaSafeCsvWriter(TextWriter writer, CsvConfiguration configuration) : CsvWriter(writer, configuration)
    {
        public override void WriteField(string? field, bool shouldQuote) => base.WriteField(CsvCell.Neutralise(field), shouldQuote);
    }
}
